using Hotline.Core.Agents;
using Hotline.Telephony;

namespace Hotline.Core.Calls;

/// <summary>
/// Turns the event stream into call records (new or changed since the last drain) and closed seat
/// intervals, for the store. Single consumer, not thread-safe. Per event it only updates mutable
/// working entries; immutable <see cref="CallRecord"/>s are built once per drain for changed calls.
/// </summary>
/// <remarks>
/// A call is tracked from <see cref="CallArrived"/> (inbound) or <see cref="OutboundCallStarted"/>
/// until the drain that carries its final state; after that its id is forgotten and later events for
/// it count as <see cref="UnknownEvents"/>. The wrap-up that follows a call belongs to the call the
/// agent last took when the wrap-up began, and is written to that record when the seat leaves WrapUp.
/// Seat intervals of zero length, and LoggedOut time, are not emitted.
/// </remarks>
public sealed class CallRecorder
{
    /// <summary>The reason of the NotReady interval that starts at login.</summary>
    public const string LoginReason = "登录";

    private readonly Dictionary<string, Call> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Seat> _seats = new(StringComparer.Ordinal);
    private readonly List<Call> _changed = [];
    private readonly List<SeatInterval> _closed = [];
    private readonly List<CallbackRequest> _callbacks = [];

    /// <summary>Call events whose call id is not (or no longer) tracked; they are ignored.</summary>
    public long UnknownEvents { get; private set; }

    /// <summary>Calls currently tracked (arrived and not yet drained in a final state).</summary>
    public int TrackedCalls => _calls.Count;

    public void Apply(TelephonyEvent e)
    {
        switch (e)
        {
            case CallArrived a:
                if (!_calls.ContainsKey(a.CallId))
                {
                    var call = new Call(a.CallId, "inbound", a.CallerNumber, a.At);
                    _calls.Add(a.CallId, call);
                    Changed(call);
                }

                break;

            case OutboundCallStarted o:
                if (!_calls.ContainsKey(o.CallId))
                {
                    var call = new Call(o.CallId, "outbound", o.Number, o.At) { AgentId = o.AgentId, TicketNumber = o.TicketNumber };
                    _calls.Add(o.CallId, call);
                    SeatOf(o.AgentId).LastCall = call;
                    Changed(call);
                }

                break;

            case CallQueued q when Find(q.CallId) is { } call:
                call.Queue = q.Queue;
                call.QueuedAt ??= q.At;
                Changed(call);
                break;

            case CallAnswered a when Find(a.CallId) is { } call:
                call.AnsweredAt = a.At;
                call.AgentId = a.AgentId;
                call.Queue ??= a.Queue;
                call.WaitSeconds = a.WaitSeconds;
                call.Outcome = CallOutcome.Answered;
                SeatOf(a.AgentId).LastCall = call;
                Changed(call);
                break;

            case CallEnded end when Find(end.CallId) is { } call:
                if (call.Outcome == CallOutcome.InProgress)
                {
                    // "An answered call ended": outbound calls may have no CallAnswered of their own.
                    call.Outcome = CallOutcome.Answered;
                    call.AnsweredAt ??= end.At.AddSeconds(-end.TalkSeconds);
                }

                call.AgentId ??= end.AgentId;
                call.EndedAt = end.At;
                call.TalkSeconds = end.TalkSeconds;
                call.HungUpBy = PartyName(end.HungUpBy);
                Changed(call);
                break;

            case CallAbandoned ab when Find(ab.CallId) is { } call:
                call.Outcome = CallOutcome.Abandoned;
                call.Queue = ab.Queue;
                call.EndedAt = ab.At;
                call.WaitSeconds = ab.WaitSeconds;
                call.AbandonPosition = ab.Position;
                Changed(call);
                break;

            case CallbackRequested r when Find(r.CallId) is { } call:
                call.Outcome = CallOutcome.CallbackRequested;
                call.Queue = r.Queue;
                call.QueuedAt ??= r.QueuedAt;
                call.EndedAt = r.At;
                call.WaitSeconds = r.WaitSeconds;
                Changed(call);
                _callbacks.Add(new CallbackRequest(r.CallId, r.CallerNumber, r.Queue, r.QueuedAt, r.At));
                break;

            case CallSelfServed s when Find(s.CallId) is { } call:
                call.Outcome = CallOutcome.SelfServed;
                call.IvrNode = s.IvrNode;
                call.EndedAt = s.At;
                Changed(call);
                break;

            case CallDisconnected d when Find(d.CallId) is { } call:
                if (call.Outcome == CallOutcome.InProgress)
                {
                    call.Outcome = CallOutcome.Other;
                }

                call.EndedAt ??= d.At;
                Changed(call);
                break;

            case CallLeftIvr l when Find(l.CallId) is { } call:
                call.IvrKeys = l.Keys;
                Changed(call);
                break;

            case CallEnteredIvr ivr:
                _ = Find(ivr.CallId); // nothing to store, but an unknown id still counts
                break;

            case CallOffered offered:
                _ = Find(offered.CallId);
                break;

            case SeatLoggedIn s:
                ChangeSeat(s.AgentId, s.At, SeatState.NotReady, LoginReason);
                break;
            case SeatReady s:
                ChangeSeat(s.AgentId, s.At, SeatState.Ready, null);
                break;
            case SeatNotReady s:
                ChangeSeat(s.AgentId, s.At, SeatState.NotReady, s.Reason);
                break;
            case SeatRinging s:
                ChangeSeat(s.AgentId, s.At, SeatState.Ringing, null);
                break;
            case SeatOnCall s:
                if (_calls.TryGetValue(s.CallId, out var current))
                {
                    SeatOf(s.AgentId).LastCall = current;
                }

                ChangeSeat(s.AgentId, s.At, SeatState.OnCall, null);
                break;
            case SeatWrapUp s:
                ChangeSeat(s.AgentId, s.At, SeatState.WrapUp, null);
                break;
            case SeatLoggedOut s:
                ChangeSeat(s.AgentId, s.At, SeatState.LoggedOut, null);
                break;
        }
    }

    /// <summary>
    /// Moves the records changed since the last drain (each once, in its latest version) and the
    /// intervals closed since, into the lists. Calls drained in a final state are forgotten.
    /// </summary>
    public void Drain(List<CallRecord> calls, List<SeatInterval> intervals)
    {
        foreach (var call in _changed)
        {
            calls.Add(call.ToRecord());
            call.IsChanged = false;
            if (call.EndedAt is not null && _calls.TryGetValue(call.CallId, out var tracked) && ReferenceEquals(tracked, call))
            {
                _calls.Remove(call.CallId);
            }
        }

        _changed.Clear();
        intervals.AddRange(_closed);
        _closed.Clear();
    }

    /// <summary>Moves the callback requests made since the last drain into the list (for the callbacks table).</summary>
    public void DrainCallbacks(List<CallbackRequest> callbacks)
    {
        callbacks.AddRange(_callbacks);
        _callbacks.Clear();
    }

    /// <summary>
    /// Closes every open seat interval at <paramref name="at"/> and continues the same state from there,
    /// so that a shutdown (or a periodic flush) can store the seat time up to now.
    /// </summary>
    public void CloseOpenIntervals(DateTimeOffset at)
    {
        foreach (var (agentId, seat) in _seats)
        {
            if (seat.State != SeatState.LoggedOut && at > seat.Since)
            {
                _closed.Add(new SeatInterval(agentId, seat.State, seat.Reason, seat.Since, at));
                seat.Since = at;
            }
        }
    }

    private Call? Find(string callId)
    {
        if (_calls.TryGetValue(callId, out var call))
        {
            return call;
        }

        UnknownEvents++;
        return null;
    }

    private void Changed(Call call)
    {
        if (!call.IsChanged)
        {
            call.IsChanged = true;
            _changed.Add(call);
        }
    }

    private Seat SeatOf(string agentId)
    {
        if (!_seats.TryGetValue(agentId, out var seat))
        {
            seat = new Seat();
            _seats.Add(agentId, seat);
        }

        return seat;
    }

    private void ChangeSeat(string agentId, DateTimeOffset at, SeatState state, string? reason)
    {
        var seat = SeatOf(agentId);
        if (seat.State == state && string.Equals(seat.Reason, reason, StringComparison.Ordinal) && state != SeatState.LoggedOut)
        {
            return; // a repeated state is no change
        }

        if (seat.State != SeatState.LoggedOut && at > seat.Since)
        {
            _closed.Add(new SeatInterval(agentId, seat.State, seat.Reason, seat.Since, at));
        }

        if (seat.State == SeatState.WrapUp && state != SeatState.WrapUp && seat.WrapUpCall is { } wrapped)
        {
            wrapped.WrapUpSeconds += (at - seat.WrapUpSince).TotalSeconds;
            seat.WrapUpCall = null;
            Changed(wrapped);
        }

        if (state == SeatState.WrapUp && seat.State != SeatState.WrapUp)
        {
            seat.WrapUpSince = at;
            seat.WrapUpCall = seat.LastCall;
            seat.LastCall = null;
        }

        seat.State = state;
        seat.Reason = reason;
        seat.Since = at;
    }

    private static string PartyName(HangupParty party) => party switch
    {
        HangupParty.Caller => "Caller",
        HangupParty.Agent => "Agent",
        HangupParty.System => "System",
        _ => party.ToString(),
    };

    /// <summary>The mutable working copy of one call.</summary>
    private sealed class Call(string callId, string direction, string callerNumber, DateTimeOffset arrivedAt)
    {
        public string CallId { get; } = callId;
        public bool IsChanged { get; set; }
        public string? Queue { get; set; }
        public DateTimeOffset? QueuedAt { get; set; }
        public DateTimeOffset? AnsweredAt { get; set; }
        public DateTimeOffset? EndedAt { get; set; }
        public CallOutcome Outcome { get; set; }
        public double WaitSeconds { get; set; }
        public double TalkSeconds { get; set; }
        public double WrapUpSeconds { get; set; }
        public string? AgentId { get; set; }
        public string? HungUpBy { get; set; }
        public string? IvrNode { get; set; }
        public string? IvrKeys { get; set; }
        public int? AbandonPosition { get; set; }
        public string? TicketNumber { get; set; }

        public CallRecord ToRecord() => new()
        {
            CallId = CallId,
            Direction = direction,
            CallerNumber = callerNumber,
            Queue = Queue,
            ArrivedAt = arrivedAt,
            QueuedAt = QueuedAt,
            AnsweredAt = AnsweredAt,
            EndedAt = EndedAt,
            Outcome = Outcome,
            WaitSeconds = WaitSeconds,
            TalkSeconds = TalkSeconds,
            WrapUpSeconds = WrapUpSeconds,
            AgentId = AgentId,
            HungUpBy = HungUpBy,
            IvrNode = IvrNode,
            IvrKeys = IvrKeys,
            AbandonPosition = AbandonPosition,
            TicketNumber = TicketNumber,
        };
    }

    private sealed class Seat
    {
        public SeatState State { get; set; } = SeatState.LoggedOut;
        public string? Reason { get; set; }
        public DateTimeOffset Since { get; set; }
        public Call? LastCall { get; set; }
        public Call? WrapUpCall { get; set; }
        public DateTimeOffset WrapUpSince { get; set; }
    }
}
