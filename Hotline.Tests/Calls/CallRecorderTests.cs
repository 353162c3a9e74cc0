using Hotline.Core.Agents;
using Hotline.Core.Calls;
using Hotline.Telephony;

namespace Hotline.Tests.Calls;

public class CallRecorderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);

    private readonly CallRecorder _recorder = new();

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private void Apply(params TelephonyEvent[] events)
    {
        foreach (var e in events)
        {
            _recorder.Apply(e);
        }
    }

    private (List<CallRecord> Calls, List<SeatInterval> Intervals) Drain()
    {
        var calls = new List<CallRecord>();
        var intervals = new List<SeatInterval>();
        _recorder.Drain(calls, intervals);
        return (calls, intervals);
    }

    [Fact]
    public void An_answered_call_is_recorded_from_arrival_to_end()
    {
        Apply(
            new CallArrived(At(0), "c1", "13800000000", "12345"),
            new CallEnteredIvr(At(1), "c1"),
            new CallQueued(At(20), "c1", "12345", 3),
            new CallOffered(At(28), "c1", "A001"),
            new CallAnswered(At(31), "c1", "A001", "12345", 11),
            new CallEnded(At(200), "c1", "A001", 169, HangupParty.Caller));

        var call = Assert.Single(Drain().Calls);

        Assert.Equal(new CallRecord
        {
            CallId = "c1",
            Direction = "inbound",
            CallerNumber = "13800000000",
            Queue = "12345",
            ArrivedAt = At(0),
            QueuedAt = At(20),
            AnsweredAt = At(31),
            EndedAt = At(200),
            Outcome = CallOutcome.Answered,
            WaitSeconds = 11,
            TalkSeconds = 169,
            AgentId = "A001",
            HungUpBy = "Caller",
        }, call);
    }

    [Fact]
    public void An_abandoned_call_records_its_wait_and_queue_position()
    {
        Apply(
            new CallArrived(At(0), "c1", "13800000000", "12345"),
            new CallQueued(At(20), "c1", "12345", 4),
            new CallAbandoned(At(62.5), "c1", "12345", 42.5, 2));

        var call = Assert.Single(Drain().Calls);

        Assert.Equal(CallOutcome.Abandoned, call.Outcome);
        Assert.Equal(At(62.5), call.EndedAt);
        Assert.Equal(42.5, call.WaitSeconds);
        Assert.Equal(2, call.AbandonPosition);
        Assert.Null(call.AnsweredAt);
        Assert.Null(call.AgentId);
    }

    [Fact]
    public void A_self_served_call_records_the_ivr_node()
    {
        Apply(
            new CallArrived(At(0), "c1", "13800000000", "12345"),
            new CallEnteredIvr(At(1), "c1"),
            new CallSelfServed(At(45), "c1", "社保查询"));

        var call = Assert.Single(Drain().Calls);

        Assert.Equal(CallOutcome.SelfServed, call.Outcome);
        Assert.Equal("社保查询", call.IvrNode);
        Assert.Equal(At(45), call.EndedAt);
    }

    [Fact]
    public void A_queued_call_records_the_keys_pressed_in_the_ivr()
    {
        Apply(
            new CallArrived(At(0), "c1", "13800000000", "12345"),
            new CallEnteredIvr(At(1), "c1"),
            new CallLeftIvr(At(9), "c1", "21"),
            new CallQueued(At(9), "c1", "12345", 1));

        Assert.Equal("21", Assert.Single(Drain().Calls).IvrKeys);
    }

    [Fact]
    public void A_call_hung_up_in_the_ivr_menu_is_recorded_as_other()
    {
        Apply(
            new CallArrived(At(0), "c1", "13800000000", "12345"),
            new CallEnteredIvr(At(1), "c1"),
            new CallDisconnected(At(9), "c1"));

        var call = Assert.Single(Drain().Calls);

        Assert.Equal(CallOutcome.Other, call.Outcome);
        Assert.Equal(At(9), call.EndedAt);
    }

    [Fact]
    public void An_outbound_call_is_recorded_with_its_agent_number_and_ticket()
    {
        Apply(
            new OutboundCallStarted(At(0), "o1", "A001", "13900000000", "YH20261127-0042"),
            new CallEnded(At(90), "o1", "A001", 75, HangupParty.Agent));

        var call = Assert.Single(Drain().Calls);

        Assert.Equal("outbound", call.Direction);
        Assert.Equal("13900000000", call.CallerNumber);
        Assert.Equal("A001", call.AgentId);
        Assert.Equal("YH20261127-0042", call.TicketNumber);
        Assert.Equal(CallOutcome.Answered, call.Outcome);
        Assert.Equal(At(15), call.AnsweredAt);
        Assert.Equal("Agent", call.HungUpBy);
    }

    [Fact]
    public void Wrap_up_time_is_added_to_the_agents_last_call_when_the_seat_leaves_wrap_up()
    {
        Apply(
            new SeatLoggedIn(At(0), "A001", "王小明", "8001"),
            new SeatReady(At(1), "A001"),
            new CallArrived(At(10), "c1", "13800000000", "12345"),
            new CallQueued(At(10), "c1", "12345", 1),
            new SeatRinging(At(12), "A001", "c1"),
            new CallAnswered(At(15), "c1", "A001", "12345", 5),
            new SeatOnCall(At(15), "A001", "c1"),
            new CallEnded(At(100), "c1", "A001", 85, HangupParty.Caller),
            new SeatWrapUp(At(100), "A001"));
        var ended = Assert.Single(Drain().Calls);
        Assert.Equal(0, ended.WrapUpSeconds);

        Apply(new SeatReady(At(130.5), "A001"));

        var wrapped = Assert.Single(Drain().Calls);
        Assert.Equal("c1", wrapped.CallId);
        Assert.Equal(30.5, wrapped.WrapUpSeconds);
        Assert.Equal(ended with { WrapUpSeconds = 30.5 }, wrapped);
    }

    [Fact]
    public void Wrap_up_goes_to_the_call_before_it_even_if_the_agent_starts_another_call_meanwhile()
    {
        Apply(
            new SeatLoggedIn(At(0), "A001", "王小明", "8001"),
            new CallArrived(At(10), "c1", "13800000000", "12345"),
            new CallAnswered(At(15), "c1", "A001", "12345", 5),
            new SeatOnCall(At(15), "A001", "c1"),
            new CallEnded(At(100), "c1", "A001", 85, HangupParty.Caller),
            new SeatWrapUp(At(100), "A001"),
            new OutboundCallStarted(At(110), "o1", "A001", "13900000000", null),
            new SeatOnCall(At(112), "A001", "o1"));

        var calls = Drain().Calls.ToDictionary(c => c.CallId);

        Assert.Equal(12, calls["c1"].WrapUpSeconds);
        Assert.Equal(0, calls["o1"].WrapUpSeconds);
    }

    [Fact]
    public void Each_seat_state_change_closes_the_previous_interval_with_its_reason()
    {
        Apply(
            new SeatLoggedIn(At(0), "A001", "王小明", "8001"),
            new SeatReady(At(60), "A001"),
            new SeatNotReady(At(120), "A001", "小休"),
            new SeatReady(At(420), "A001"),
            new SeatRinging(At(480), "A001", "c1"),
            new SeatOnCall(At(485), "A001", "c1"),
            new SeatWrapUp(At(600), "A001"),
            new SeatLoggedOut(At(630), "A001"));

        var intervals = Drain().Intervals;

        Assert.Equal(
        [
            new SeatInterval("A001", SeatState.NotReady, CallRecorder.LoginReason, At(0), At(60)),
            new SeatInterval("A001", SeatState.Ready, null, At(60), At(120)),
            new SeatInterval("A001", SeatState.NotReady, "小休", At(120), At(420)),
            new SeatInterval("A001", SeatState.Ready, null, At(420), At(480)),
            new SeatInterval("A001", SeatState.Ringing, null, At(480), At(485)),
            new SeatInterval("A001", SeatState.OnCall, null, At(485), At(600)),
            new SeatInterval("A001", SeatState.WrapUp, null, At(600), At(630)),
        ], intervals);
    }

    [Fact]
    public void A_change_of_not_ready_reason_starts_a_new_interval_but_a_repeated_state_does_not()
    {
        Apply(
            new SeatLoggedIn(At(0), "A001", "王小明", "8001"),
            new SeatNotReady(At(10), "A001", "用餐"),
            new SeatNotReady(At(20), "A001", "用餐"),
            new SeatNotReady(At(30), "A001", "培训"),
            new SeatReady(At(40), "A001"));

        var intervals = Drain().Intervals;

        Assert.Equal(["登录", "用餐", "培训"], intervals.Select(i => i.Reason));
        Assert.Equal(At(30), intervals[1].EndedAt);
    }

    [Fact]
    public void Time_logged_out_is_not_an_interval()
    {
        Apply(
            new SeatLoggedIn(At(0), "A001", "王小明", "8001"),
            new SeatLoggedOut(At(100), "A001"),
            new SeatLoggedIn(At(1000), "A001", "王小明", "8001"),
            new SeatReady(At(1010), "A001"));

        var intervals = Drain().Intervals;

        Assert.Equal([(At(0), At(100)), (At(1000), At(1010))], intervals.Select(i => (i.StartedAt, i.EndedAt)));
    }

    [Fact]
    public void Closing_open_intervals_stores_the_time_so_far_and_continues_the_state()
    {
        Apply(
            new SeatLoggedIn(At(0), "A001", "王小明", "8001"),
            new SeatNotReady(At(10), "A001", "会议"));

        _recorder.CloseOpenIntervals(At(50));
        Apply(new SeatReady(At(70), "A001"));

        Assert.Equal(
        [
            new SeatInterval("A001", SeatState.NotReady, "登录", At(0), At(10)),
            new SeatInterval("A001", SeatState.NotReady, "会议", At(10), At(50)),
            new SeatInterval("A001", SeatState.NotReady, "会议", At(50), At(70)),
        ], Drain().Intervals);
    }

    [Fact]
    public void A_call_changed_many_times_between_drains_is_drained_once_in_its_latest_version()
    {
        Apply(
            new CallArrived(At(0), "c1", "13800000000", "12345"),
            new CallQueued(At(5), "c1", "12345", 1),
            new CallArrived(At(6), "c2", "13800000001", "12345"),
            new CallAnswered(At(9), "c1", "A001", "12345", 4));

        var calls = Drain().Calls;

        Assert.Equal(["c1", "c2"], calls.Select(c => c.CallId));
        Assert.Equal(CallOutcome.Answered, calls[0].Outcome);
    }

    [Fact]
    public void A_drain_without_changes_moves_nothing()
    {
        Apply(new CallArrived(At(0), "c1", "13800000000", "12345"), new SeatLoggedIn(At(0), "A001", "王小明", "8001"));
        Drain();

        var (calls, intervals) = Drain();

        Assert.Empty(calls);
        Assert.Empty(intervals);
    }

    [Fact]
    public void A_call_in_progress_is_kept_and_drained_again_when_it_changes()
    {
        Apply(new CallArrived(At(0), "c1", "13800000000", "12345"));
        Assert.Equal(CallOutcome.InProgress, Assert.Single(Drain().Calls).Outcome);

        Apply(new CallQueued(At(5), "c1", "12345", 1));

        Assert.Equal(At(5), Assert.Single(Drain().Calls).QueuedAt);
        Assert.Equal(1, _recorder.TrackedCalls);
    }

    [Fact]
    public void A_finished_call_is_forgotten_after_the_drain_that_carried_its_final_state()
    {
        Apply(
            new CallArrived(At(0), "c1", "13800000000", "12345"),
            new CallSelfServed(At(30), "c1", "天气"));
        Assert.Equal(1, _recorder.TrackedCalls);

        Drain();
        Apply(new CallDisconnected(At(31), "c1"));

        Assert.Equal(0, _recorder.TrackedCalls);
        Assert.Equal(1, _recorder.UnknownEvents);
        Assert.Empty(Drain().Calls);
    }

    [Fact]
    public void Events_for_unknown_calls_are_ignored_and_counted()
    {
        Apply(
            new CallQueued(At(0), "ghost", "12345", 1),
            new CallOffered(At(1), "ghost", "A001"),
            new CallAnswered(At(2), "ghost", "A001", "12345", 2),
            new CallEnded(At(3), "ghost", "A001", 1, HangupParty.Caller));

        Assert.Equal(4, _recorder.UnknownEvents);
        Assert.Empty(Drain().Calls);
    }
}
