using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateHalfHourTests
{
    [Fact]
    public void The_series_has_48_half_hours_from_local_midnight()
    {
        var points = Run(SelfServed("c1", Base)).Snapshot(Base).HalfHours;

        Assert.Equal(48, points.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, Shanghai), points[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 23, 30, 0, Shanghai), points[47].Start);
    }

    [Fact]
    public void Calls_count_in_the_half_hour_they_arrived_in()
    {
        // 10:00:00 and 10:29:59 fall in point 20; 10:30:00 in point 21, even though the first is answered after 10:30.
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 1900, talk: null),
            SelfServed("c2", Base.AddMinutes(29).AddSeconds(59)),
            Abandoned("c3", Base.AddMinutes(30), wait: 8));

        var points = state.Snapshot(Base.AddHours(1)).HalfHours;

        Assert.Equal((2, 1, 1, 0, 0), (points[20].Offered, points[20].Answered, points[20].SelfServed, points[20].Abandoned, points[20].AnsweredWithin15s));
        Assert.Equal((1, 0, 0, 1), (points[21].Offered, points[21].Answered, points[21].SelfServed, points[21].Abandoned));
        Assert.Equal(3, points.Sum(p => p.Offered));
    }

    [Fact]
    public void Half_hours_follow_the_configured_zone()
    {
        var state = NewState("America/New_York");
        // 14:45Z on 15 January is 09:45 EST (UTC−5).
        Apply(state, SelfServed("c1", new DateTimeOffset(2026, 1, 15, 14, 45, 0, TimeSpan.Zero)));

        var snapshot = state.Snapshot(new DateTimeOffset(2026, 1, 15, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 1, 15), snapshot.Day);
        Assert.Equal(1, snapshot.HalfHours[19].Offered);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.FromHours(-5)), snapshot.HalfHours[19].Start);
    }

    [Fact]
    public void On_a_daylight_saving_day_half_hours_follow_the_local_clock()
    {
        // New York springs forward on 8 March 2026 at 02:00 EST → 03:00 EDT. 08:10Z is 04:10 EDT.
        var state = NewState("America/New_York");
        Apply(
            state,
            SelfServed("c1", new DateTimeOffset(2026, 3, 8, 6, 10, 0, TimeSpan.Zero)),  // 01:10 EST
            SelfServed("c2", new DateTimeOffset(2026, 3, 8, 8, 10, 0, TimeSpan.Zero)),  // 04:10 EDT
            SelfServed("c3", new DateTimeOffset(2026, 3, 9, 3, 50, 0, TimeSpan.Zero))); // 23:50 EDT, still the 8th

        var snapshot = state.Snapshot(new DateTimeOffset(2026, 3, 9, 3, 55, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 8), snapshot.Day);
        Assert.Equal(1, snapshot.HalfHours[2].Offered);
        Assert.Equal(1, snapshot.HalfHours[8].Offered);
        Assert.Equal(1, snapshot.HalfHours[47].Offered);
        Assert.Equal(3, snapshot.Today.Offered);
        Assert.Equal(TimeSpan.FromHours(-5), snapshot.HalfHours[0].Start.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.FromHours(-4)), snapshot.HalfHours[8].Start);
    }
}
