using Hotline.Core.Calls;
using Hotline.Core.Live;
using Hotline.Telephony;
using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateRestoreTests
{
    private static readonly DateTimeOffset Now = Base.AddMinutes(75); // 11:15

    /// <summary>The day the records below describe, as events.</summary>
    private static LiveState ApplyTheDay() => Run(
        Seat("A1", Base.AddHours(-2)),
        Seat("A2", Base.AddHours(-2)),
        SelfServed("y1", Base.AddDays(-1)),
        Answered("c1", Base, "A1", wait: 8, talk: 100, wrap: 20),
        Answered("c2", Base.AddMinutes(5), "A2", wait: 40, talk: 200),
        SelfServed("c3", Base.AddMinutes(10), ivr: 30),
        Abandoned("c4", Base.AddMinutes(20), wait: 3),
        Abandoned("c5", Base.AddMinutes(40), wait: 60, ringingAgent: "A1"),
        HungUpInIvr("c6", Base.AddMinutes(50)),
        Answered("c7", Base.AddMinutes(60), "A1", wait: 12, talk: null),
        Waiting("c8", Base.AddMinutes(70)),
        [new OutboundCallStarted(Base.AddMinutes(30), "o1", "A2", "13900000000", null), new CallEnded(Base.AddMinutes(32), "o1", "A2", 110, HangupParty.Agent)]);

    /// <summary>The same day as the call log stores it.</summary>
    private static List<CallRecord> TheDaysRecords() =>
    [
        new() { CallId = "y1", ArrivedAt = Base.AddDays(-1), EndedAt = Base.AddDays(-1).AddSeconds(30), Outcome = CallOutcome.SelfServed, IvrNode = "社保查询" },
        new()
        {
            CallId = "c1", CallerNumber = Caller, Queue = Queue, ArrivedAt = Base, QueuedAt = Base.AddSeconds(10), AnsweredAt = Base.AddSeconds(18),
            EndedAt = Base.AddSeconds(118), Outcome = CallOutcome.Answered, WaitSeconds = 8, TalkSeconds = 100, WrapUpSeconds = 20, AgentId = "A1",
        },
        new()
        {
            CallId = "c2", CallerNumber = Caller, Queue = Queue, ArrivedAt = Base.AddMinutes(5), QueuedAt = Base.AddMinutes(5).AddSeconds(10),
            AnsweredAt = Base.AddMinutes(5).AddSeconds(50), EndedAt = Base.AddMinutes(5).AddSeconds(250), Outcome = CallOutcome.Answered,
            WaitSeconds = 40, TalkSeconds = 200, AgentId = "A2",
        },
        new() { CallId = "c3", CallerNumber = Caller, ArrivedAt = Base.AddMinutes(10), EndedAt = Base.AddMinutes(10).AddSeconds(30), Outcome = CallOutcome.SelfServed, IvrNode = "社保查询" },
        new()
        {
            CallId = "c4", CallerNumber = Caller, Queue = Queue, ArrivedAt = Base.AddMinutes(20), QueuedAt = Base.AddMinutes(20).AddSeconds(10),
            EndedAt = Base.AddMinutes(20).AddSeconds(13), Outcome = CallOutcome.Abandoned, WaitSeconds = 3, AbandonPosition = 1,
        },
        new()
        {
            CallId = "c5", CallerNumber = Caller, Queue = Queue, ArrivedAt = Base.AddMinutes(40), QueuedAt = Base.AddMinutes(40).AddSeconds(10),
            EndedAt = Base.AddMinutes(41).AddSeconds(10), Outcome = CallOutcome.Abandoned, WaitSeconds = 60, AbandonPosition = 1,
        },
        new() { CallId = "c6", CallerNumber = Caller, ArrivedAt = Base.AddMinutes(50), EndedAt = Base.AddMinutes(50).AddSeconds(5), Outcome = CallOutcome.Other },
        new()
        {
            CallId = "c7", CallerNumber = Caller, Queue = Queue, ArrivedAt = Base.AddMinutes(60), QueuedAt = Base.AddMinutes(60).AddSeconds(10),
            AnsweredAt = Base.AddMinutes(60).AddSeconds(22), Outcome = CallOutcome.InProgress, WaitSeconds = 12, AgentId = "A1",
        },
        new() { CallId = "c8", CallerNumber = Caller, Queue = Queue, ArrivedAt = Base.AddMinutes(70), QueuedAt = Base.AddMinutes(70).AddSeconds(10), Outcome = CallOutcome.InProgress },
        new() { CallId = "o1", Direction = "outbound", CallerNumber = "13900000000", ArrivedAt = Base.AddMinutes(30), EndedAt = Base.AddMinutes(32), Outcome = CallOutcome.Answered, AnsweredAt = Base.AddMinutes(30), TalkSeconds = 110, AgentId = "A2" },
    ];

    [Fact]
    public void Restoring_from_records_gives_the_same_figures_as_applying_the_events()
    {
        var applied = ApplyTheDay().Snapshot(Now);
        var restored = NewState();
        restored.Restore(TheDaysRecords(), Now);

        var snapshot = restored.Snapshot(Now);

        Assert.Equal(8, applied.Today.Offered); // guards the script itself
        Assert.Equal(applied.Today, snapshot.Today);
        Assert.Equal(applied.HalfHours, snapshot.HalfHours);
        Assert.Equal(applied.Last15Minutes, snapshot.Last15Minutes);
        Assert.Equal(applied.LastHour, snapshot.LastHour);
        Assert.Equal(applied.Queues, snapshot.Queues);
    }

    [Fact]
    public void Restoring_recounts_each_seats_calls_today()
    {
        var restored = NewState();
        restored.Restore(TheDaysRecords(), Now);

        var snapshot = restored.Snapshot(Now);

        Assert.Equal(2, SeatOf(snapshot, "A1").CallsToday);
        Assert.Equal(1, SeatOf(snapshot, "A2").CallsToday);
        Assert.Equal(SeatState.LoggedOut, SeatOf(snapshot, "A1").State);
    }

    [Fact]
    public void Calls_still_going_at_the_restart_count_their_later_events()
    {
        var restored = NewState();
        restored.Restore(TheDaysRecords(), Now);

        restored.Apply(new CallAnswered(Now.AddSeconds(10), "c8", "A2", Queue, 300));
        restored.Apply(new CallEnded(Now.AddSeconds(20), "c7", "A1", 888, HangupParty.Caller));
        var snapshot = restored.Snapshot(Now.AddSeconds(30));

        Assert.Equal(4, snapshot.Today.Answered);
        Assert.Equal(6, snapshot.Today.OfferedToAgents);
        Assert.Equal(0, QueueOf(snapshot).Waiting);
        Assert.Equal((100.0 + 20 + 200 + 888) / 3, snapshot.Today.AverageHandleTimeSeconds, 9);
        Assert.Equal(2, SeatOf(snapshot, "A2").CallsToday);
    }

    [Fact]
    public void Restoring_twice_replaces_rather_than_adds()
    {
        var restored = NewState();
        restored.Restore(TheDaysRecords(), Now);
        restored.Restore(TheDaysRecords(), Now);

        var once = NewState();
        once.Restore(TheDaysRecords(), Now);

        Assert.Equal(once.Snapshot(Now).Today, restored.Snapshot(Now).Today);
        Assert.Equal(1, QueueOf(restored.Snapshot(Now)).Waiting);
    }

    [Fact]
    public void Restoring_keeps_seat_states_and_the_switch_link()
    {
        var state = Run(Seat("A1", Base), [new SwitchLinkUp(Base, "pbx-1")]);

        state.Restore(TheDaysRecords(), Now);
        var snapshot = state.Snapshot(Now);

        Assert.True(snapshot.SwitchLinkUp);
        Assert.Equal(SeatState.Ready, SeatOf(snapshot, "A1").State);
        Assert.Equal(2, SeatOf(snapshot, "A1").CallsToday);
    }

    [Fact]
    public void Restored_waiting_calls_show_the_longest_wait_whatever_order_the_records_come_in()
    {
        var restored = NewState();
        restored.Restore(
        [
            new CallRecord { CallId = "w2", Queue = Queue, ArrivedAt = Now.AddSeconds(-40), QueuedAt = Now.AddSeconds(-30) },
            new CallRecord { CallId = "w1", Queue = Queue, ArrivedAt = Now.AddSeconds(-100), QueuedAt = Now.AddSeconds(-90) },
            new CallRecord { CallId = "w3", Queue = Queue, ArrivedAt = Now.AddSeconds(-70), QueuedAt = Now.AddSeconds(-60) },
        ], Now);

        restored.Apply(new CallAbandoned(Now.AddSeconds(1), "w3", Queue, 61, 2));
        var queue = QueueOf(restored.Snapshot(Now.AddSeconds(10)));

        Assert.Equal(2, queue.Waiting);
        Assert.Equal(100.0, queue.LongestWaitSeconds, 9);
    }
}
