using System.Globalization;
using System.Text;

namespace Hotline.Telephony.Ami;

/// <summary>
/// Runs a small built-in capture (call lifecycles shaped like the sandbox's) through the frame reader, parser and
/// mapper before the first AMI connection, so the JIT has compiled (and begun to tier up) the hot path before real
/// events queue behind it: without it the first seconds of a busy link lag while the code is compiled.
/// </summary>
public static class AmiWarmUp
{
    /// <summary>Reads and maps <paramref name="calls"/> built-in call lifecycles; returns the events mapped.</summary>
    public static async Task<int> RunAsync(int calls = 3_000, CancellationToken cancellationToken = default)
    {
        var reader = new AmiFrameReader(new MemoryStream(Capture(calls)), wantEvent: AmiEventMapper.Maps);
        var mapper = new AmiEventMapper("warm-up", wrapUp: TimeSpan.FromSeconds(1));
        var output = new List<TelephonyEvent>(16);
        var at = DateTimeOffset.UnixEpoch;
        var mapped = 0;
        mapper.Map(new AmiMessage(AmiMessageKind.LinkUp, at, null, null), output);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } frame)
        {
            output.Clear();
            mapper.Map(new AmiMessage(AmiMessageKind.Event, at, frame, null), output);
            mapper.EndWrapUps(at, output);
            mapped += output.Count;
        }

        return mapped;
    }

    private static byte[] Capture(int calls)
    {
        var text = new StringBuilder(calls * 1_600);
        var seconds = 1_795_816_983L;
        Frame(text, "QueueMemberAdded", seconds, "Queue: hotline", "MemberName: W1", "Interface: Local/9001@agents", "InCall: 0", "Status: 1", "Paused: 0", "PausedReason: ");
        for (var i = 0; i < calls; i++)
        {
            var uid = "1795816983." + i.ToString(CultureInfo.InvariantCulture);
            var call = $"Uniqueid: {uid}";
            Frame(text, "Newchannel", seconds, "Channel: Local/30@caller-00000001;2", "ChannelState: 4", call);
            Frame(text, "UserEvent", seconds, call, "CallerIDNum: 13800000000", "UserEvent: HotlineIvr", "Stage: Enter", "Called: 12345");
            Frame(text, "QueueCallerJoin", seconds, call, "CallerIDNum: 13800000000", "Exten: s", "Queue: hotline", "Position: 1", "Count: 1");
            Frame(text, "AgentCalled", seconds, call, "Queue: hotline", "Interface: Local/9001@agents", "MemberName: W1");
            Frame(text, "Newstate", seconds, call, "ChannelState: 6", "ChannelStateDesc: Up");
            Frame(text, "AgentConnect", seconds + 1, call, "Queue: hotline", "Interface: Local/9001@agents", "MemberName: W1", "HoldTime: 1", "RingTime: 1");
            Frame(text, "AgentComplete", seconds + 2, call, "Queue: hotline", "Interface: Local/9001@agents", "MemberName: W1", "HoldTime: 1", "TalkTime: 1", "Reason: caller");
            Frame(text, "QueueMemberStatus", seconds + 2, "Queue: hotline", "MemberName: W1", "Interface: Local/9001@agents", "InCall: 0", "Status: 1", "Paused: 0", "PausedReason: ");
            Frame(text, "Hangup", seconds + 2, call, "Cause: 16", "Cause-txt: Normal Clearing");
            seconds += 3;
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void Frame(StringBuilder text, string name, long seconds, params string[] fields)
    {
        text.Append("Event: ").Append(name).Append("\r\nPrivilege: call,all\r\nTimestamp: ")
            .Append(seconds.ToString(CultureInfo.InvariantCulture)).Append(".106493\r\n");
        foreach (var field in fields) text.Append(field).Append("\r\n");
        text.Append("\r\n");
    }
}
