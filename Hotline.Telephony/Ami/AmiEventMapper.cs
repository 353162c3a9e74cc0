using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Telephony.Ami;

/// <summary>
/// Turns one node's AMI messages (app_queue, channel and our IVR's UserEvents) into telephony events, keeping the
/// little per-call and per-seat state that needs. Times come from the events' <c>Timestamp</c> field
/// (manager.conf <c>timestampevents = yes</c>), so waits and talk are measured, not taken from app_queue's
/// whole-second counters (those are only the fallback when a call was first seen mid-way).
/// After each link-up, the QueueStatus and CoreShowChannels lists that follow in the stream resynchronise the
/// picture: seats and waiting calls we missed are added, and calls that ended during the outage are closed once
/// (not double counted). Not thread-safe: the node's one consumer calls it.
/// </summary>
public sealed class AmiEventMapper
{
    private readonly string _node;
    private readonly string _callIdPrefix;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Call> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Seat> _seats = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listedMembers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listedChannels = new(StringComparer.Ordinal);
    private int _generation;

    /// <param name="node">The node name in link events.</param>
    /// <param name="callIdPrefix">Put before Asterisk's Uniqueid to make call ids unique across nodes ("" for one node).</param>
    public AmiEventMapper(string node, string callIdPrefix = "", ILogger? logger = null)
    {
        _node = node;
        _callIdPrefix = callIdPrefix;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Calls currently followed (for tests and diagnostics).</summary>
    public int FollowedCalls => _calls.Count;

    /// <summary>Agent id → extension of the seats logged in on this node (learned from queue members).</summary>
    public string? ExtensionOf(string agentId) => _seats.TryGetValue(agentId, out var seat) ? seat.Extension : null;

    /// <summary>The call id of the seat's current (ringing or answered) call, if any.</summary>
    public string? CurrentCallOf(string agentId) => _seats.TryGetValue(agentId, out var seat) ? seat.CallId : null;

    public void Map(in AmiMessage message, List<TelephonyEvent> output)
    {
        switch (message.Kind)
        {
            case AmiMessageKind.LinkUp:
                _generation++;
                _listedMembers.Clear();
                _listedChannels.Clear();
                output.Add(new SwitchLinkUp(message.At, _node));
                return;
            case AmiMessageKind.LinkDown:
                output.Add(new SwitchLinkDown(message.At, _node, message.Reason ?? "link lost"));
                return;
        }

        if (message.Frame is { Event: { } name } frame)
        {
            MapEvent(name, frame, message.At, output);
        }
    }

    private void MapEvent(string name, AmiFrame f, DateTimeOffset received, List<TelephonyEvent> output)
    {
        switch (name)
        {
            case "Hangup": OnHangup(f, At(f, received), output); break;
            case "UserEvent": OnUserEvent(f, At(f, received), output); break;
            case "QueueCallerJoin": OnJoin(f, At(f, received), output); break;
            case "AgentCalled": OnAgentCalled(f, At(f, received), output); break;
            case "AgentConnect": OnAgentConnect(f, At(f, received), output); break;
            case "AgentComplete": OnAgentComplete(f, At(f, received), output); break;
            case "AgentRingNoAnswer": OnRingNoAnswer(f, At(f, received), output); break;
            case "QueueCallerAbandon": OnAbandon(f, At(f, received), output); break;
            case "QueueMemberAdded": OnMember(f, At(f, received), output, added: true); break;
            case "QueueMemberRemoved": OnMemberRemoved(f, At(f, received), output); break;
            case "QueueMemberPause":
            case "QueueMemberStatus": OnMember(f, At(f, received), output, added: false); break;
            case "MixMonitorStart":
            case "MixMonitorStop": OnMixMonitor(f, name); break;
            case "QueueMember": OnListedMember(f, received, output); break;
            case "QueueEntry": OnListedEntry(f, received, output); break;
            case "QueueStatusComplete": OnMembersListed(received, output); break;
            case "CoreShowChannel": if (f["Uniqueid"] is { } uid) _listedChannels.Add(uid); break;
            case "CoreShowChannelsComplete": OnChannelsListed(received, output); break;
            default: break; // the other events (Newstate, Dial*, Bridge*, VarSet, ...) carry nothing we count
        }
    }

    private void OnUserEvent(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (!f.Is("UserEvent"u8, "HotlineIvr"u8) || f["Uniqueid"] is not { } uid) return;
        var call = Follow(uid);
        if (f.Is("Stage"u8, "Enter"u8))
        {
            Arrive(call, f, f["Called"], at, output);
            output.Add(new CallEnteredIvr(at, call.Id));
        }
        else if (f.Is("Stage"u8, "SelfServed"u8) && !call.Done)
        {
            Arrive(call, f, null, at, output);
            call.Done = true;
            output.Add(new CallSelfServed(at, call.Id, f["Node"] ?? ""));
        }
    }

    private void OnJoin(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f["Uniqueid"] is not { } uid) return;
        var call = Follow(uid);
        Arrive(call, f, f["Exten"], at, output);
        if (call.QueuedAt is not null) return;
        call.QueuedAt = at;
        call.Queue = f["Queue"] ?? "";
        output.Add(new CallQueued(at, call.Id, call.Queue, Int(f, "Position", 1)));
    }

    private void OnAgentCalled(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f["Uniqueid"] is not { } uid || MemberSeat(f) is not { } seat) return;
        var call = Follow(uid);
        seat.CallId = call.Id;
        seat.OnCall = false;
        output.Add(new CallOffered(at, call.Id, seat.AgentId));
        output.Add(new SeatRinging(at, seat.AgentId, call.Id));
    }

    private void OnRingNoAnswer(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (MemberSeat(f) is not { } seat || seat.OnCall) return;
        _logger.LogDebug("AMI {Node}: {Agent} did not answer (rang {RingMs} ms)", _node, seat.AgentId, f["RingTime"]);
        seat.CallId = null;
        EmitIdle(seat, at, output);
    }

    private void OnAgentConnect(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f["Uniqueid"] is not { } uid || MemberSeat(f) is not { } seat) return;
        var call = Follow(uid);
        var wait = call.QueuedAt is { } queued ? Seconds(at - queued) : Int(f, "HoldTime", 0);
        call.AnsweredAt = at;
        call.AgentId = seat.AgentId;
        ReleaseRinging(call.Id);
        seat.CallId = call.Id;
        seat.OnCall = true;
        if (!call.Done)
        {
            output.Add(new CallAnswered(at, call.Id, seat.AgentId, f["Queue"] ?? call.Queue ?? "", wait));
        }

        output.Add(new SeatOnCall(at, seat.AgentId, call.Id));
    }

    private void OnAgentComplete(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f["Uniqueid"] is not { } uid || MemberSeat(f) is not { } seat) return;
        var call = Follow(uid);
        var talk = call.AnsweredAt is { } answered ? Seconds(at - answered) : Int(f, "TalkTime", 0);
        var by = f.Is("Reason"u8, "caller"u8) ? HangupParty.Caller : f.Is("Reason"u8, "agent"u8) ? HangupParty.Agent : HangupParty.System;
        if (!call.Ended)
        {
            call.Ended = true;
            call.Done = true;
            output.Add(new CallEnded(at, call.Id, seat.AgentId, talk, by));
        }

        seat.CallId = null;
        seat.OnCall = false;
        EmitIdle(seat, at, output);
    }

    private void OnAbandon(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f["Uniqueid"] is not { } uid) return;
        var call = Follow(uid);
        if (call.Done) return;
        call.Done = true;
        ReleaseRinging(call.Id);
        // HoldTime is whole seconds waited; our own join time is finer when we saw the join.
        var wait = call.QueuedAt is { } queued ? Seconds(at - queued) : Int(f, "HoldTime", 0);
        output.Add(new CallAbandoned(at, call.Id, f["Queue"] ?? call.Queue ?? "", wait, Int(f, "Position", 1)));
    }

    private void OnHangup(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f["Uniqueid"] is not { } uid || !_calls.Remove(uid, out var call)) return;
        if (call.Arrived && call.QueuedAt is null && !call.Done)
        {
            output.Add(new CallDisconnected(at, call.Id)); // hung up in the IVR, never queued
        }
    }

    private void OnMixMonitor(AmiFrame f, string name)
    {
        if (f["Uniqueid"] is { } uid && _calls.TryGetValue(uid, out var call))
        {
            call.Recording = name == "MixMonitorStart";
            _logger.LogDebug("AMI {Node}: {Event} on call {CallId}", _node, name, call.Id);
        }
    }

    /// <summary>QueueMemberAdded / QueueMemberPause / QueueMemberStatus: login, and pause changes.</summary>
    private void OnMember(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output, bool added)
    {
        var agentId = f["MemberName"] is { Length: > 0 } member ? member : ExtensionFrom(f["Interface"]);
        if (agentId is null) return;
        var paused = f.Is("Paused"u8, "1"u8);
        var reason = f["PausedReason"] ?? "";
        var seat = SeatFor(agentId, f["Interface"]);
        seat.Generation = _generation;
        if (added || !seat.LoggedIn)
        {
            seat.LoggedIn = true;
            seat.Paused = paused;
            seat.Reason = reason;
            output.Add(new SeatLoggedIn(at, agentId, agentId, seat.Extension));
            if (!paused) output.Add(new SeatReady(at, agentId));
            else if (reason.Length > 0) output.Add(new SeatNotReady(at, agentId, reason));
            return;
        }

        if (seat.Paused == paused && string.Equals(seat.Reason, reason, StringComparison.Ordinal)) return;
        seat.Paused = paused;
        seat.Reason = reason;
        // A seat on a call finishes it; the pause shows when the call ends (as in app_queue).
        if (seat.CallId is null) EmitIdle(seat, at, output);
    }

    private void OnMemberRemoved(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        var agentId = f["MemberName"] is { Length: > 0 } member ? member : ExtensionFrom(f["Interface"]);
        if (agentId is null || !_seats.Remove(agentId)) return;
        output.Add(new SeatLoggedOut(at, agentId));
    }

    // --- resync from the lists asked for after each login ---

    private void OnListedMember(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        var agentId = f["Name"] is { Length: > 0 } member ? member : ExtensionFrom(f["Location"]);
        if (agentId is null) return;
        _listedMembers.Add(agentId);
        var known = _seats.TryGetValue(agentId, out var seat) && seat.LoggedIn;
        seat = SeatFor(agentId, f["Location"]);
        seat.Generation = _generation;
        var paused = f.Is("Paused"u8, "1"u8);
        var reason = f["PausedReason"] ?? "";
        if (!known)
        {
            seat.LoggedIn = true;
            output.Add(new SeatLoggedIn(at, agentId, agentId, seat.Extension));
        }
        else if (seat.Paused == paused && string.Equals(seat.Reason, reason, StringComparison.Ordinal) && (seat.CallId is not null) == f.Is("InCall"u8, "1"u8))
        {
            return;
        }

        seat.Paused = paused;
        seat.Reason = reason;
        if (!f.Is("InCall"u8, "1"u8))
        {
            // A call that ended during the outage leaves the seat idle.
            seat.CallId = null;
            seat.OnCall = false;
            EmitIdle(seat, at, output);
        }
    }

    private void OnListedEntry(AmiFrame f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f["Uniqueid"] is not { } uid) return;
        var known = _calls.ContainsKey(uid);
        var call = Follow(uid);
        if (known && call.QueuedAt is not null) return;
        // A call that joined during the outage: it arrived and queued Wait seconds ago.
        var queuedAt = at - TimeSpan.FromSeconds(Int(f, "Wait", 0));
        Arrive(call, f, null, queuedAt, output);
        call.QueuedAt = queuedAt;
        call.Queue = f["Queue"] ?? "";
        output.Add(new CallQueued(queuedAt, call.Id, call.Queue, Int(f, "Position", 1)));
    }

    private void OnMembersListed(DateTimeOffset at, List<TelephonyEvent> output)
    {
        // Seats known from before the outage that are no longer members logged out meanwhile.
        foreach (var seat in _seats.Values.Where(s => s.Generation < _generation && !_listedMembers.Contains(s.AgentId)).ToList())
        {
            _seats.Remove(seat.AgentId);
            output.Add(new SeatLoggedOut(at, seat.AgentId));
        }
    }

    private void OnChannelsListed(DateTimeOffset at, List<TelephonyEvent> output)
    {
        // Calls known from before the outage whose channel is gone ended during it: close each once.
        foreach (var (uid, call) in _calls.Where(c => c.Value.Generation < _generation && !_listedChannels.Contains(c.Key)).ToList())
        {
            _calls.Remove(uid);
            if (call.Done) continue;
            if (call.AnsweredAt is { } answered && call.AgentId is { } agent)
            {
                output.Add(new CallEnded(at, call.Id, agent, Seconds(at - answered), HangupParty.System));
            }
            else if (call.Arrived)
            {
                // Answered or abandoned while we could not see: unknown, so neither is counted.
                output.Add(new CallDisconnected(at, call.Id));
            }
        }
    }

    // --- helpers ---

    private Call Follow(string uid)
    {
        if (!_calls.TryGetValue(uid, out var call))
        {
            call = new Call(_callIdPrefix + uid);
            _calls.Add(uid, call);
        }

        call.Generation = _generation;
        return call;
    }

    private static void Arrive(Call call, AmiFrame f, string? called, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (call.Arrived) return;
        call.Arrived = true;
        output.Add(new CallArrived(at, call.Id, f["CallerIDNum"] ?? "", called ?? ""));
    }

    private Seat? MemberSeat(AmiFrame f)
    {
        var agentId = f["MemberName"] is { Length: > 0 } member ? member : ExtensionFrom(f["Interface"]);
        if (agentId is null) return null;
        var seat = SeatFor(agentId, f["Interface"]);
        seat.Generation = _generation;
        return seat;
    }

    private Seat SeatFor(string agentId, string? memberInterface)
    {
        if (!_seats.TryGetValue(agentId, out var seat))
        {
            seat = new Seat(agentId);
            _seats.Add(agentId, seat);
        }

        if (ExtensionFrom(memberInterface) is { } extension) seat.Extension = extension;
        return seat;
    }

    /// <summary>Seats still ringing a call that was answered elsewhere or abandoned stop ringing it (the projection
    /// moves them back itself).</summary>
    private void ReleaseRinging(string callId)
    {
        foreach (var seat in _seats.Values)
        {
            if (!seat.OnCall && seat.CallId == callId) seat.CallId = null;
        }
    }

    private static void EmitIdle(Seat seat, DateTimeOffset at, List<TelephonyEvent> output) =>
        output.Add(seat.Paused ? new SeatNotReady(at, seat.AgentId, seat.Reason) : new SeatReady(at, seat.AgentId));

    /// <summary><c>Local/1001@agents</c> or <c>PJSIP/1001</c> → <c>1001</c>.</summary>
    internal static string? ExtensionFrom(string? memberInterface)
    {
        if (string.IsNullOrEmpty(memberInterface)) return null;
        var slash = memberInterface.IndexOf('/', StringComparison.Ordinal);
        var start = slash + 1;
        var at = memberInterface.IndexOf('@', start);
        var end = at < 0 ? memberInterface.Length : at;
        return end > start ? memberInterface[start..end] : null;
    }

    private static DateTimeOffset At(AmiFrame f, DateTimeOffset received)
    {
        if (f.TryGetDouble("Timestamp", out var seconds) && seconds > 0 && seconds < 32_503_680_000)
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        return received;
    }

    private static int Int(AmiFrame f, string key, int fallback) =>
        f.TryGetInt64(key, out var value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : fallback;

    private static double Seconds(TimeSpan span) => Math.Max(0, Math.Round(span.TotalSeconds, 3));

    private sealed class Call(string id)
    {
        public string Id { get; } = id;
        public bool Arrived { get; set; }
        public DateTimeOffset? QueuedAt { get; set; }
        public string? Queue { get; set; }
        public DateTimeOffset? AnsweredAt { get; set; }
        public string? AgentId { get; set; }
        public bool Ended { get; set; }
        public bool Done { get; set; }
        public bool Recording { get; set; }
        public int Generation { get; set; }
    }

    private sealed class Seat(string agentId)
    {
        public string AgentId { get; } = agentId;
        public string Extension { get; set; } = agentId;
        public bool LoggedIn { get; set; }
        public bool Paused { get; set; }
        public string Reason { get; set; } = "";
        public string? CallId { get; set; }
        public bool OnCall { get; set; }
        public int Generation { get; set; }
    }
}
