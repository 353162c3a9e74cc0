using Hotline.Telephony;
using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateDayTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 3, 11, 0, 0, 0, Shanghai);

    [Fact]
    public void A_call_spanning_midnight_counts_for_the_day_it_arrived_and_the_next_day_starts_at_zero()
    {
        // Arrives 23:59:50, queued 23:59:52, answered 00:00:10 after an 18 s wait.
        var state = Run(Seat("A1", Base), Answered("c1", Midnight.AddSeconds(-10), "A1", wait: 18, talk: null, ivr: 2));

        var next = state.Snapshot(Midnight.AddSeconds(20));

        Assert.Equal(new DateOnly(2026, 3, 11), next.Day);
        Assert.Equal(0, next.Today.Offered);
        Assert.Equal(0, next.Today.Answered);
        Assert.Equal(0, SeatOf(next, "A1").CallsToday);
        // Its answer went to the minute it arrived in, which the last hour still shows.
        Assert.Equal(1, next.LastHour.Offered);
        Assert.Equal(1, next.LastHour.Answered);
    }

    [Fact]
    public void Before_midnight_the_spanning_call_is_offered_on_its_arrival_day()
    {
        // Only its arrival, IVR and queue events (up to 23:59:52) have happened.
        var state = Run(Answered("c1", Midnight.AddSeconds(-10), "A1", wait: 18, talk: null, ivr: 2).Take(3));

        var snapshot = state.Snapshot(Midnight.AddSeconds(-1));

        Assert.Equal(new DateOnly(2026, 3, 10), snapshot.Day);
        Assert.Equal(1, snapshot.Today.Offered);
        Assert.Equal(1, snapshot.Today.OfferedToAgents);
        Assert.Equal(1, snapshot.HalfHours[47].Offered);
        Assert.Equal(7.0, QueueOf(snapshot).LongestWaitSeconds, 9);
    }

    [Fact]
    public void A_snapshot_past_midnight_starts_the_new_day_from_zero_without_any_event()
    {
        var state = Run(Seat("A1", Base), Answered("c1", Base, "A1", wait: 10), SelfServed("c2", Base.AddMinutes(1)));

        var next = state.Snapshot(Midnight.AddSeconds(1));

        Assert.Equal(new DateOnly(2026, 3, 11), next.Day);
        Assert.Equal(0, next.Today.Offered);
        Assert.All(next.HalfHours, p => Assert.Equal(0, p.Offered));
        Assert.Equal(Midnight, next.HalfHours[0].Start);
    }

    [Fact]
    public void The_day_is_cut_at_midnight_in_the_configured_zone_not_in_utc()
    {
        // 15:59:59Z is 23:59:59 on the 10th in Shanghai; 16:00:00Z is midnight of the 11th.
        var state = Run(
            SelfServed("late", new DateTimeOffset(2026, 3, 10, 15, 59, 59, TimeSpan.Zero)),
            SelfServed("early", new DateTimeOffset(2026, 3, 10, 16, 0, 0, TimeSpan.Zero)));

        var snapshot = state.Snapshot(new DateTimeOffset(2026, 3, 10, 16, 5, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 11), snapshot.Day);
        Assert.Equal(1, snapshot.Today.Offered);
        Assert.Equal(1, snapshot.HalfHours[0].Offered);
    }

    [Fact]
    public void At_midnight_seats_restart_their_calls_today_and_logged_out_seats_are_dropped()
    {
        var state = Run(
            Seat("A1", Base),
            Seat("A2", Base),
            Answered("c1", Base.AddMinutes(1), "A1", wait: 10),
            [new SeatLoggedOut(Base.AddHours(2), "A2")]);

        var evening = state.Snapshot(Midnight.AddMinutes(-1));
        var next = state.Snapshot(Midnight.AddMinutes(1));

        Assert.Equal(1, SeatOf(evening, "A1").CallsToday);
        Assert.Equal(SeatState.LoggedOut, SeatOf(evening, "A2").State);
        Assert.Equal(0, SeatOf(next, "A1").CallsToday);
        Assert.DoesNotContain(next.Seats, s => s.AgentId == "A2");
    }

    [Fact]
    public void At_midnight_empty_queues_are_dropped_and_queues_with_waiting_calls_stay()
    {
        var state = Run(
            Abandoned("c1", Base, wait: 20, queue: "12345"),
            Waiting("c2", Midnight.AddMinutes(-2), queue: "12345-企业"));

        var next = state.Snapshot(Midnight.AddMinutes(1));

        var queue = Assert.Single(next.Queues);
        Assert.Equal("12345-企业", queue.Name);
        Assert.Equal(1, queue.Waiting);
        Assert.Equal(170.0, queue.LongestWaitSeconds, 9);
    }
}
