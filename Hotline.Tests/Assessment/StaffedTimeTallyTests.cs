using Hotline.Core.Assessment;
using Hotline.Telephony;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.Assessment;

public class StaffedTimeTallyTests
{
    [Fact]
    public void Online_time_counts_only_inside_the_shift()
    {
        // Shift 08:00–16:00 (8 h). Ready 07:00–09:00 → 1 h inside; OnCall 15:30–17:00 → 0.5 h inside.
        var result = Staffed(
            [Shift("A001", 10, 12, 8, 16)],
            [Interval("A001", SeatState.Ready, At(10, 12, 7), At(10, 12, 9)), Interval("A001", SeatState.OnCall, At(10, 12, 15, 30), At(10, 12, 17))]).Results();

        var (agent, onDuty, online) = Assert.Single(result);
        Assert.Equal("A001", agent);
        Assert.Equal(8 * 3600, onDuty, 6);
        Assert.Equal(1.5 * 3600, online, 6);
    }

    [Fact]
    public void Not_ready_counts_only_for_the_reasons_set_as_work()
    {
        var result = Staffed(
            [Shift("A001", 10, 12, 8, 16)],
            [
                Interval("A001", SeatState.NotReady, At(10, 12, 8), At(10, 12, 9), "培训"),
                Interval("A001", SeatState.NotReady, At(10, 12, 9), At(10, 12, 10), "小休"),
                Interval("A001", SeatState.NotReady, At(10, 12, 10), At(10, 12, 11)),
                Interval("A001", SeatState.WrapUp, At(10, 12, 11), At(10, 12, 11, 30)),
                Interval("A001", SeatState.Ringing, At(10, 12, 11, 30), At(10, 12, 11, 45)),
                Interval("A001", SeatState.LoggedOut, At(10, 12, 12), At(10, 12, 16)),
            ],
            "培训").Results();

        Assert.Equal(1.75 * 3600, result[0].OnlineSeconds, 6); // training 1 h + wrap-up 0.5 h + ringing 0.25 h
    }

    [Fact]
    public void A_shift_across_midnight_counts_whole_for_its_start_day_with_the_time_after_midnight()
    {
        // Night shift 31 Oct 22:00 → 1 Nov 06:00 (8 h); Ready 23:00–02:00 → 3 h.
        var shift = Shift("A009", 10, 31, 22, 6);
        var result = Staffed([shift], [Interval("A009", SeatState.Ready, At(10, 31, 23), At(11, 1, 2))]).Results();

        Assert.Equal(new DateOnly(2026, 10, 31), shift.Day);
        Assert.Equal(8 * 3600, result[0].OnDutySeconds, 6);
        Assert.Equal(3 * 3600, result[0].OnlineSeconds, 6);
    }

    [Fact]
    public void An_interval_spanning_two_shifts_counts_in_both()
    {
        var result = Staffed(
            [Shift("A001", 10, 12, 8, 12), Shift("A001", 10, 12, 13, 17)],
            [Interval("A001", SeatState.Ready, At(10, 12, 11), At(10, 12, 14))]).Results();

        Assert.Equal(8 * 3600, result[0].OnDutySeconds, 6);
        Assert.Equal(2 * 3600, result[0].OnlineSeconds, 6); // 11–12 and 13–14; the lunch hour is off duty
    }

    [Fact]
    public void Seat_time_of_an_agent_without_a_shift_counts_nowhere()
    {
        var result = Staffed([Shift("A001", 10, 12, 8, 16)], [Interval("A002", SeatState.Ready, At(10, 12, 8), At(10, 12, 16))]).Results();

        Assert.Equal(0, Assert.Single(result).OnlineSeconds);
    }
}
