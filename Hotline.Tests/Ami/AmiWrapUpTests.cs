using Hotline.Core;
using Hotline.Core.Calls;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Telephony.Ami;

namespace Hotline.Tests.Ami;

/// <summary>
/// Wrap-up (话后处理) on Asterisk: app_queue's <c>wrapuptime</c> has no event of its own, so the mapper shows the seat
/// WrapUp at AgentComplete and Ready (or NotReady) when the bridge says the time has passed. The frames follow the
/// sandbox capture (AgentComplete, then the QueueMemberStatus that app_queue sends as the agent leg hangs up).
/// </summary>
public sealed class AmiWrapUpTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_795_816_980);

    private readonly AmiEventMapper _mapper = new("pbx1", wrapUp: TimeSpan.FromSeconds(5));
    private readonly List<TelephonyEvent> _out = [];

    [Fact]
    public void After_agent_complete_the_seat_is_in_wrap_up_until_the_wrap_up_time_has_passed()
    {
        LogInAndTakeCall();
        Event(Complete(32.5), MemberStatus(32.6, paused: false));

        Assert.Equal(new SeatWrapUp(At(32.5), "A1002"), _out[^1]);
        Assert.Equal(At(37.5), _mapper.NextWrapUpEnd);

        _mapper.EndWrapUps(At(37.4), _out);
        Assert.IsType<SeatWrapUp>(_out[^1]);

        _mapper.EndWrapUps(At(37.6), _out);
        Assert.Equal(new SeatReady(At(37.5), "A1002"), _out[^1]);
        Assert.Null(_mapper.NextWrapUpEnd);
    }

    [Fact]
    public void A_seat_paused_during_its_call_goes_not_ready_with_its_reason_when_the_wrap_up_ends()
    {
        LogInAndTakeCall();
        Event(MemberStatus(10, paused: true, reason: "lunch"), Complete(32.5), MemberStatus(32.6, paused: true, reason: "lunch"));
        Assert.Equal(new SeatWrapUp(At(32.5), "A1002"), _out[^1]);

        _mapper.EndWrapUps(At(40), _out);

        Assert.Equal(new SeatNotReady(At(37.5), "A1002", "lunch"), _out[^1]);
    }

    [Fact]
    public void A_pause_during_wrap_up_ends_it_at_once_and_no_ready_follows()
    {
        LogInAndTakeCall();
        Event(Complete(32.5), MemberPause(34, paused: true, reason: "training"));

        Assert.Equal(new SeatNotReady(At(34), "A1002", "training"), _out[^1]);
        Assert.Null(_mapper.NextWrapUpEnd);
        var before = _out.Count;
        _mapper.EndWrapUps(At(40), _out);
        Assert.Equal(before, _out.Count);
    }

    [Fact]
    public void Without_a_wrap_up_time_the_seat_is_ready_at_agent_complete()
    {
        var mapper = new AmiEventMapper("pbx1");
        var output = new List<TelephonyEvent>();
        foreach (var frame in (AmiFrame[])[Added(0), Join(1), Connect(3), Complete(32.5)]) mapper.Map(new AmiMessage(AmiMessageKind.Event, At(40), frame, null), output);

        Assert.Equal(new SeatReady(At(32.5), "A1002"), output[^1]);
        Assert.Null(mapper.NextWrapUpEnd);
    }

    [Fact]
    public void The_live_picture_and_the_call_record_count_the_wrap_up_seconds()
    {
        LogInAndTakeCall();
        Event(Complete(32.5), MemberStatus(32.6, paused: false));
        _mapper.EndWrapUps(At(38), _out);

        var live = new LiveState(new HotlineOptions { TimeZone = "UTC" });
        var recorder = new CallRecorder();
        foreach (var e in _out)
        {
            live.Apply(e);
            recorder.Apply(e);
        }

        // Talk 29.5 s (answered at 3 s) plus 5 s of wrap-up.
        Assert.Equal(34.5, live.Snapshot(At(40)).Today.AverageHandleTimeSeconds, 3);
        var calls = new List<CallRecord>();
        recorder.Drain(calls, []);
        var call = Assert.Single(calls);
        Assert.Equal((29.5, 5.0), (call.TalkSeconds, call.WrapUpSeconds));
    }

    private void LogInAndTakeCall() => Event(Added(0), Join(1), Connect(3));

    private void Event(params AmiFrame[] frames)
    {
        foreach (var frame in frames) _mapper.Map(new AmiMessage(AmiMessageKind.Event, At(60), frame, null), _out);
    }

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static AmiFrame Frame(double at, string name, params string[] fields) =>
        AmiFrame.Parse($"Event: {name}\r\nPrivilege: agent,all\r\nTimestamp: {T0.ToUnixTimeSeconds() + at:0.000000}\r\n" + string.Join("\r\n", fields))!;

    private static AmiFrame Added(double at) => Member("QueueMemberAdded", at, paused: false, "");

    private static AmiFrame MemberStatus(double at, bool paused, string reason = "") => Member("QueueMemberStatus", at, paused, reason);

    private static AmiFrame MemberPause(double at, bool paused, string reason) => Member("QueueMemberPause", at, paused, reason);

    private static AmiFrame Member(string name, double at, bool paused, string reason) =>
        Frame(at, name, "Queue: hotline", "MemberName: A1002", "Interface: Local/1002@agents", "StateInterface: Local/1002@agents", "Membership: dynamic",
            "Penalty: 0", "CallsTaken: 1", "InCall: 0", "Status: 1", $"Paused: {(paused ? 1 : 0)}", $"PausedReason: {reason}", "Ringinuse: 0", "Wrapuptime: 0");

    private static AmiFrame Join(double at) =>
        Frame(at, "QueueCallerJoin", "Channel: Local/30@caller-00000000;1", "CallerIDNum: 555001", "Exten: s", "Uniqueid: 1795816983.2", "Queue: hotline", "Position: 1", "Count: 1");

    private static AmiFrame Connect(double at) =>
        Frame(at, "AgentConnect", "Uniqueid: 1795816983.2", "Queue: hotline", "Interface: Local/1002@agents", "MemberName: A1002", "HoldTime: 2", "RingTime: 1");

    private static AmiFrame Complete(double at) =>
        Frame(at, "AgentComplete", "Uniqueid: 1795816983.2", "Queue: hotline", "Interface: Local/1002@agents", "MemberName: A1002", "HoldTime: 1", "TalkTime: 29", "Reason: agent");
}
