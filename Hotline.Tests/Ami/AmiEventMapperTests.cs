using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Telephony.Ami;

namespace Hotline.Tests.Ami;

public sealed class AmiEventMapperTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_816_980);

    private readonly AmiEventMapper _mapper = new("pbx1");
    private readonly List<TelephonyEvent> _out = [];

    [Fact]
    public async Task The_real_session_capture_maps_to_the_calls_that_were_made()
    {
        var frames = await AmiCapture.ReadAllAsync(AmiCapture.Session());
        LinkUp();
        foreach (var frame in frames) Event(frame);

        // Five callers: two answered, one abandoned, one self-served (IVR digit 9), one hung up in the IVR.
        Assert.Equal(5, Count<CallArrived>());
        Assert.Equal(5, Count<CallEnteredIvr>());
        Assert.Equal(3, Count<CallQueued>());
        Assert.Equal(2, Count<CallAnswered>());
        Assert.Equal(2, Count<CallEnded>());
        Assert.Equal(1, Count<CallAbandoned>());
        Assert.Equal(1, Count<CallSelfServed>());
        Assert.Equal(1, Count<CallDisconnected>());
        Assert.Equal(["A001", "A002"], _out.OfType<SeatLoggedIn>().Select(e => e.AgentId));
        Assert.Equal(["A001", "A002"], _out.OfType<SeatLoggedOut>().Select(e => e.AgentId).Order());
        Assert.Contains(_out, e => e is SeatNotReady { AgentId: "A002", Reason: "lunch" });
        Assert.All(_out.OfType<CallAnswered>(), a => Assert.InRange(a.WaitSeconds, 0.5, 10));
        Assert.All(_out.OfType<CallEnded>(), e => Assert.InRange(e.TalkSeconds, 3, 9));
        Assert.Equal(0, _mapper.FollowedCalls);

        var live = new LiveState(new HotlineOptions { TimeZone = "UTC" });
        foreach (var e in _out) live.Apply(e);
        var today = live.Snapshot(_out[^1].At).Today;
        Assert.Equal((5, 3, 2, 1, 1), (today.Offered, today.OfferedToAgents, today.Answered, today.Abandoned, today.SelfServed));
    }

    [Fact]
    public void A_queued_call_arrives_once_and_its_wait_is_measured_from_the_event_timestamps()
    {
        LinkUp();
        Event(Join("1.1", 0.0), Called("1.1", "1001", 1.25), Connect("1.1", "1001", 2.5, holdTime: 2));

        Assert.Collection(_out.Skip(1),
            e => Assert.Equal(new CallArrived(At(0), "1.1", "555001", "s"), e),
            e => Assert.Equal(new CallQueued(At(0), "1.1", "hotline", 1), e),
            e => Assert.Equal(new CallOffered(At(1.25), "1.1", "A1001"), e),
            e => Assert.Equal(new SeatRinging(At(1.25), "A1001", "1.1"), e),
            e => Assert.Equal(new CallAnswered(At(2.5), "1.1", "A1001", "hotline", 2.5), e),
            e => Assert.Equal(new SeatOnCall(At(2.5), "A1001", "1.1"), e));
    }

    [Fact]
    public void Agent_complete_ends_the_call_with_measured_talk_and_who_hung_up_and_frees_the_seat()
    {
        LinkUp();
        Event(Join("1.1", 0), Connect("1.1", "1001", 2), Complete("1.1", "1001", 32.5, reason: "caller"));

        Assert.Equal(new CallEnded(At(32.5), "1.1", "A1001", 30.5, HangupParty.Caller), _out[^2]);
        Assert.Equal(new SeatReady(At(32.5), "A1001"), _out[^1]);
    }

    [Fact]
    public void Abandon_uses_the_measured_wait_and_the_position()
    {
        LinkUp();
        Event(Join("1.1", 0), Frame(4.5, "QueueCallerAbandon", "Uniqueid: 1.1", "Queue: hotline", "Position: 2", "OriginalPosition: 3", "HoldTime: 4"));

        Assert.Equal(new CallAbandoned(At(4.5), "1.1", "hotline", 4.5, 2), _out[^1]);
    }

    [Fact]
    public void A_hangup_in_the_ivr_before_queueing_is_a_disconnect_but_a_hangup_after_self_service_is_not()
    {
        LinkUp();
        Event(Ivr("1.1", "Enter", 0), Hangup("1.1", 3), Ivr("2.2", "Enter", 0), Ivr("2.2", "SelfServed", 5, "Node: hours"), Hangup("2.2", 6));

        Assert.Equal([new CallDisconnected(At(3), "1.1")], _out.OfType<CallDisconnected>());
        Assert.Equal([new CallSelfServed(At(5), "2.2", "hours")], _out.OfType<CallSelfServed>());
        Assert.Equal(0, _mapper.FollowedCalls);
    }

    [Fact]
    public void Leaving_the_ivr_for_the_queue_reports_the_keys_pressed()
    {
        LinkUp();
        Event(Ivr("1.1", "Enter", 0), Ivr("1.1", "Queue", 4, "Keys: 5-3"), Join("1.1", 4.1));

        Assert.Equal([new CallLeftIvr(At(4), "1.1", "5-3")], _out.OfType<CallLeftIvr>());
    }

    [Fact]
    public void Ring_no_answer_puts_the_seat_back_to_ready()
    {
        LinkUp();
        Event(Join("1.1", 0), Called("1.1", "1001", 1), Frame(16, "AgentRingNoAnswer", "Uniqueid: 1.1", "Queue: hotline", "Interface: Local/1001@agents", "MemberName: A1001", "RingTime: 15000"));

        Assert.Equal(new SeatReady(At(16), "A1001"), _out[^1]);
    }

    [Fact]
    public void Member_added_logs_the_seat_in_and_pause_with_reason_makes_it_not_ready()
    {
        LinkUp();
        Event(Member("QueueMemberAdded", "1001", 0, paused: false), Member("QueueMemberPause", "1001", 3, paused: true, reason: "meal"),
              Member("QueueMemberStatus", "1001", 4, paused: true, reason: "meal"), Member("QueueMemberPause", "1001", 9, paused: false));

        Assert.Equal(
            [new SeatLoggedIn(At(0), "A1001", "A1001", "1001"), new SeatReady(At(0), "A1001"), new SeatNotReady(At(3), "A1001", "meal"), new SeatReady(At(9), "A1001")],
            _out.Skip(1));
        Assert.Equal("1001", _mapper.ExtensionOf("A1001"));
    }

    [Fact]
    public void A_pause_during_a_call_shows_when_the_call_ends()
    {
        LinkUp();
        Event(Member("QueueMemberAdded", "1001", 0, paused: false), Join("1.1", 1), Connect("1.1", "1001", 2), Member("QueueMemberPause", "1001", 3, paused: true, reason: "meal"));
        Assert.IsType<SeatOnCall>(_out[^1]);

        Event(Complete("1.1", "1001", 10, reason: "agent"));
        Assert.Equal(new SeatNotReady(At(10), "A1001", "meal"), _out[^1]);
    }

    [Fact]
    public void After_a_reconnect_calls_that_ended_during_the_outage_are_closed_once_and_new_waiting_calls_are_added()
    {
        LinkUp();
        Event(Member("QueueMemberAdded", "1001", 0, paused: false), Member("QueueMemberAdded", "1002", 0, paused: false),
              Join("1.1", 1), Connect("1.1", "1001", 2),   // answered, ends during the outage
              Join("2.2", 3),                                // waiting, gone during the outage
              Join("3.3", 4));                               // still waiting after the outage
        _mapper.Map(new AmiMessage(AmiMessageKind.LinkDown, At(5), null, "closed"), _out);
        _out.Clear();

        LinkUp(At(20));
        Event(Listed("QueueMember", "Name: A1001", "Location: Local/1001@agents", "InCall: 0", "Paused: 0", "PausedReason: "),
              Listed("QueueEntry", "Queue: hotline", "Position: 1", "Uniqueid: 3.3", "CallerIDNum: 555003", "Wait: 16"),
              Listed("QueueEntry", "Queue: hotline", "Position: 2", "Uniqueid: 4.4", "CallerIDNum: 555004", "Wait: 6"),
              Listed("QueueStatusComplete"),
              Listed("CoreShowChannel", "Uniqueid: 3.3"), Listed("CoreShowChannel", "Uniqueid: 4.4"),
              Listed("CoreShowChannelsComplete"));

        Assert.Equal(
            [
                new SwitchLinkUp(At(20), "pbx1"),
                new SeatReady(At(20), "A1001"),                                 // its call ended while we were away
                new CallArrived(At(14), "4.4", "555004", ""), new CallQueued(At(14), "4.4", "hotline", 2), // joined during the outage
                new SeatLoggedOut(At(20), "A1002"),                             // no longer a member
                new CallEnded(At(20), "1.1", "A1001", 18, HangupParty.System),  // answered before, gone now
                new CallDisconnected(At(20), "2.2"),                            // waited before, outcome unseen
            ],
            _out);
    }

    [Fact]
    public void A_second_resync_without_changes_emits_nothing_but_the_link()
    {
        LinkUp();
        Event(Member("QueueMemberAdded", "1001", 0, paused: true, reason: "meal"), Join("3.3", 4));
        _out.Clear();

        LinkUp(At(20));
        Event(Listed("QueueMember", "Name: A1001", "Location: Local/1001@agents", "InCall: 0", "Paused: 1", "PausedReason: meal"),
              Listed("QueueEntry", "Queue: hotline", "Position: 1", "Uniqueid: 3.3", "Wait: 16"), Listed("QueueStatusComplete"),
              Listed("CoreShowChannel", "Uniqueid: 3.3"), Listed("CoreShowChannelsComplete"));

        Assert.Equal([new SwitchLinkUp(At(20), "pbx1")], _out);
    }

    [Fact]
    public void Link_changes_become_switch_link_events_for_the_node()
    {
        _mapper.Map(new AmiMessage(AmiMessageKind.LinkDown, At(1), null, "connection refused"), _out);

        Assert.Equal([new SwitchLinkDown(At(1), "pbx1", "connection refused")], _out);
    }

    [Fact]
    public void Call_ids_carry_the_node_prefix_when_there_are_several_nodes()
    {
        var mapper = new AmiEventMapper("pbx2", "pbx2:");
        mapper.Map(new AmiMessage(AmiMessageKind.Event, At(0), Join("1.1", 0), null), _out);

        Assert.Equal("pbx2:1.1", Assert.IsType<CallQueued>(_out[^1]).CallId);
    }

    [Fact]
    public void Maps_names_the_events_it_reads_and_not_the_others()
    {
        Assert.True(AmiEventMapper.Maps("Hangup"u8));
        Assert.True(AmiEventMapper.Maps("QueueMemberStatus"u8));
        Assert.True(AmiEventMapper.Maps("CoreShowChannelsComplete"u8));
        Assert.False(AmiEventMapper.Maps("Newstate"u8));
        Assert.False(AmiEventMapper.Maps("QueueCallerLeave"u8));
        Assert.False(AmiEventMapper.Maps(""u8));
    }

    [Fact]
    public void A_seat_without_member_name_is_known_by_its_interface_extension()
    {
        Event(Frame(0, "QueueMemberAdded", "Queue: hotline", "Interface: PJSIP/2002", "Paused: 0"));

        var login = Assert.IsType<SeatLoggedIn>(_out.First(e => e is SeatLoggedIn));
        Assert.Equal("2002", login.AgentId);
        Assert.Equal("2002", login.Extension);
    }

    [Fact]
    public void Mix_monitor_start_begins_a_recording_named_after_the_uniqueid_and_the_hangup_ends_it()
    {
        LinkUp();
        Event(Frame(0.5, "MixMonitorStart", "Uniqueid: 1.1", "Channel: Local/30@caller-00000000;1"), Ivr("1.1", "Enter", 0.6), Join("1.1", 1), Hangup("1.1", 9));

        Assert.Equal(new RecordingStarted(At(0.5), "1.1", "pbx1", "1.1.wav"), _out[1]);
        Assert.Equal(new RecordingStopped(At(9), "1.1", "1.1.wav"), _out[^1]);
        Assert.Equal(1, Count<CallArrived>());
        Assert.Equal(0, _mapper.FollowedCalls);
    }

    [Fact]
    public void Stop_mix_monitor_ends_the_recording_once_even_when_the_call_hangs_up_later()
    {
        LinkUp();
        Event(Frame(0.5, "MixMonitorStart", "Uniqueid: 1.1"), Join("1.1", 1), Frame(4, "MixMonitorStop", "Uniqueid: 1.1"), Hangup("1.1", 9));

        Assert.Equal(new RecordingStopped(At(4), "1.1", "1.1.wav"), Assert.Single(_out.OfType<RecordingStopped>()));
    }

    [Fact]
    public void A_recording_whose_call_ended_during_an_outage_is_stopped_by_the_resync()
    {
        LinkUp();
        Event(Frame(0.5, "MixMonitorStart", "Uniqueid: 1.1"), Join("1.1", 1));
        LinkUp(At(30));
        Event(Listed("CoreShowChannelsComplete"));

        Assert.Equal(new RecordingStopped(At(20), "1.1", "1.1.wav"), Assert.Single(_out.OfType<RecordingStopped>()));
    }

    private int Count<T>() => _out.OfType<T>().Count();

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void A_callback_request_from_the_queue_keeps_the_enqueue_time_and_the_hangup_after_it_is_no_abandon()
    {
        LinkUp();
        Event(Join("1.1", 0),
            Frame(70, "UserEvent", "Uniqueid: 1.1", "CallerIDNum: 13812345678", "UserEvent: HotlineCallback", "Queue: hotline", $"QueuedAt: {T0.ToUnixTimeSeconds()}"),
            Hangup("1.1", 71));

        Assert.Equal(new CallbackRequested(At(70), "1.1", "hotline", "13812345678", At(0), 70), _out[^1]);
        Assert.Equal(0, _mapper.FollowedCalls);
    }

    [Fact]
    public void An_outbound_call_is_followed_from_the_citizens_answer_to_the_hangup()
    {
        LinkUp();
        Event(Member("QueueMemberAdded", "1001", 0, paused: false));
        _out.Clear();

        Event(Frame(1, "UserEvent", "Uniqueid: out-1", "UserEvent: HotlineOutbound", "Agent: A1001", "Ticket: YH20261127-0001"),
            Frame(4, "DialEnd", "Uniqueid: out-1", "DestUniqueid: 9.9", "DialStatus: ANSWER"),
            Hangup("out-1", 10));

        Assert.Equal([new SeatOnCall(At(4), "A1001", "out-1"), new CallEnded(At(10), "out-1", "A1001", 6, HangupParty.Agent), new SeatReady(At(10), "A1001")], _out);
    }

    [Fact]
    public void An_outbound_call_whose_citizen_hangs_up_first_is_ended_by_the_caller()
    {
        LinkUp();
        Event(Frame(1, "UserEvent", "Uniqueid: out-1", "UserEvent: HotlineOutbound", "Agent: A1001", "Ticket: YH20261127-0001"),
            Frame(4, "DialEnd", "Uniqueid: out-1", "DestUniqueid: 9.9", "DialStatus: ANSWER"),
            Frame(9, "UserEvent", "Uniqueid: out-1", "UserEvent: HotlineOutboundEnd", "By: citizen"),
            Hangup("out-1", 9));

        Assert.Equal(HangupParty.Caller, _out.OfType<CallEnded>().Single().HungUpBy);
    }

    [Fact]
    public void An_outbound_call_the_citizen_does_not_answer_ends_as_disconnected()
    {
        LinkUp();
        Event(Frame(1, "UserEvent", "Uniqueid: out-2", "UserEvent: HotlineOutbound", "Agent: B001", "Ticket: "),
            Frame(31, "DialEnd", "Uniqueid: out-2", "DialStatus: NOANSWER"),
            Hangup("out-2", 31));

        Assert.Equal(new CallDisconnected(At(31), "out-2"), Assert.Single(_out.Skip(1)));
    }

    private void LinkUp(DateTimeOffset? at = null) => _mapper.Map(new AmiMessage(AmiMessageKind.LinkUp, at ?? T0, null, null), _out);

    private void Event(params AmiFrame[] frames)
    {
        foreach (var frame in frames) _mapper.Map(new AmiMessage(AmiMessageKind.Event, At(20), frame, null), _out);
    }

    private static AmiFrame Frame(double at, string name, params string[] fields) =>
        AmiFrame.Parse($"Event: {name}\r\nTimestamp: {T0.ToUnixTimeSeconds() + at:0.000000}\r\n" + string.Join("\r\n", fields))!;

    /// <summary>List items (QueueMember, QueueEntry, CoreShowChannel) carry no Timestamp: they take the receive time.</summary>
    private static AmiFrame Listed(string name, params string[] fields) =>
        AmiFrame.Parse($"Event: {name}\r\nActionID: pbx1-7\r\n" + string.Join("\r\n", fields))!;

    private static AmiFrame Join(string uid, double at) =>
        Frame(at, "QueueCallerJoin", "Channel: Local/30@caller-00000000;1", $"CallerIDNum: 55500{uid[0]}", "Exten: s", $"Uniqueid: {uid}", "Queue: hotline", "Position: 1", "Count: 1");

    private static AmiFrame Called(string uid, string ext, double at) =>
        Frame(at, "AgentCalled", $"Uniqueid: {uid}", "Queue: hotline", $"Interface: Local/{ext}@agents", $"MemberName: A{ext}");

    private static AmiFrame Connect(string uid, string ext, double at, int holdTime = 0) =>
        Frame(at, "AgentConnect", $"Uniqueid: {uid}", "Queue: hotline", $"Interface: Local/{ext}@agents", $"MemberName: A{ext}", $"HoldTime: {holdTime}", "RingTime: 1");

    private static AmiFrame Complete(string uid, string ext, double at, string reason) =>
        Frame(at, "AgentComplete", $"Uniqueid: {uid}", "Queue: hotline", $"Interface: Local/{ext}@agents", $"MemberName: A{ext}", "HoldTime: 1", "TalkTime: 30", $"Reason: {reason}");

    private static AmiFrame Ivr(string uid, string stage, double at, string extra = "Called: 12345") =>
        Frame(at, "UserEvent", $"Uniqueid: {uid}", "CallerIDNum: 555001", "UserEvent: HotlineIvr", $"Stage: {stage}", extra);

    private static AmiFrame Hangup(string uid, double at) => Frame(at, "Hangup", $"Uniqueid: {uid}", "Cause: 16");

    private static AmiFrame Member(string name, string ext, double at, bool paused, string reason = "") =>
        Frame(at, name, "Queue: hotline", $"MemberName: A{ext}", $"Interface: Local/{ext}@agents", "InCall: 0", "Status: 1", $"Paused: {(paused ? 1 : 0)}", $"PausedReason: {reason}");
}
