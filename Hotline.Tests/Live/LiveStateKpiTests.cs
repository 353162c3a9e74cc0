using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;
using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateKpiTests
{
    private static readonly DateTimeOffset Later = Base.AddHours(1);

    [Fact]
    public void Offered_counts_every_arrival_and_offered_to_agents_only_the_calls_that_joined_a_queue()
    {
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10),
            SelfServed("c2", Base.AddMinutes(1)),
            HungUpInIvr("c3", Base.AddMinutes(2)),
            Abandoned("c4", Base.AddMinutes(3), wait: 20));

        var today = state.Snapshot(Later).Today;

        Assert.Equal(4, today.Offered);
        Assert.Equal(2, today.OfferedToAgents);
        Assert.Equal(1, today.Answered);
        Assert.Equal(1, today.SelfServed);
        Assert.Equal(1, today.Abandoned);
    }

    [Fact]
    public void Effective_connection_rate_is_answered_plus_self_served_over_offered()
    {
        // 4 offered: 1 answered + 1 self-served → 2 / 4.
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10),
            SelfServed("c2", Base.AddMinutes(1)),
            HungUpInIvr("c3", Base.AddMinutes(2)),
            Abandoned("c4", Base.AddMinutes(3), wait: 20));

        Assert.Equal(0.5, state.Snapshot(Later).Today.EffectiveConnectionRate, 12);
    }

    [Fact]
    public void Agent_connection_rate_is_answered_over_offered_to_agents()
    {
        // 3 queued (the self-served call never was): 2 answered → 2 / 3.
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10),
            Answered("c2", Base.AddMinutes(5), "A1", wait: 10),
            Abandoned("c3", Base.AddMinutes(10), wait: 30),
            SelfServed("c4", Base.AddMinutes(11)));

        Assert.Equal(2.0 / 3.0, state.Snapshot(Later).Today.AgentConnectionRate, 12);
    }

    [Fact]
    public void Service_level_is_answers_within_15_seconds_over_answered()
    {
        // Waits 5, 20, 10, 30: two within 15 s → 2 / 4.
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 5),
            Answered("c2", Base.AddMinutes(5), "A1", wait: 20),
            Answered("c3", Base.AddMinutes(10), "A1", wait: 10),
            Answered("c4", Base.AddMinutes(15), "A1", wait: 30));

        var today = state.Snapshot(Later).Today;

        Assert.Equal(2, today.AnsweredWithin15s);
        Assert.Equal(0.5, today.ServiceLevel15s, 12);
    }

    [Fact]
    public void An_answer_at_exactly_15_seconds_counts_as_within_the_service_level()
    {
        var state = Run(Seat("A1", Base.AddHours(-1)), Answered("c1", Base, "A1", wait: 15.0));

        var today = state.Snapshot(Later).Today;

        Assert.Equal(1, today.AnsweredWithin15s);
        Assert.Equal(1.0, today.ServiceLevel15s, 12);
    }

    [Fact]
    public void An_answer_at_15_001_seconds_is_outside_the_service_level()
    {
        var state = Run(Seat("A1", Base.AddHours(-1)), Answered("c1", Base, "A1", wait: 15.001));

        var today = state.Snapshot(Later).Today;

        Assert.Equal(1, today.Answered);
        Assert.Equal(0, today.AnsweredWithin15s);
        Assert.Equal(0.0, today.ServiceLevel15s, 12);
    }

    [Fact]
    public void The_service_level_threshold_is_a_setting()
    {
        var state = new LiveState(new HotlineOptions { ServiceLevelSeconds = 20 });
        Apply(state, Seat("A1", Base.AddHours(-1)), Answered("c1", Base, "A1", wait: 18));

        Assert.Equal(1, state.Snapshot(Later).Today.AnsweredWithin15s);
    }

    [Fact]
    public void Abandon_rate_is_abandoned_over_offered_to_agents()
    {
        // 4 queued, 1 abandoned → 1 / 4; the self-served call is not in the denominator.
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10),
            Answered("c2", Base.AddMinutes(5), "A1", wait: 10),
            Answered("c3", Base.AddMinutes(10), "A1", wait: 10),
            Abandoned("c4", Base.AddMinutes(15), wait: 40),
            SelfServed("c5", Base.AddMinutes(16)));

        Assert.Equal(0.25, state.Snapshot(Later).Today.AbandonRate, 12);
    }

    [Theory]
    [InlineData(4.9, 1)]
    [InlineData(5.0, 0)]
    public void An_abandon_under_5_seconds_is_short_and_still_counts_as_abandoned(double wait, int expectedShort)
    {
        var state = Run(Abandoned("c1", Base, wait));

        var today = state.Snapshot(Later).Today;

        Assert.Equal(1, today.Abandoned);
        Assert.Equal(expectedShort, today.ShortAbandoned);
        Assert.Equal(1.0, today.AbandonRate, 12);
    }

    [Fact]
    public void Average_speed_of_answer_is_the_total_wait_of_answered_calls_over_answered()
    {
        // (10 + 20 + 36) / 3 = 22; the abandoned call's 100 s wait does not count.
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10),
            Answered("c2", Base.AddMinutes(5), "A1", wait: 20),
            Answered("c3", Base.AddMinutes(10), "A1", wait: 36),
            Abandoned("c4", Base.AddMinutes(15), wait: 100));

        Assert.Equal(22.0, state.Snapshot(Later).Today.AverageSpeedOfAnswerSeconds, 9);
    }

    [Fact]
    public void Average_handle_time_is_talk_plus_wrap_up_over_calls_that_ended_after_an_answer()
    {
        // c1: 100 talk + 20 wrap; c2: 200 talk, no wrap; c3 still talking (not handled) → (120 + 200) / 2 = 160.
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Seat("A2", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10, talk: 100, wrap: 20),
            Answered("c2", Base.AddMinutes(5), "A1", wait: 10, talk: 200),
            Answered("c3", Base.AddMinutes(10), "A2", wait: 10, talk: null));

        Assert.Equal(160.0, state.Snapshot(Later).Today.AverageHandleTimeSeconds, 9);
    }

    [Fact]
    public void A_wrap_up_still_going_is_added_to_handle_time_when_the_seat_leaves_it()
    {
        var state = Run(Seat("A1", Base.AddHours(-1)), Answered("c1", Base, "A1", wait: 10, talk: 100, wrap: 30, readyAfter: false));
        var ended = Base.AddSeconds(10 + 10 + 100);

        Assert.Equal(100.0, state.Snapshot(ended.AddSeconds(5)).Today.AverageHandleTimeSeconds, 9);

        state.Apply(new SeatNotReady(ended.AddSeconds(30), "A1", "小休"));

        Assert.Equal(130.0, state.Snapshot(ended.AddSeconds(31)).Today.AverageHandleTimeSeconds, 9);
    }

    [Fact]
    public void A_wrap_up_after_a_seat_went_straight_to_ready_is_not_added_to_an_older_call()
    {
        var ended = Base.AddSeconds(10 + 10 + 100);
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10, talk: 100),
            [new SeatWrapUp(ended.AddSeconds(60), "A1"), new SeatReady(ended.AddSeconds(90), "A1")]);

        Assert.Equal(100.0, state.Snapshot(Later).Today.AverageHandleTimeSeconds, 9);
    }

    [Fact]
    public void Every_rate_is_zero_when_nothing_has_happened()
    {
        var today = NewState().Snapshot(Base).Today;

        Assert.Equal(new KpiFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), today);
    }

    [Fact]
    public void A_self_served_call_counts_in_the_effective_rate_and_leaves_agent_rates_at_zero()
    {
        var today = Run(SelfServed("c1", Base)).Snapshot(Later).Today;

        Assert.Equal(1, today.Offered);
        Assert.Equal(1, today.SelfServed);
        Assert.Equal(0, today.OfferedToAgents);
        Assert.Equal(1.0, today.EffectiveConnectionRate, 12);
        Assert.Equal(0.0, today.AgentConnectionRate, 12);
        Assert.Equal(0.0, today.AbandonRate, 12);
        Assert.Equal(0.0, today.ServiceLevel15s, 12);
        Assert.Equal(0.0, today.AverageSpeedOfAnswerSeconds, 12);
        Assert.Equal(0.0, today.AverageHandleTimeSeconds, 12);
    }

    [Fact]
    public void An_abandon_while_ringing_is_abandoned_not_answered_and_puts_the_seat_back_to_ready()
    {
        var state = Run(Seat("A1", Base.AddHours(-1)), Abandoned("c1", Base, wait: 12, ringingAgent: "A1"));

        var snapshot = state.Snapshot(Later);
        var seat = SeatOf(snapshot, "A1");

        Assert.Equal(1, snapshot.Today.Abandoned);
        Assert.Equal(0, snapshot.Today.Answered);
        Assert.Equal(SeatState.Ready, seat.State);
        Assert.Null(seat.CurrentCallId);
        Assert.Equal(0, seat.CallsToday);
        Assert.Equal(0, QueueOf(snapshot).Waiting);
    }

    [Fact]
    public void A_call_answered_without_a_queue_event_still_counts_as_offered_to_agents()
    {
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            [
                new CallArrived(Base, "c1", Caller, Queue),
                new CallOffered(Base.AddSeconds(3), "c1", "A1"),
                new CallAnswered(Base.AddSeconds(5), "c1", "A1", Queue, 5),
            ]);

        var today = state.Snapshot(Later).Today;

        Assert.Equal(1, today.OfferedToAgents);
        Assert.Equal(1.0, today.AgentConnectionRate, 12);
    }

    [Fact]
    public void Only_the_first_outcome_of_a_call_counts()
    {
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10, talk: null),
            [new CallAbandoned(Base.AddSeconds(30), "c1", Queue, 20, 1), new CallAnswered(Base.AddSeconds(31), "c1", "A1", Queue, 21)]);

        var today = state.Snapshot(Later).Today;

        Assert.Equal(1, today.Answered);
        Assert.Equal(0, today.Abandoned);
        Assert.Equal(10.0, today.AverageSpeedOfAnswerSeconds, 9);
    }

    [Fact]
    public void Outbound_calls_do_not_count()
    {
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            [
                new OutboundCallStarted(Base, "o1", "A1", "13900000000", "YH20260310-0001"),
                new SeatOnCall(Base.AddSeconds(5), "A1", "o1"),
                new CallEnded(Base.AddSeconds(65), "o1", "A1", 60, HangupParty.Agent),
                new SeatReady(Base.AddSeconds(65), "A1"),
            ]);

        Assert.Equal(new KpiFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), state.Snapshot(Later).Today);
    }
}
