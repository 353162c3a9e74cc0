using System.Buffers.Text;
using System.Text;
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
    /// <summary>The recording file of a call is its channel's Uniqueid plus this (see extensions.conf [inbound]).</summary>
    public const string RecordingExtension = ".wav";

    // Ids and names longer than this are looked up through a string (none are, in practice).
    private const int MaxKeyChars = 128;

    private readonly string _node;
    private readonly string _callIdPrefix;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Call> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Call>.AlternateLookup<ReadOnlySpan<char>> _callLookup;
    private readonly Dictionary<string, Seat>.AlternateLookup<ReadOnlySpan<char>> _seatLookup;
    private readonly Dictionary<string, Seat> _seats = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listedMembers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listedChannels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);
    private readonly Queue<(string Uid, DateTimeOffset At)> _endedOrder = new();
    private readonly List<Seat> _wrapping = [];
    private readonly TimeSpan _wrapUp;
    private int _generation;

    /// <summary>How long an ended call's Uniqueid is remembered, so a queue_log reconciliation never counts it again: the replay
    /// window starts 10 s before the link went down, so a call that ended earlier than that cannot be in it.</summary>
    private static readonly TimeSpan EndedMemory = TimeSpan.FromSeconds(30);

    /// <param name="node">The node name in link events.</param>
    /// <param name="callIdPrefix">Put before Asterisk's Uniqueid to make call ids unique across nodes ("" for one node).</param>
    /// <param name="wrapUp">The queue's <c>wrapuptime</c>: after a queue call the seat is in WrapUp this long (zero: none).</param>
    /// <summary>Remember ended calls for <see cref="Reconcile"/> (only nodes with a queue_log to replay need it; at
    /// 20,000 calls a second the memory is ~600k ids).</summary>
    public bool RemembersEndedCalls { get; init; }

    public AmiEventMapper(string node, string callIdPrefix = "", ILogger? logger = null, TimeSpan wrapUp = default)
    {
        _node = node;
        _wrapUp = wrapUp > TimeSpan.Zero ? wrapUp : TimeSpan.Zero;
        _callIdPrefix = callIdPrefix;
        _logger = logger ?? NullLogger.Instance;
        _callLookup = _calls.GetAlternateLookup<ReadOnlySpan<char>>();
        _seatLookup = _seats.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>When the link went down (the first link-down since the last link-up), or null while it is up or was
    /// never down. The bridge reads this before mapping a link-up to know the outage to reconcile from the queue_log.</summary>
    public DateTimeOffset? OutageStart { get; private set; }

    /// <summary>Calls currently followed (for tests and diagnostics).</summary>
    public int FollowedCalls => _calls.Count;

    /// <summary>Agent id → extension of the seats logged in on this node (learned from queue members).</summary>
    public string? ExtensionOf(string agentId) => _seats.TryGetValue(agentId, out var seat) ? seat.Extension : null;

    /// <summary>The call id of the seat's current (ringing or answered) call, if any.</summary>
    public string? CurrentCallOf(string agentId) => _seats.TryGetValue(agentId, out var seat) ? seat.CallId : null;

    /// <summary>When the earliest wrap-up ends (null: no seat is in wrap-up); call <see cref="EndWrapUps"/> then.</summary>
    public DateTimeOffset? NextWrapUpEnd { get; private set; }

    /// <summary>Asterisk sends nothing when a member's wrapuptime has passed: the bridge calls this when
    /// <see cref="NextWrapUpEnd"/> is due, and each seat whose wrap-up is over goes back to Ready (or NotReady if
    /// paused), stamped with the wrap-up's end.</summary>
    public void EndWrapUps(DateTimeOffset now, List<TelephonyEvent> output)
    {
        for (var i = _wrapping.Count - 1; i >= 0; i--)
        {
            var seat = _wrapping[i];
            if (seat.WrapUpUntil > now) continue;
            EmitIdle(seat, seat.WrapUpUntil, output);
        }
    }

    public void Map(in AmiMessage message, List<TelephonyEvent> output)
    {
        switch (message.Kind)
        {
            case AmiMessageKind.LinkUp:
                _generation++;
                OutageStart = null;
                _listedMembers.Clear();
                _listedChannels.Clear();
                output.Add(new SwitchLinkUp(message.At, _node));
                return;
            case AmiMessageKind.LinkDown:
                OutageStart ??= message.At;
                output.Add(new SwitchLinkDown(message.At, _node, message.Reason ?? "link lost"));
                return;
        }

        if (message.Frame is { } frame)
        {
            Map(frame.View, message.At, output);
        }
    }

    /// <summary>Maps one event frame seen in place (no copy); <paramref name="received"/> is used when it has no Timestamp.</summary>
    public void Map(AmiFrameView f, DateTimeOffset received, List<TelephonyEvent> output)
    {
        switch (Classify(f.EventName))
        {
            case Kind.Hangup: OnHangup(f, received, output); break; // the time is read only when needed
            case Kind.UserEvent: OnUserEvent(f, At(f, received), output); break;
            case Kind.QueueCallerJoin: OnJoin(f, At(f, received), output); break;
            case Kind.AgentCalled: OnAgentCalled(f, At(f, received), output); break;
            case Kind.AgentConnect: OnAgentConnect(f, At(f, received), output); break;
            case Kind.AgentComplete: OnAgentComplete(f, At(f, received), output); break;
            case Kind.AgentRingNoAnswer: OnRingNoAnswer(f, At(f, received), output); break;
            case Kind.QueueCallerAbandon: OnAbandon(f, At(f, received), output); break;
            case Kind.QueueMemberAdded: OnMember(f, At(f, received), output, added: true); break;
            case Kind.QueueMemberRemoved: OnMemberRemoved(f, At(f, received), output); break;
            case Kind.QueueMemberChanged: OnMember(f, At(f, received), output, added: false); break;
            case Kind.DialEnd: OnDialEnd(f, At(f, received), output); break;
            case Kind.MixMonitorStart: OnMixMonitorStart(f, At(f, received), output); break;
            case Kind.MixMonitorStop: OnMixMonitorStop(f, received, output); break;
            case Kind.QueueMember: OnListedMember(f, received, output); break;
            case Kind.QueueEntry: OnListedEntry(f, received, output); break;
            case Kind.QueueStatusComplete: OnMembersListed(received, output); break;
            case Kind.CoreShowChannel: if (f.GetString("Uniqueid"u8) is { } uid) _listedChannels.Add(uid); break;
            case Kind.CoreShowChannelsComplete: OnChannelsListed(received, output); break;
            default: break; // the other events (Newstate, Dial*, Bridge*, VarSet, ...) carry nothing we count
        }
    }

    /// <summary>True for the events <see cref="Map(AmiFrameView, DateTimeOffset, List{TelephonyEvent})"/> reads; the others
    /// need not be kept at all.</summary>
    public static bool Maps(ReadOnlySpan<byte> eventName) => Classify(eventName) != Kind.None;

    /// <summary>The event name, matched as bytes (exact case, as Asterisk sends it): the length picks the few candidates.</summary>
    private static Kind Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        6 when name.SequenceEqual("Hangup"u8) => Kind.Hangup,
        7 when name.SequenceEqual("DialEnd"u8) => Kind.DialEnd,
        9 when name.SequenceEqual("UserEvent"u8) => Kind.UserEvent,
        10 when name.SequenceEqual("QueueEntry"u8) => Kind.QueueEntry,
        11 when name.SequenceEqual("AgentCalled"u8) => Kind.AgentCalled,
        11 when name.SequenceEqual("QueueMember"u8) => Kind.QueueMember,
        12 when name.SequenceEqual("AgentConnect"u8) => Kind.AgentConnect,
        13 when name.SequenceEqual("AgentComplete"u8) => Kind.AgentComplete,
        14 when name.SequenceEqual("MixMonitorStop"u8) => Kind.MixMonitorStop,
        15 when name.SequenceEqual("QueueCallerJoin"u8) => Kind.QueueCallerJoin,
        15 when name.SequenceEqual("MixMonitorStart"u8) => Kind.MixMonitorStart,
        15 when name.SequenceEqual("CoreShowChannel"u8) => Kind.CoreShowChannel,
        16 when name.SequenceEqual("QueueMemberAdded"u8) => Kind.QueueMemberAdded,
        16 when name.SequenceEqual("QueueMemberPause"u8) => Kind.QueueMemberChanged,
        17 when name.SequenceEqual("AgentRingNoAnswer"u8) => Kind.AgentRingNoAnswer,
        17 when name.SequenceEqual("QueueMemberStatus"u8) => Kind.QueueMemberChanged,
        18 when name.SequenceEqual("QueueCallerAbandon"u8) => Kind.QueueCallerAbandon,
        18 when name.SequenceEqual("QueueMemberRemoved"u8) => Kind.QueueMemberRemoved,
        19 when name.SequenceEqual("QueueStatusComplete"u8) => Kind.QueueStatusComplete,
        24 when name.SequenceEqual("CoreShowChannelsComplete"u8) => Kind.CoreShowChannelsComplete,
        _ => Kind.None,
    };

    private void OnUserEvent(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f.Is("UserEvent"u8, "HotlineCallback"u8))
        {
            OnCallback(f, at, output);
            return;
        }

        if (f.Is("UserEvent"u8, "HotlineOutbound"u8))
        {
            OnOutbound(f);
            return;
        }

        if (f.Is("UserEvent"u8, "HotlineOutboundEnd"u8))
        {
            if (TryFindCall(f, out _, out var outbound) && outbound.Outbound) outbound.CitizenHungUp = true;
            return;
        }

        if (!f.Is("UserEvent"u8, "HotlineIvr"u8) || FollowCall(f) is not { } call) return;
        if (f.Is("Stage"u8, "Enter"u8))
        {
            Arrive(call, f, f.GetString("Called"u8), at, output);
            output.Add(new CallEnteredIvr(at, call.Id));
        }
        else if (f.Is("Stage"u8, "SelfServed"u8) && !call.Done)
        {
            Arrive(call, f, null, at, output);
            call.Done = true;
            output.Add(new CallSelfServed(at, call.Id, f.GetString("Node"u8) ?? ""));
        }
        else if (f.Is("Stage"u8, "Queue"u8) && !call.Done)
        {
            output.Add(new CallLeftIvr(at, call.Id, f.GetString("Keys"u8) ?? ""));
        }
    }

    /// <summary>Our queue-exit dialplan's <c>UserEvent(HotlineCallback,Queue: q,QueuedAt: epoch)</c>: the caller left a
    /// callback request instead of waiting on; it keeps the original enqueue time (ours from the join, else the event's).</summary>
    private void OnCallback(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (FollowCall(f) is not { } call || call.Done) return;
        Arrive(call, f, null, at, output);
        var queuedAt = call.QueuedAt
            ?? (f.TryGetInt64("QueuedAt"u8, out var epoch) && epoch > 0 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : at);
        call.Done = true;
        ReleaseRinging(call.Id);
        output.Add(new CallbackRequested(at, call.Id, Name(f, "Queue"u8) ?? call.Queue ?? "", f.GetString("CallerIDNum"u8) ?? "", queuedAt, Seconds(at - queuedAt)));
    }

    /// <summary>Our outbound dialplan's <c>UserEvent(HotlineOutbound,Agent: id,Ticket: t)</c> on the agent leg (whose
    /// Uniqueid the bridge set, so the id matches its OutboundCallStarted): follow the call to its answer and end.</summary>
    private void OnOutbound(AmiFrameView f)
    {
        if (FollowCall(f) is not { } call) return;
        call.AgentId = f.GetString("Agent"u8) is { Length: > 0 } agent ? agent : null;
        call.Outbound = true;
    }

    /// <summary>The citizen answered an outbound call: the seat (if it is a queue seat) is on that call.</summary>
    private void OnDialEnd(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (!TryFindCall(f, out _, out var call) || !call.Outbound || call.AnsweredAt is not null || !f.Is("DialStatus"u8, "ANSWER"u8)) return;
        call.AnsweredAt = at;
        if (call.AgentId is { } agent && _seats.TryGetValue(agent, out var seat) && seat.LoggedIn)
        {
            StopWrapUp(seat);
            seat.CallId = call.Id;
            seat.OnCall = true;
            output.Add(new SeatOnCall(at, agent, call.Id));
        }
    }

    private void OnJoin(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (FollowCall(f) is not { } call) return;
        Arrive(call, f, f.GetString("Exten"u8), at, output);
        if (call.QueuedAt is not null) return;
        call.QueuedAt = at;
        call.Queue = Name(f, "Queue"u8) ?? "";
        output.Add(new CallQueued(at, call.Id, call.Queue, Int(f, "Position"u8, 1)));
    }

    private void OnAgentCalled(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (MemberSeat(f) is not { } seat || FollowCall(f) is not { } call) return;
        StopWrapUp(seat);
        seat.CallId = call.Id;
        seat.OnCall = false;
        output.Add(new CallOffered(at, call.Id, seat.AgentId));
        output.Add(new SeatRinging(at, seat.AgentId, call.Id));
    }

    private void OnRingNoAnswer(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (MemberSeat(f) is not { } seat || seat.OnCall) return;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("AMI {Node}: {Agent} did not answer (rang {RingMs} ms)", _node, seat.AgentId, f.GetString("RingTime"u8));
        }

        seat.CallId = null;
        EmitIdle(seat, at, output);
    }

    private void OnAgentConnect(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (MemberSeat(f) is not { } seat || FollowCall(f) is not { } call) return;
        var wait = call.QueuedAt is { } queued ? Seconds(at - queued) : Int(f, "HoldTime"u8, 0);
        call.AnsweredAt = at;
        call.AgentId = seat.AgentId;
        ReleaseRinging(call.Id);
        StopWrapUp(seat);
        seat.CallId = call.Id;
        seat.OnCall = true;
        if (!call.Done)
        {
            output.Add(new CallAnswered(at, call.Id, seat.AgentId, Name(f, "Queue"u8) ?? call.Queue ?? "", wait));
        }

        output.Add(new SeatOnCall(at, seat.AgentId, call.Id));
    }

    private void OnAgentComplete(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (MemberSeat(f) is not { } seat || FollowCall(f) is not { } call) return;
        var talk = call.AnsweredAt is { } answered ? Seconds(at - answered) : Int(f, "TalkTime"u8, 0);
        var by = f.Is("Reason"u8, "caller"u8) ? HangupParty.Caller : f.Is("Reason"u8, "agent"u8) ? HangupParty.Agent : HangupParty.System;
        if (!call.Ended)
        {
            call.Ended = true;
            call.Done = true;
            output.Add(new CallEnded(at, call.Id, seat.AgentId, talk, by));
        }

        seat.CallId = null;
        seat.OnCall = false;
        if (_wrapUp > TimeSpan.Zero)
        {
            // app_queue keeps the member out of the queue for wrapuptime: that is the seat's after-call work (话后处理).
            StopWrapUp(seat);
            seat.WrapUpUntil = at + _wrapUp;
            _wrapping.Add(seat);
            if (NextWrapUpEnd is not { } next || seat.WrapUpUntil < next) NextWrapUpEnd = seat.WrapUpUntil;
            output.Add(new SeatWrapUp(at, seat.AgentId));
            return;
        }

        EmitIdle(seat, at, output);
    }

    private void OnAbandon(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (FollowCall(f) is not { } call || call.Done) return;
        call.Done = true;
        ReleaseRinging(call.Id);
        // HoldTime is whole seconds waited; our own join time is finer when we saw the join.
        var wait = call.QueuedAt is { } queued ? Seconds(at - queued) : Int(f, "HoldTime"u8, 0);
        output.Add(new CallAbandoned(at, call.Id, Name(f, "Queue"u8) ?? call.Queue ?? "", wait, Int(f, "Position"u8, 1)));
    }

    private void OnHangup(AmiFrameView f, DateTimeOffset received, List<TelephonyEvent> output)
    {
        // Every channel hangs up, few are calls we follow: look up without making a string.
        if (!TryFindCall(f, out var uid, out var call)) return;
        _calls.Remove(uid);
        RememberEnded(uid, At(f, received));
        StopRecording(call, At(f, received), output);
        if (call.Outbound)
        {
            OnOutboundEnded(call, At(f, received), output);
            return;
        }

        if (call.Arrived && call.QueuedAt is null && !call.Done)
        {
            output.Add(new CallDisconnected(At(f, received), call.Id)); // hung up in the IVR, never queued
        }
    }

    private void OnOutboundEnded(Call call, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (call.AnsweredAt is not { } answered)
        {
            output.Add(new CallDisconnected(at, call.Id)); // the citizen did not answer
            return;
        }

        // Our outbound dialplan reports a citizen who hung up first; otherwise the agent's side ended the call.
        var by = call.CitizenHungUp ? HangupParty.Caller : HangupParty.Agent;
        output.Add(new CallEnded(at, call.Id, call.AgentId ?? "", Seconds(at - answered), by));
        if (call.AgentId is { } agent && _seats.TryGetValue(agent, out var seat) && seat.CallId == call.Id)
        {
            seat.CallId = null;
            seat.OnCall = false;
            EmitIdle(seat, at, output);
        }
    }

    /// <summary>MixMonitorStart names no file: the dialplan's contract is <c>MixMonitor(&lt;dir&gt;/${UNIQUEID}.wav)</c>
    /// (deploy/asterisk/extensions.conf), so the file is the channel's Uniqueid plus <see cref="RecordingExtension"/>.
    /// The recording starts before the IVR announces the call, so the call is followed from here.</summary>
    private void OnMixMonitorStart(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (FollowCall(f) is not { } call || call.RecordingFile is not null) return;
        call.RecordingFile = f.GetString("Uniqueid"u8) + RecordingExtension;
        output.Add(new RecordingStarted(at, call.Id, _node, call.RecordingFile));
    }

    private void OnMixMonitorStop(AmiFrameView f, DateTimeOffset received, List<TelephonyEvent> output)
    {
        if (TryFindCall(f, out _, out var call)) StopRecording(call, At(f, received), output);
    }

    /// <summary>Asterisk sends MixMonitorStop only for StopMixMonitor; a hangup ends the recording too.</summary>
    private static void StopRecording(Call call, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (call.RecordingFile is not { } file) return;
        call.RecordingFile = null;
        output.Add(new RecordingStopped(at, call.Id, file));
    }

    /// <summary>QueueMemberAdded / QueueMemberPause / QueueMemberStatus: login, and pause changes.</summary>
    private void OnMember(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output, bool added)
    {
        if (MemberSeat(f) is not { } seat) return;
        var agentId = seat.AgentId;
        var paused = f.Is("Paused"u8, "1"u8);
        var reason = Name(f, "PausedReason"u8) ?? "";
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

    private void OnMemberRemoved(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        var agentId = f.GetString("MemberName"u8) is { Length: > 0 } member ? member : ExtensionFrom(f.GetString("Interface"u8));
        if (agentId is null || !_seats.Remove(agentId, out var seat)) return;
        StopWrapUp(seat);
        output.Add(new SeatLoggedOut(at, agentId));
    }

    // --- resync from the lists asked for after each login ---

    private void OnListedMember(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        var agentId = f.GetString("Name"u8) is { Length: > 0 } member ? member : ExtensionFrom(f.GetString("Location"u8));
        if (agentId is null) return;
        _listedMembers.Add(agentId);
        var known = _seats.TryGetValue(agentId, out var seat) && seat.LoggedIn;
        seat = SeatFor(agentId, f.GetString("Location"u8));
        seat.Generation = _generation;
        var paused = f.Is("Paused"u8, "1"u8);
        var reason = Name(f, "PausedReason"u8) ?? "";
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

    private void OnListedEntry(AmiFrameView f, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (f.GetString("Uniqueid"u8) is not { } uid) return;
        var known = _calls.ContainsKey(uid);
        var call = Follow(uid);
        if (known && call.QueuedAt is not null) return;
        // A call that joined during the outage: it arrived and queued Wait seconds ago.
        var queuedAt = at - TimeSpan.FromSeconds(Int(f, "Wait"u8, 0));
        Arrive(call, f, null, queuedAt, output);
        call.QueuedAt = queuedAt;
        call.Queue = f.GetString("Queue"u8) ?? "";
        output.Add(new CallQueued(queuedAt, call.Id, call.Queue, Int(f, "Position"u8, 1)));
    }

    private void OnMembersListed(DateTimeOffset at, List<TelephonyEvent> output)
    {
        // Seats known from before the outage that are no longer members logged out meanwhile.
        foreach (var seat in _seats.Values.Where(s => s.Generation < _generation && !_listedMembers.Contains(s.AgentId)).ToList())
        {
            _seats.Remove(seat.AgentId);
            StopWrapUp(seat);
            output.Add(new SeatLoggedOut(at, seat.AgentId));
        }
    }

    private void OnChannelsListed(DateTimeOffset at, List<TelephonyEvent> output)
    {
        // Calls known from before the outage whose channel is gone ended during it: close each once.
        foreach (var (uid, call) in _calls.Where(c => c.Value.Generation < _generation && !_listedChannels.Contains(c.Key)).ToList())
        {
            _calls.Remove(uid);
            RememberEnded(uid, at);
            StopRecording(call, at, output);
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

    // --- reconciliation from the queue_log after an outage ---

    /// <summary>
    /// Replays the queue_log entries of an outage (read by the bridge right after the link-up, before the resync lists
    /// arrive) for the calls this mapper has never seen: their ENTERQUEUE is in the entries, and the call is neither
    /// followed nor recently ended. Those calls happened wholly (or started) while we were blind; every other call is
    /// left to the live events and the resync, so nothing is counted twice. A call still going at the end of the
    /// entries is followed from here, so the resync and its later AMI events close it once. A caller who left the queue
    /// with a key (EXITWITHKEY: our queue-exit context only takes 1) and did not join it again left a callback request.
    /// Returns the calls added.
    /// </summary>
    public int Reconcile(IReadOnlyList<QueueLogEntry> entries, List<TelephonyEvent> output)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var replayed = new Dictionary<string, Call>(StringComparer.Ordinal);
        var callers = new Dictionary<string, string>(StringComparer.Ordinal);
        var leftWithKey = new Dictionary<string, QueueLogEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.CallId is "" or "NONE") continue;
            if (!replayed.TryGetValue(e.CallId, out var call))
            {
                if (e.Event != "ENTERQUEUE" || _calls.ContainsKey(e.CallId) || _ended.Contains(e.CallId)) continue;
                // ENTERQUEUE: url|callerid|position
                call = new Call(_callIdPrefix + e.CallId) { Arrived = true, QueuedAt = e.At, Queue = e.Queue };
                replayed.Add(e.CallId, call);
                callers[e.CallId] = e.Text(1);
                output.Add(new CallArrived(e.At, call.Id, e.Text(1), ""));
                output.Add(new CallQueued(e.At, call.Id, e.Queue, e.Int(2, 1)));
                continue;
            }

            if (call.Done) continue;
            switch (e.Event)
            {
                case "CONNECT" when call.AnsweredAt is null: // holdtime|bridged uniqueid|ringtime
                    call.AnsweredAt = e.At;
                    call.AgentId = e.Agent;
                    output.Add(new CallAnswered(e.At, call.Id, e.Agent, e.Queue, e.Int(0)));
                    break;
                case "COMPLETECALLER" or "COMPLETEAGENT" when call.AnsweredAt is not null: // holdtime|calltime|origposition
                    call.Ended = true;
                    call.Done = true;
                    var agent = e.Agent is { Length: > 0 } and not "NONE" ? e.Agent : call.AgentId ?? "";
                    output.Add(new CallEnded(e.At, call.Id, agent, e.Int(1), e.Event == "COMPLETECALLER" ? HangupParty.Caller : HangupParty.Agent));
                    break;
                case "ABANDON" or "EXITWITHTIMEOUT" when call.AnsweredAt is null: // position|origposition|waittime
                    call.Done = true;
                    leftWithKey.Remove(e.CallId);
                    output.Add(new CallAbandoned(e.At, call.Id, e.Queue, e.Int(2), e.Int(0, 1)));
                    break;
                case "EXITWITHKEY" when call.AnsweredAt is null: // key|position|origposition|waittime
                    leftWithKey[e.CallId] = e;
                    break;
                case "ENTERQUEUE": // pressed too early for a callback: back in the queue
                    leftWithKey.Remove(e.CallId);
                    break;
            }
        }

        foreach (var (uid, e) in leftWithKey)
        {
            var call = replayed[uid];
            call.Done = true;
            var queuedAt = call.QueuedAt ?? e.At;
            output.Add(new CallbackRequested(e.At, call.Id, e.Queue, callers[uid], queuedAt, Seconds(e.At - queuedAt)));
        }

        foreach (var (uid, call) in replayed)
        {
            if (call.Done)
            {
                RememberEnded(uid, call.QueuedAt ?? default);
                continue;
            }

            // Still going at the link-up: followed, but as from before the lists, so the channel list closes it if it is gone.
            call.Generation = _generation - 1;
            _calls.Add(uid, call);
        }

        return replayed.Count;
    }

    /// <summary>Keeps an ended call's Uniqueid for <see cref="EndedMemory"/> (bounded: older ones are dropped as new ones come).</summary>
    private void RememberEnded(string uid, DateTimeOffset at)
    {
        if (!RemembersEndedCalls) return;
        if (_ended.Add(uid)) _endedOrder.Enqueue((uid, at));
        while (_endedOrder.TryPeek(out var oldest) && oldest.At < at - EndedMemory)
        {
            _endedOrder.Dequeue();
            _ended.Remove(oldest.Uid);
        }
    }

    // --- helpers ---

    /// <summary>The followed call of the frame's Uniqueid, found through the span (no string made).</summary>
    private bool TryFindCall(AmiFrameView f, out string uid, out Call call)
    {
        uid = "";
        call = null!;
        if (!f.TryGetSpan("Uniqueid"u8, out var bytes)) return false;
        Span<char> buffer = stackalloc char[MaxKeyChars];
        if (!Encoding.UTF8.TryGetChars(bytes, buffer, out var written)) return false; // longer than any id we follow
        if (!_callLookup.TryGetValue(buffer[..written], out var key, out var found)) return false;
        uid = key;
        call = found;
        return true;
    }

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

    private static void Arrive(Call call, AmiFrameView f, string? called, DateTimeOffset at, List<TelephonyEvent> output)
    {
        if (call.Arrived) return;
        call.Arrived = true;
        output.Add(new CallArrived(at, call.Id, f.GetString("CallerIDNum"u8) ?? "", called ?? ""));
    }

    /// <summary>The seat of the frame's MemberName (or its Interface's extension), found or added without making
    /// strings for a seat already known.</summary>
    private Seat? MemberSeat(AmiFrameView f)
    {
        f.TryGetSpan("Interface"u8, out var memberInterface);
        if (!f.TryGetSpan("MemberName"u8, out var name) || name.IsEmpty) name = ExtensionFrom(memberInterface);
        if (name.IsEmpty) return null;
        Span<char> buffer = stackalloc char[MaxKeyChars];
        if (!Encoding.UTF8.TryGetChars(name, buffer, out var written)) return SeatFor(Encoding.UTF8.GetString(name), f.GetString("Interface"u8));
        if (!_seatLookup.TryGetValue(buffer[..written], out var seat))
        {
            seat = new Seat(new string(buffer[..written]));
            _seats.Add(seat.AgentId, seat);
        }

        var extension = ExtensionFrom(memberInterface);
        if (!extension.IsEmpty && !Ascii.Equals(extension, seat.Extension)) seat.Extension = Encoding.UTF8.GetString(extension);
        seat.Generation = _generation;
        return seat;
    }

    /// <summary>The followed call of the frame's Uniqueid, added when new; the id string is made only then.</summary>
    private Call? FollowCall(AmiFrameView f)
    {
        if (!f.TryGetSpan("Uniqueid"u8, out var bytes) || bytes.IsEmpty) return null;
        Span<char> buffer = stackalloc char[MaxKeyChars];
        if (!Encoding.UTF8.TryGetChars(bytes, buffer, out var written)) return Follow(Encoding.UTF8.GetString(bytes));
        if (!_callLookup.TryGetValue(buffer[..written], out var call))
        {
            var uid = new string(buffer[..written]);
            call = new Call(_callIdPrefix + uid);
            _calls.Add(uid, call);
        }

        call.Generation = _generation;
        return call;
    }

    /// <summary>A short, repeating value (queue name, pause reason) as a shared string.</summary>
    private static string? Name(AmiFrameView f, ReadOnlySpan<byte> key) => f.TryGetSpan(key, out var value) ? AmiNames.Intern(value) : null;

    /// <summary><c>Local/1001@agents</c> or <c>PJSIP/1001</c> → <c>1001</c>.</summary>
    private static ReadOnlySpan<byte> ExtensionFrom(ReadOnlySpan<byte> memberInterface)
    {
        var start = memberInterface.IndexOf((byte)'/') + 1;
        var rest = memberInterface[start..];
        var at = rest.IndexOf((byte)'@');
        return at < 0 ? rest : rest[..at];
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

    /// <summary>The seat is idle: Ready, or NotReady if paused. That also ends a wrap-up (the seat changed state).</summary>
    private void EmitIdle(Seat seat, DateTimeOffset at, List<TelephonyEvent> output)
    {
        StopWrapUp(seat);
        output.Add(seat.Paused ? new SeatNotReady(at, seat.AgentId, seat.Reason) : new SeatReady(at, seat.AgentId));
    }

    private void StopWrapUp(Seat seat)
    {
        if (seat.WrapUpUntil == default) return;
        seat.WrapUpUntil = default;
        _wrapping.Remove(seat);
        // Kept rather than searched for on every message (the bridge asks after each one).
        NextWrapUpEnd = null;
        foreach (var other in _wrapping)
        {
            if (NextWrapUpEnd is not { } next || other.WrapUpUntil < next) NextWrapUpEnd = other.WrapUpUntil;
        }
    }

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

    private static DateTimeOffset At(AmiFrameView f, DateTimeOffset received)
    {
        // "1795816983.106493": whole seconds and up to 7 fraction digits, read as integers (exact, and cheaper than a double).
        if (!f.TryGetSpan("Timestamp"u8, out var text)) return received;
        var dot = text.IndexOf((byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? default : text[(dot + 1)..];
        if (!Utf8Parser.TryParse(whole, out long seconds, out var used) || used != whole.Length || seconds <= 0 || seconds >= 32_503_680_000) return received;
        long ticks = 0;
        var scale = TimeSpan.TicksPerSecond;
        foreach (var digit in fraction)
        {
            if (digit is < (byte)'0' or > (byte)'9') return received;
            scale /= 10;
            ticks += (digit - '0') * scale;
        }

        return DateTimeOffset.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond + ticks);
    }

    private static int Int(AmiFrameView f, ReadOnlySpan<byte> key, int fallback) =>
        f.TryGetInt64(key, out var value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : fallback;

    private static double Seconds(TimeSpan span) => Math.Max(0, Math.Round(span.TotalSeconds, 3));

    private enum Kind
    {
        None,
        Hangup,
        DialEnd,
        UserEvent,
        QueueCallerJoin,
        AgentCalled,
        AgentConnect,
        AgentComplete,
        AgentRingNoAnswer,
        QueueCallerAbandon,
        QueueMemberAdded,
        QueueMemberRemoved,
        QueueMemberChanged,
        MixMonitorStart,
        MixMonitorStop,
        QueueMember,
        QueueEntry,
        QueueStatusComplete,
        CoreShowChannel,
        CoreShowChannelsComplete,
    }

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
        /// <summary>An outbound call (平台外呼) started by the bridge: ends with CallEnded or, unanswered, CallDisconnected.</summary>
        public bool Outbound { get; set; }

        /// <summary>An outbound call's citizen hung up first (<c>UserEvent(HotlineOutboundEnd,By: citizen)</c>).</summary>
        public bool CitizenHungUp { get; set; }
        public string? RecordingFile { get; set; }
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
        /// <summary>When the seat's wrap-up ends (default: not in wrap-up).</summary>
        public DateTimeOffset WrapUpUntil { get; set; }
        public int Generation { get; set; }
    }
}
