using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Telephony.Ami;

namespace Hotline.Tests.Ami;

/// <summary>The mapper replays from the queue_log only the calls it never saw during an outage.</summary>
public sealed class QueueLogReconciliationTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_816_980);
    private static readonly long E0 = T0.ToUnixTimeSeconds();

    private readonly List<TelephonyEvent> _out = [];

    [Fact]
    public void A_call_answered_and_ended_inside_the_outage_is_replayed_once_in_order()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        Outage(mapper, 5, 60);

        var added = mapper.Reconcile(Log(
            $"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|1",
            $"{E0 + 13}|9.1|hotline|A1001|CONNECT|3|9.2|2",
            $"{E0 + 40}|9.1|hotline|A1001|COMPLETEAGENT|3|27|1"), _out);

        Assert.Equal(1, added);
        Assert.Equal(
            [
                new CallArrived(At(10), "9.1", "555009", ""),
                new CallQueued(At(10), "9.1", "hotline", 1),
                new CallAnswered(At(13), "9.1", "A1001", "hotline", 3),
                new CallEnded(At(40), "9.1", "A1001", 27, HangupParty.Agent),
            ],
            _out);
        Assert.Equal(0, mapper.FollowedCalls);
    }

    [Fact]
    public void A_call_abandoned_inside_the_outage_is_counted_once_with_its_wait_and_position()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        Outage(mapper, 5, 60);

        mapper.Reconcile(Log(
            $"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|2",
            $"{E0 + 17}|9.1|hotline|NONE|ABANDON|1|2|7",
            $"{E0 + 17}|9.1|hotline|NONE|ABANDON|1|2|7"), _out); // a repeated line changes nothing

        Assert.Equal(new CallAbandoned(At(17), "9.1", "hotline", 7, 1), _out[^1]);
        Assert.Single(_out.OfType<CallAbandoned>());
    }

    [Fact]
    public void A_call_that_timed_out_of_the_queue_is_an_abandon()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        Outage(mapper, 5, 90);

        mapper.Reconcile(Log($"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|1", $"{E0 + 70}|9.1|hotline|NONE|EXITWITHTIMEOUT|1|1|60"), _out);

        Assert.Equal(new CallAbandoned(At(70), "9.1", "hotline", 60, 1), _out[^1]);
    }

    [Fact]
    public void A_caller_who_left_the_queue_with_the_callback_key_inside_the_outage_left_a_callback_request()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        Outage(mapper, 5, 120);

        mapper.Reconcile(Log($"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|1", $"{E0 + 75}|9.1|hotline|NONE|EXITWITHKEY|1|1|1|65"), _out);

        Assert.Equal(new CallbackRequested(At(75), "9.1", "hotline", "555009", At(10), 65), _out[^1]);
        Assert.Empty(_out.OfType<CallAbandoned>());
    }

    [Fact]
    public void A_caller_who_pressed_the_key_too_early_and_was_queued_again_is_followed_to_the_answer()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        Outage(mapper, 5, 120);

        mapper.Reconcile(Log(
            $"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|1",
            $"{E0 + 13}|9.1|hotline|NONE|EXITWITHKEY|1|1|1|3",
            $"{E0 + 13}|9.1|hotline|NONE|ENTERQUEUE||555009|1",
            $"{E0 + 20}|9.1|hotline|A1001|CONNECT|10|9.2|2"), _out);

        Assert.Empty(_out.OfType<CallbackRequested>());
        Assert.Equal(new CallAnswered(At(20), "9.1", "A1001", "hotline", 10), _out[^1]);
    }

    [Fact]
    public void With_several_nodes_the_replayed_call_id_carries_the_node_prefix()
    {
        var mapper = new AmiEventMapper("pbx2", "pbx2:") { RemembersEndedCalls = true };
        Outage(mapper, 5, 60);

        mapper.Reconcile(Log($"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|1"), _out);

        Assert.All(_out, e => Assert.Equal("pbx2:9.1", e switch { CallArrived a => a.CallId, CallQueued q => q.CallId, _ => "" }));
    }

    [Fact]
    public void A_call_the_mapper_followed_before_the_outage_is_not_replayed()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        LinkUp(mapper, 0);
        mapper.Map(Event(2, "QueueCallerJoin", "Uniqueid: 1.1", "CallerIDNum: 555001", "Queue: hotline", "Position: 1"), T0, _out);
        Outage(mapper, 5, 60);

        var added = mapper.Reconcile(Log(
            $"{E0 + 2}|1.1|hotline|NONE|ENTERQUEUE||555001|1",
            $"{E0 + 8}|1.1|hotline|A1001|CONNECT|6|1.2|2",
            $"{E0 + 30}|1.1|hotline|A1001|COMPLETECALLER|6|22|1"), _out);

        Assert.Equal(0, added);
        Assert.Empty(_out);
    }

    [Fact]
    public void A_call_that_ended_just_before_the_link_went_down_is_not_replayed_from_the_margin()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        LinkUp(mapper, 0);
        mapper.Map(Event(1, "QueueCallerJoin", "Uniqueid: 1.1", "CallerIDNum: 555001", "Queue: hotline", "Position: 1"), T0, _out);
        mapper.Map(Event(3, "QueueCallerAbandon", "Uniqueid: 1.1", "Queue: hotline", "Position: 1", "HoldTime: 2"), T0, _out);
        mapper.Map(Event(3, "Hangup", "Uniqueid: 1.1"), T0, _out);
        Outage(mapper, 5, 60);

        var added = mapper.Reconcile(Log($"{E0 + 1}|1.1|hotline|NONE|ENTERQUEUE||555001|1", $"{E0 + 3}|1.1|hotline|NONE|ABANDON|1|1|2"), _out);

        Assert.Equal(0, added);
        Assert.Empty(_out);
    }

    [Fact]
    public void A_call_that_started_before_the_outage_window_is_not_replayed_from_its_later_entries()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        Outage(mapper, 5, 60);

        // Its ENTERQUEUE is before the window: only its answer and end are read, and they are left to the resync.
        var added = mapper.Reconcile(Log($"{E0 + 8}|0.5|hotline|A1001|CONNECT|30|0.6|2", $"{E0 + 30}|0.5|hotline|A1001|COMPLETECALLER|30|22|1"), _out);

        Assert.Equal(0, added);
        Assert.Empty(_out);
    }

    [Fact]
    public void A_replayed_call_still_going_at_the_link_up_is_followed_and_ends_once_through_its_live_events()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        Outage(mapper, 5, 60);
        mapper.Reconcile(Log($"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|1", $"{E0 + 50}|9.1|hotline|A1001|CONNECT|40|9.2|2"), _out);

        // The resync lists it waiting no more, its channel still up; later it completes live.
        mapper.Map(Listed("QueueStatusComplete"), At(60), _out);
        mapper.Map(Listed("CoreShowChannel", "Uniqueid: 9.1"), At(60), _out);
        mapper.Map(Listed("CoreShowChannelsComplete"), At(60), _out);
        mapper.Map(Event(80, "AgentComplete", "Uniqueid: 9.1", "Queue: hotline", "Interface: Local/1001@agents", "MemberName: A1001", "TalkTime: 30", "Reason: caller"), At(80), _out);
        mapper.Map(Event(80, "Hangup", "Uniqueid: 9.1"), At(80), _out);

        Assert.Single(_out.OfType<CallArrived>());
        Assert.Single(_out.OfType<CallAnswered>());
        Assert.Equal(new CallEnded(At(80), "9.1", "A1001", 30, HangupParty.Caller), Assert.Single(_out.OfType<CallEnded>()));
        Assert.Equal(0, mapper.FollowedCalls);
    }

    [Fact]
    public void A_replayed_waiting_call_listed_by_the_resync_is_not_queued_twice()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        Outage(mapper, 5, 60);
        mapper.Reconcile(Log($"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|1"), _out);

        mapper.Map(Listed("QueueEntry", "Queue: hotline", "Position: 1", "Uniqueid: 9.1", "CallerIDNum: 555009", "Wait: 50"), At(60), _out);

        Assert.Single(_out.OfType<CallQueued>());
        Assert.Single(_out.OfType<CallArrived>());
    }

    [Fact]
    public void The_live_picture_counts_each_outage_call_once_beside_the_calls_seen_live()
    {
        var mapper = new AmiEventMapper("pbx1") { RemembersEndedCalls = true };
        LinkUp(mapper, 0);
        mapper.Map(Event(1, "QueueMemberAdded", "Queue: hotline", "MemberName: A1001", "Interface: Local/1001@agents", "Paused: 0"), T0, _out);
        mapper.Map(Event(2, "QueueCallerJoin", "Uniqueid: 1.1", "CallerIDNum: 555001", "Queue: hotline", "Position: 1"), T0, _out);
        Outage(mapper, 5, 60, clear: false);
        mapper.Reconcile(Log(
            $"{E0 + 2}|1.1|hotline|NONE|ENTERQUEUE||555001|1",   // seen live: not again
            $"{E0 + 4}|1.1|hotline|NONE|ABANDON|1|1|2",
            $"{E0 + 10}|9.1|hotline|NONE|ENTERQUEUE||555009|1",
            $"{E0 + 13}|9.1|hotline|A1001|CONNECT|3|9.2|2",
            $"{E0 + 40}|9.1|hotline|A1001|COMPLETECALLER|3|27|1",
            $"{E0 + 20}|9.3|hotline|NONE|ENTERQUEUE||555010|1",
            $"{E0 + 25}|9.3|hotline|NONE|ABANDON|1|1|5"), _out);
        mapper.Map(Listed("QueueMember", "Name: A1001", "Location: Local/1001@agents", "InCall: 0", "Paused: 0", "PausedReason: "), At(60), _out);
        mapper.Map(Listed("QueueStatusComplete"), At(60), _out);
        mapper.Map(Listed("CoreShowChannelsComplete"), At(60), _out);

        var live = new LiveState(new HotlineOptions { TimeZone = "UTC" });
        foreach (var e in _out) live.Apply(e);
        var today = live.Snapshot(At(61)).Today;
        // 1.1 was seen queued and its outcome unseen (disconnected); 9.1 answered; 9.3 abandoned.
        Assert.Equal((3, 1, 1), (today.Offered, today.Answered, today.Abandoned));
    }

    private void Outage(AmiEventMapper mapper, double down, double up, bool clear = true)
    {
        if (mapper.OutageStart is null && _out.Count == 0) LinkUp(mapper, 0);
        mapper.Map(new AmiMessage(AmiMessageKind.LinkDown, At(down), null, "closed"), _out);
        Assert.Equal(At(down), mapper.OutageStart);
        LinkUp(mapper, up);
        if (clear) _out.Clear();
    }

    private void LinkUp(AmiEventMapper mapper, double at) => mapper.Map(new AmiMessage(AmiMessageKind.LinkUp, At(at), null, null), _out);

    private static IReadOnlyList<QueueLogEntry> Log(params string[] lines) =>
        QueueLogReader.Read(new StringReader(string.Join('\n', lines)), DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Entries;

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static AmiFrameView Event(double at, string name, params string[] fields) =>
        AmiFrame.Parse($"Event: {name}\r\nTimestamp: {E0 + at:0.000000}\r\n" + string.Join("\r\n", fields))!.View;

    private static AmiFrameView Listed(string name, params string[] fields) =>
        AmiFrame.Parse($"Event: {name}\r\nActionID: pbx1-7\r\n" + string.Join("\r\n", fields))!.View;
}
