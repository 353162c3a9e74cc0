using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateWindowTests
{
    [Fact]
    public void The_last_15_minutes_count_only_calls_that_arrived_in_them()
    {
        var state = Run(
            SelfServed("c1", Base),
            SelfServed("c2", Base.AddMinutes(10)),
            SelfServed("c3", Base.AddMinutes(20)));

        var snapshot = state.Snapshot(Base.AddMinutes(20).AddSeconds(40));

        Assert.Equal(2, snapshot.Last15Minutes.Offered);
        Assert.Equal(3, snapshot.LastHour.Offered);
        Assert.Equal(3, snapshot.Today.Offered);
    }

    [Fact]
    public void A_call_leaves_the_last_15_minutes_fifteen_minutes_after_the_minute_it_arrived()
    {
        var state = Run(SelfServed("c1", Base.AddSeconds(20)));

        Assert.Equal(1, state.Snapshot(Base.AddMinutes(14).AddSeconds(59)).Last15Minutes.Offered);
        Assert.Equal(0, state.Snapshot(Base.AddMinutes(15)).Last15Minutes.Offered);
        Assert.Equal(1, state.Snapshot(Base.AddMinutes(15)).LastHour.Offered);
    }

    [Fact]
    public void A_call_leaves_the_last_hour_sixty_minutes_after_the_minute_it_arrived()
    {
        var state = Run(SelfServed("c1", Base.AddSeconds(20)));

        Assert.Equal(1, state.Snapshot(Base.AddMinutes(59).AddSeconds(59)).LastHour.Offered);
        Assert.Equal(0, state.Snapshot(Base.AddMinutes(60)).LastHour.Offered);
        Assert.Equal(1, state.Snapshot(Base.AddMinutes(60)).Today.Offered);
    }

    [Fact]
    public void A_late_outcome_updates_the_window_of_the_minute_the_call_arrived_in()
    {
        // Arrives at 10:00, answered at 10:16:40 after a 990 s wait.
        var state = Run(Seat("A1", Base.AddHours(-1)), Answered("c1", Base, "A1", wait: 990, talk: null));

        var snapshot = state.Snapshot(Base.AddMinutes(17));

        Assert.Equal(0, snapshot.Last15Minutes.Answered);
        Assert.Equal(1, snapshot.LastHour.Answered);
        Assert.Equal(990.0, snapshot.LastHour.AverageSpeedOfAnswerSeconds, 9);
    }

    [Fact]
    public void Window_rates_follow_the_same_formulas_as_today()
    {
        // 10:00 answered in 5 s, 10:30 abandoned (short), 10:50 answered in 20 s; at 11:05 the last hour holds the last two.
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 5),
            Abandoned("c2", Base.AddMinutes(30), wait: 3),
            Answered("c3", Base.AddMinutes(50), "A1", wait: 20));

        var lastHour = state.Snapshot(Base.AddMinutes(65)).LastHour;

        Assert.Equal(2, lastHour.Offered);
        Assert.Equal(2, lastHour.OfferedToAgents);
        Assert.Equal(1, lastHour.ShortAbandoned);
        Assert.Equal(0.5, lastHour.AgentConnectionRate, 12);
        Assert.Equal(0.5, lastHour.AbandonRate, 12);
        Assert.Equal(0.0, lastHour.ServiceLevel15s, 12);
        Assert.Equal(20.0, lastHour.AverageSpeedOfAnswerSeconds, 9);
        Assert.Equal(60.0, lastHour.AverageHandleTimeSeconds, 9);
    }
}
