using System.Runtime.InteropServices;
using Hotline.Core.Calls;
using Hotline.Telephony;

namespace Hotline.Core.Live;

/// <summary>
/// Pure in-memory projection of the telephony event stream: queues, seats, today's KPIs, a half-hour series
/// and two sliding windows. Not thread-safe: one consumer applies events and takes snapshots (the ingest
/// service serialises access). <see cref="Apply"/> is O(1) and allocation-free in the steady state.
/// </summary>
/// <remarks>
/// <para><b>Counters</b> (inbound calls only; outbound calls never count):</para>
/// <list type="bullet">
/// <item><c>Offered</c>: calls that arrived (<see cref="CallArrived"/>).</item>
/// <item><c>OfferedToAgents</c>: calls that joined a queue (<see cref="CallQueued"/>), counted once per call.
/// A call answered or abandoned without a queue event is counted here too, so Answered and Abandoned never
/// exceed it.</item>
/// <item><c>Answered</c>: <see cref="CallAnswered"/>. <c>SelfServed</c>: <see cref="CallSelfServed"/>.</item>
/// <item><c>Abandoned</c>: <see cref="CallAbandoned"/>, including abandons while a seat rings.
/// <c>ShortAbandoned</c>: abandons with wait &lt; <see cref="HotlineOptions.ShortAbandonSeconds"/>
/// (5 s by default, so 4.9 s is short and 5.0 s is not); they are also in <c>Abandoned</c>.</item>
/// <item><c>AnsweredWithin15s</c>: answers with wait &lt;= <see cref="HotlineOptions.ServiceLevelSeconds"/>
/// (an answer at exactly 15.0 s is within).</item>
/// <item><c>CallbacksRequested</c>: <see cref="CallbackRequested"/>, a queued caller who left a callback request and hung
/// up (queue overflow). DOMAIN.md's formulas count such a call as offered (and offered to agents), and as neither answered
/// nor self-served nor abandoned: it lowers 有效接通率 and 人工接通率 like any unanswered call, but not the abandon rate.
/// The callback itself is an outbound call, which never counts.</item>
/// <item>A call has one outcome: the first of answered, self-served, abandoned or callback requested; repeats are ignored.</item>
/// </list>
/// <para><b>Rates</b> (fractions 0..1, and 0 when the denominator is 0):
/// 有效接通率 EffectiveConnectionRate = (Answered + SelfServed) / Offered;
/// 人工接通率 AgentConnectionRate = Answered / OfferedToAgents;
/// ServiceLevel15s = AnsweredWithin15s / Answered; AbandonRate = Abandoned / OfferedToAgents;
/// ASA = total wait of answered calls / Answered;
/// AHT = (talk + wrap-up seconds) / handled calls, where a handled call is one that ended
/// (<see cref="CallEnded"/>) after being answered, and its wrap-up is the time its agent then spent in
/// <see cref="SeatState.WrapUp"/> (added when the seat leaves WrapUp, so a wrap-up still going on is not yet in AHT).</para>
/// <para><b>Attribution</b>: every call counts for the day, half hour and minute in which it ARRIVED, in
/// <see cref="HotlineOptions.TimeZone"/>. A call arriving 23:59:50 and answered 00:00:10 counts for the old day.
/// The day rolls over when an applied event or a snapshot's <c>now</c> is past midnight: today's counters and
/// series restart from zero, seats' calls-today restart from zero, logged-out seats and empty queues are dropped.
/// Events for calls the projection does not know (arrived before a restart) never change counters, but still
/// move seats, and such a call that joins a queue is shown waiting.</para>
/// <para><b>Queues</b>: every queue seen today, with its waiting calls (queued and not yet answered or
/// abandoned; a ringing call still waits) and the longest wait (now − queued time of the oldest waiting call).
/// Ordered by name.</para>
/// <para><b>Seats</b>: ordered by agent id (ordinal). State comes from the seat events; call events also move a
/// seat when the meaning is certain: an offer rings it, an answer puts it on call, and an abandon (or a
/// disconnect, or an offer to another seat) while it rings that call puts it back to Ready. A repeated state keeps
/// its start time (a NotReady with a new reason restarts it). A seat logged in starts NotReady with no reason.
/// The current call (id, caller, wait: live while ringing, the answer's wait once answered) stays through
/// wrap-up, so the agent's ticket form can link it, and clears on Ready, NotReady or log-out. CallsToday counts
/// answers of calls that arrived today (so the seats add up to Today.Answered). Logged-out seats stay listed
/// until the day ends. Seats only known from events other than a login are named by their agent id.</para>
/// <para><b>Switch link</b>: up when at least one node has reported <see cref="SwitchLinkUp"/> and no known
/// node is down; false until the first link-up.</para>
/// <para><b>Half hours</b>: 48 points for today by local time of day of arrival (on a DST change day the
/// repeated hour shares its points and a skipped one stays empty).</para>
/// <para><b>Sliding windows</b>: Last15Minutes and LastHour hold the same figures over calls that arrived in the
/// last 15 / 60 minutes, at minute resolution: the minute containing <c>now</c> and the 14 (59) minutes
/// before it. They are kept in a ring of 60 per-minute buckets and do not reset at midnight.</para>
/// </remarks>
public sealed class LiveState
{
    private const int HalfHoursPerDay = 48;
    private const int RingMinutes = 60;
    private const long TicksPerHalfHour = TimeSpan.TicksPerMinute * 30;
    private const int MaxPooledCalls = 4096;

    private readonly TimeZoneInfo _zone;
    private readonly double _serviceLevelSeconds;
    private readonly double _shortAbandonSeconds;

    private readonly Dictionary<string, LiveCall> _calls = new(1024);
    private readonly Stack<LiveCall> _pool = new();
    private readonly Dictionary<string, LiveSeat> _seats = new();
    private readonly Dictionary<string, LiveQueue> _queues = new();
    private readonly Dictionary<string, bool> _nodes = new();
    private int _nodesDown;

    // Today in the configured zone: [_dayStartTicks, _dayEndTicks) in UTC ticks. MinValue: no day yet, so the first event rolls.
    private DateOnly _day;
    private long _dayStartTicks;
    private long _dayEndTicks = long.MinValue;
    private long _dayLocalMidnightTicks;
    private bool _dayHasFixedOffset;
    private long _dayOffsetTicks;
    private KpiCounters _today = new();
    private readonly KpiCounters[] _halfHours = new KpiCounters[HalfHoursPerDay];

    // Ring of per-minute buckets; a slot is replaced (not cleared) when reused, because calls still point at the old one.
    private readonly KpiCounters[] _minutes = new KpiCounters[RingMinutes];
    private readonly long[] _minuteStamps = new long[RingMinutes];

    // Written by calls that must not count (unknown, other day, outside the ring); never read.
    private readonly KpiCounters _discard = new();

    private DateTimeOffset? _lastEventAt;

    /// <exception cref="InvalidOperationException">The configured time zone is unknown (names the setting).</exception>
    public LiveState(HotlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Setting {HotlineOptions.Section}:{nameof(HotlineOptions.TimeZone)} = '{options.TimeZone}' is not a known time zone (expected an IANA id such as Asia/Shanghai).", ex);
        }

        _serviceLevelSeconds = options.ServiceLevelSeconds;
        _shortAbandonSeconds = options.ShortAbandonSeconds;
        for (var i = 0; i < HalfHoursPerDay; i++) _halfHours[i] = new KpiCounters();
        ResetRing();
    }

    /// <summary>Number of events applied so far (a snapshot includes exactly these).</summary>
    public long EventsApplied { get; private set; }

    public void Apply(TelephonyEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var t = e.At.UtcTicks;
        if (t >= _dayEndTicks) RollTo(t);

        // Ordered roughly by frequency.
        switch (e)
        {
            case CallArrived a: OnArrived(a, t); break;
            case CallQueued q: OnQueued(q, t); break;
            case CallOffered o: OnOffered(o, t); break;
            case CallAnswered a: OnAnswered(a, t); break;
            case CallEnded x: OnEnded(x, t); break;
            case SeatRinging r: OnSeatCall(r.AgentId, r.CallId, SeatState.Ringing, t); break;
            case SeatOnCall c: OnSeatCall(c.AgentId, c.CallId, SeatState.OnCall, t); break;
            case SeatWrapUp w: SetState(GetSeat(w.AgentId, t), SeatState.WrapUp, null, t); break;
            case SeatReady r: SetState(GetSeat(r.AgentId, t), SeatState.Ready, null, t); break;
            case SeatNotReady n: SetState(GetSeat(n.AgentId, t), SeatState.NotReady, n.Reason, t); break;
            case CallAbandoned a: OnAbandoned(a, t); break;
            case CallSelfServed s: OnSelfServed(s); break;
            case CallbackRequested r: OnCallbackRequested(r, t); break;
            case CallDisconnected d: OnDisconnected(d, t); break;
            case CallLeftIvr l: OnLeftIvr(l); break;
            case CallEnteredIvr: break;
            case OutboundCallStarted o: OnOutbound(o, t); break;
            case SeatLoggedIn i: OnLoggedIn(i, t); break;
            case SeatLoggedOut o: SetState(GetSeat(o.AgentId, t), SeatState.LoggedOut, null, t); break;
            case SwitchLinkUp u: OnLink(u.Node, up: true); break;
            case SwitchLinkDown d: OnLink(d.Node, up: false); break;
            default: break; // an event this projection has no use for
        }

        _lastEventAt = e.At;
        EventsApplied++;
    }

    /// <summary>
    /// Rebuilds the call-derived state from stored call records after a restart (or a reconnect), so that today's
    /// figures equal what they were before. Call with the records that arrived from today's start in the zone
    /// (or from one hour before <paramref name="now"/>, if earlier, to fill the sliding windows too).
    /// </summary>
    /// <remarks>
    /// Replaces today's counters, the half hours, the windows, the followed calls and the queues; keeps the seats'
    /// states and the switch link, and recounts each seat's calls today. Outbound records are skipped.
    /// A record counts as offered; as offered to agents when it was queued, answered or abandoned; as answered
    /// when <see cref="CallRecord.AnsweredAt"/> is set or its outcome is Answered (wait from
    /// <see cref="CallRecord.WaitSeconds"/>); as self-served or abandoned by its outcome; as handled, with
    /// talk + wrap-up seconds, when answered and ended. Records still going on (InProgress, or Answered without
    /// an end) are followed again: waiting in their queue if queued and not answered, and their later events count.
    /// </remarks>
    public void Restore(IEnumerable<CallRecord> calls, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var nowTicks = now.UtcTicks;

        foreach (var call in _calls.Values) call.Reset();
        _calls.Clear();
        _queues.Clear();
        StartDay(LocalDate(nowTicks));
        ResetRing();
        foreach (var seat in _seats.Values) seat.ClearLastCall();

        var nowMinute = nowTicks / TimeSpan.TicksPerMinute;
        foreach (var r in calls)
        {
            if (!string.Equals(r.Direction, "inbound", StringComparison.OrdinalIgnoreCase)) continue;

            var t = r.ArrivedAt.UtcTicks;
            var minute = t / TimeSpan.TicksPerMinute;
            var today = t >= _dayStartTicks && t < _dayEndTicks;
            var inRing = minute > nowMinute - RingMinutes && minute <= nowMinute;
            var answered = r.AnsweredAt is not null || r.Outcome == CallOutcome.Answered;
            var going = r.Outcome == CallOutcome.InProgress || (r.Outcome == CallOutcome.Answered && r.EndedAt is null);
            if (!today && !inRing && !going) continue;

            var c = Rent();
            c.CallId = r.CallId;
            c.CallerNumber = r.CallerNumber;
            c.ArrivedTicks = t;
            c.Day = today ? _today : _discard;
            c.HalfHour = today ? _halfHours[HalfHourIndex(t)] : _discard;
            c.Minute = inRing ? MinuteBucket(minute) : _discard;

            CountOffered(c);
            var reachedAgents = answered || r.QueuedAt is not null || r.Outcome is CallOutcome.Abandoned or CallOutcome.CallbackRequested;
            if (reachedAgents)
            {
                CountOfferedToAgents(c);
                if (today && r.Queue is not null) GetQueue(r.Queue); // seen today
            }

            if (answered)
            {
                CountAnswered(c, r.WaitSeconds);
                c.AgentId = r.AgentId;
                if (today && r.AgentId is not null) GetSeat(r.AgentId, nowTicks).CallsToday++;
                if (r.EndedAt is not null) CountHandled(c, r.TalkSeconds + r.WrapUpSeconds);
            }
            else if (r.Outcome == CallOutcome.SelfServed)
            {
                CountSelfServed(c);
            }
            else if (r.Outcome == CallOutcome.Abandoned)
            {
                CountAbandoned(c, r.WaitSeconds);
            }
            else if (r.Outcome == CallOutcome.CallbackRequested)
            {
                CountCallbackRequested(c);
            }

            if (going && _calls.TryAdd(c.CallId, c))
            {
                if (!answered && r.QueuedAt is { } queuedAt) GetQueue(r.Queue ?? "").Add(c, queuedAt.UtcTicks);
            }
            else
            {
                Return(c);
            }
        }
    }

    public LiveSnapshot Snapshot(DateTimeOffset now)
    {
        var t = now.UtcTicks;
        if (t >= _dayEndTicks) RollTo(t);

        var queues = new List<QueueSnapshot>(_queues.Count);
        foreach (var q in _queues.Values)
        {
            var longest = q.Oldest is { } oldest ? Seconds(t - oldest.QueuedTicks) : 0;
            queues.Add(new QueueSnapshot(q.Name, q.Waiting, longest));
        }

        queues.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        var seats = new List<SeatSnapshot>(_seats.Count);
        foreach (var s in _seats.Values)
        {
            double? wait = !double.IsNaN(s.CurrentWaitSeconds) ? s.CurrentWaitSeconds
                : s.CurrentCallId is not null && s.CurrentQueuedTicks != 0 ? Seconds(t - s.CurrentQueuedTicks)
                : null;
            seats.Add(new SeatSnapshot(s.AgentId, s.Name, s.Extension, s.State, s.Reason, Seconds(t - s.EnteredTicks),
                s.CallsToday, s.CurrentCallId, s.CurrentCaller, wait, s.CurrentIvrKeys));
        }

        seats.Sort((a, b) => string.CompareOrdinal(a.AgentId, b.AgentId));

        var halfHours = new HalfHourPoint[HalfHoursPerDay];
        for (var i = 0; i < HalfHoursPerDay; i++)
        {
            var localStart = new DateTime(_dayLocalMidnightTicks + (i * TicksPerHalfHour), DateTimeKind.Unspecified);
            var h = _halfHours[i];
            halfHours[i] = new HalfHourPoint(new DateTimeOffset(localStart, _zone.GetUtcOffset(localStart)),
                h.Offered, h.Answered, h.SelfServed, h.Abandoned, h.AnsweredWithinServiceLevel);
        }

        var last15 = new KpiCounters();
        var lastHour = new KpiCounters();
        var nowMinute = t / TimeSpan.TicksPerMinute;
        for (var i = 0; i < RingMinutes; i++)
        {
            var stamp = _minuteStamps[i];
            if (stamp <= nowMinute - 60 || stamp > nowMinute) continue;
            _minutes[i].AddTo(lastHour);
            if (stamp > nowMinute - 15) _minutes[i].AddTo(last15);
        }

        return new LiveSnapshot(
            GeneratedAt: now,
            SwitchLinkUp: _nodes.Count > 0 && _nodesDown == 0,
            LastEventAt: _lastEventAt,
            EventsApplied: EventsApplied,
            Day: _day,
            Today: _today.ToFigures(),
            Last15Minutes: last15.ToFigures(),
            LastHour: lastHour.ToFigures(),
            Queues: queues,
            Seats: seats,
            HalfHours: halfHours);
    }

    private void OnArrived(CallArrived a, long t)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_calls, a.CallId, out var exists);
        if (exists) return; // repeated after a resync: already counted

        var call = Rent();
        call.CallId = a.CallId;
        call.CallerNumber = a.CallerNumber;
        call.ArrivedTicks = t;
        if (t >= _dayStartTicks)
        {
            call.Day = _today;
            call.HalfHour = _halfHours[HalfHourIndex(t)];
        }
        else
        {
            call.Day = call.HalfHour = _discard; // a late event from a day already closed
        }

        call.Minute = MinuteBucket(t / TimeSpan.TicksPerMinute);
        slot = call;
        CountOffered(call);
    }

    private void OnQueued(CallQueued q, long t)
    {
        var queue = GetQueue(q.Queue);
        if (!_calls.TryGetValue(q.CallId, out var call))
        {
            // Arrived before a restart: show it waiting, never count it.
            call = Rent();
            call.CallId = q.CallId;
            call.ArrivedTicks = t;
            call.Day = call.HalfHour = call.Minute = _discard;
            _calls.Add(q.CallId, call);
        }

        if (call.HasOutcome) return;
        if (!call.OfferedToAgents) CountOfferedToAgents(call);
        if (call.Queue == queue) return; // a position update keeps the queued time

        call.Queue?.Remove(call);
        queue.Add(call, t);
    }

    private void OnOffered(CallOffered o, long t)
    {
        var seat = GetSeat(o.AgentId, t);
        SetState(seat, SeatState.Ringing, null, t);
        if (_calls.TryGetValue(o.CallId, out var call))
        {
            MoveCallToSeat(call, o.AgentId, t);
            SetCurrentCall(seat, call);
        }
        else
        {
            SetUnknownCurrentCall(seat, o.CallId, double.NaN);
        }
    }

    private void OnAnswered(CallAnswered a, long t)
    {
        var seat = GetSeat(a.AgentId, t);
        SetState(seat, SeatState.OnCall, null, t);
        if (!_calls.TryGetValue(a.CallId, out var call))
        {
            SetUnknownCurrentCall(seat, a.CallId, a.WaitSeconds);
            return;
        }

        MoveCallToSeat(call, a.AgentId, t);
        if (!call.HasOutcome)
        {
            if (!call.OfferedToAgents) CountOfferedToAgents(call);
            CountAnswered(call, a.WaitSeconds);
            if (call.Day == _today) seat.CallsToday++;
        }

        call.Queue?.Remove(call);
        SetCurrentCall(seat, call);
    }

    private void OnEnded(CallEnded x, long t)
    {
        var seat = GetSeat(x.AgentId, t);
        if (_calls.TryGetValue(x.CallId, out var call) && call.Answered)
        {
            CountHandled(call, x.TalkSeconds);
            seat.LastDay = call.Day;
            seat.LastHalfHour = call.HalfHour;
            seat.LastMinute = call.Minute;
            seat.LastEndedTicks = t;
        }
        else
        {
            seat.ClearLastCall(); // outbound or unknown: the wrap-up after it belongs to no counted call
        }

        if (call is not null) Finish(call);
    }

    private void OnAbandoned(CallAbandoned a, long t)
    {
        if (!_calls.TryGetValue(a.CallId, out var call))
        {
            // Unknown call: we do not know which seat rings it, so look (rare path).
            foreach (var seat in _seats.Values)
            {
                if (seat.State == SeatState.Ringing && seat.CurrentCallId == a.CallId) SetState(seat, SeatState.Ready, null, t);
            }

            return;
        }

        if (!call.HasOutcome)
        {
            if (!call.OfferedToAgents) CountOfferedToAgents(call);
            CountAbandoned(call, a.WaitSeconds);
        }

        if (call.AgentId is not null) ReleaseRingingSeat(call.AgentId, call.CallId, t);
        Finish(call);
    }

    private void OnCallbackRequested(CallbackRequested r, long t)
    {
        if (!_calls.TryGetValue(r.CallId, out var call)) return;
        if (!call.HasOutcome)
        {
            if (!call.OfferedToAgents) CountOfferedToAgents(call);
            CountCallbackRequested(call);
        }

        if (call.AgentId is not null) ReleaseRingingSeat(call.AgentId, call.CallId, t);
        Finish(call);
    }

    private void OnLeftIvr(CallLeftIvr l)
    {
        if (_calls.TryGetValue(l.CallId, out var call)) call.IvrKeys = l.Keys;
    }

    private void OnSelfServed(CallSelfServed s)
    {
        if (!_calls.TryGetValue(s.CallId, out var call)) return;
        if (!call.HasOutcome) CountSelfServed(call);
        Finish(call);
    }

    private void OnDisconnected(CallDisconnected d, long t)
    {
        if (!_calls.TryGetValue(d.CallId, out var call)) return;
        if (call.AgentId is not null) ReleaseRingingSeat(call.AgentId, call.CallId, t);
        Finish(call);
    }

    private void OnOutbound(OutboundCallStarted o, long t)
    {
        var seat = GetSeat(o.AgentId, t);
        seat.CurrentCallId = o.CallId;
        seat.CurrentCaller = o.Number;
        seat.CurrentIvrKeys = null;
        seat.CurrentQueuedTicks = 0;
        seat.CurrentWaitSeconds = double.NaN;
    }

    private void OnSeatCall(string agentId, string callId, SeatState state, long t)
    {
        var seat = GetSeat(agentId, t);
        SetState(seat, state, null, t);
        if (_calls.TryGetValue(callId, out var call))
        {
            call.AgentId ??= agentId;
            SetCurrentCall(seat, call);
        }
        else if (seat.CurrentCallId != callId)
        {
            SetUnknownCurrentCall(seat, callId, double.NaN);
        }
    }

    private void OnLoggedIn(SeatLoggedIn i, long t)
    {
        var seat = GetSeat(i.AgentId, t);
        seat.Name = i.Name;
        seat.Extension = i.Extension;
        if (seat.State == SeatState.LoggedOut) SetState(seat, SeatState.NotReady, null, t); // a repeated login keeps the state
    }

    private void OnLink(string node, bool up)
    {
        if (_nodes.TryGetValue(node, out var wasUp))
        {
            if (wasUp == up) return;
            _nodesDown += up ? -1 : 1;
        }
        else if (!up)
        {
            _nodesDown++;
        }

        _nodes[node] = up;
    }

    private void SetState(LiveSeat seat, SeatState state, string? reason, long t)
    {
        if (seat.State == state && (state != SeatState.NotReady || string.Equals(seat.Reason, reason, StringComparison.Ordinal))) return;

        if (seat.State == SeatState.WrapUp) FinishWrapUp(seat, t);
        else if (state != SeatState.WrapUp) seat.ClearLastCall(); // moved on without wrap-up

        seat.State = state;
        seat.Reason = state == SeatState.NotReady ? reason : null;
        seat.EnteredTicks = t;
        if (state is SeatState.Ready or SeatState.NotReady or SeatState.LoggedOut) seat.ClearCurrentCall();
    }

    /// <summary>Adds the wrap-up that follows a call (from the later of entering WrapUp and the call's end) to that call's buckets.</summary>
    private static void FinishWrapUp(LiveSeat seat, long t)
    {
        if (seat.LastDay is null) return;
        var seconds = Seconds(t - Math.Max(seat.EnteredTicks, seat.LastEndedTicks));
        seat.LastDay.HandleSeconds += seconds;
        seat.LastHalfHour!.HandleSeconds += seconds;
        seat.LastMinute!.HandleSeconds += seconds;
        seat.ClearLastCall();
    }

    /// <summary>When a call moves on to another seat, the seat that was ringing it goes back to Ready.</summary>
    private void MoveCallToSeat(LiveCall call, string agentId, long t)
    {
        if (call.AgentId is not null && !string.Equals(call.AgentId, agentId, StringComparison.Ordinal))
        {
            ReleaseRingingSeat(call.AgentId, call.CallId, t);
        }

        call.AgentId = agentId;
    }

    private void ReleaseRingingSeat(string agentId, string callId, long t)
    {
        if (_seats.TryGetValue(agentId, out var seat) && seat.State == SeatState.Ringing
            && string.Equals(seat.CurrentCallId, callId, StringComparison.Ordinal))
        {
            SetState(seat, SeatState.Ready, null, t);
        }
    }

    private static void SetCurrentCall(LiveSeat seat, LiveCall call)
    {
        seat.CurrentCallId = call.CallId;
        seat.CurrentCaller = call.CallerNumber.Length == 0 ? null : call.CallerNumber;
        seat.CurrentIvrKeys = call.IvrKeys;
        seat.CurrentQueuedTicks = call.QueuedTicks;
        seat.CurrentWaitSeconds = call.Answered ? call.WaitSeconds : double.NaN;
    }

    private static void SetUnknownCurrentCall(LiveSeat seat, string callId, double waitSeconds)
    {
        seat.CurrentCallId = callId;
        seat.CurrentCaller = null;
        seat.CurrentIvrKeys = null;
        seat.CurrentQueuedTicks = 0;
        seat.CurrentWaitSeconds = waitSeconds;
    }

    private LiveSeat GetSeat(string agentId, long t)
    {
        ref var seat = ref CollectionsMarshal.GetValueRefOrAddDefault(_seats, agentId, out _);
        return seat ??= new LiveSeat(agentId) { EnteredTicks = t };
    }

    private LiveQueue GetQueue(string name)
    {
        ref var queue = ref CollectionsMarshal.GetValueRefOrAddDefault(_queues, name, out _);
        return queue ??= new LiveQueue(name);
    }

    private static void CountOffered(LiveCall c)
    {
        c.Day.Offered++;
        c.HalfHour.Offered++;
        c.Minute.Offered++;
    }

    private static void CountOfferedToAgents(LiveCall c)
    {
        c.OfferedToAgents = true;
        c.Day.OfferedToAgents++;
        c.HalfHour.OfferedToAgents++;
        c.Minute.OfferedToAgents++;
    }

    private void CountAnswered(LiveCall c, double waitSeconds)
    {
        c.HasOutcome = true;
        c.Answered = true;
        c.WaitSeconds = waitSeconds;
        var within = waitSeconds <= _serviceLevelSeconds;
        Add(c.Day);
        Add(c.HalfHour);
        Add(c.Minute);

        void Add(KpiCounters b)
        {
            b.Answered++;
            b.WaitSecondsOfAnswered += waitSeconds;
            if (within) b.AnsweredWithinServiceLevel++;
        }
    }

    private static void CountSelfServed(LiveCall c)
    {
        c.HasOutcome = true;
        c.Day.SelfServed++;
        c.HalfHour.SelfServed++;
        c.Minute.SelfServed++;
    }

    private static void CountCallbackRequested(LiveCall c)
    {
        c.HasOutcome = true;
        c.Day.CallbacksRequested++;
        c.HalfHour.CallbacksRequested++;
        c.Minute.CallbacksRequested++;
    }

    private void CountAbandoned(LiveCall c, double waitSeconds)
    {
        c.HasOutcome = true;
        var isShort = waitSeconds < _shortAbandonSeconds ? 1 : 0;
        c.Day.Abandoned++;
        c.HalfHour.Abandoned++;
        c.Minute.Abandoned++;
        c.Day.ShortAbandoned += isShort;
        c.HalfHour.ShortAbandoned += isShort;
        c.Minute.ShortAbandoned += isShort;
    }

    private static void CountHandled(LiveCall c, double seconds)
    {
        c.Day.Handled++;
        c.HalfHour.Handled++;
        c.Minute.Handled++;
        c.Day.HandleSeconds += seconds;
        c.HalfHour.HandleSeconds += seconds;
        c.Minute.HandleSeconds += seconds;
    }

    private LiveCall Rent() => _pool.Count > 0 ? _pool.Pop() : new LiveCall();

    private void Return(LiveCall call)
    {
        call.Reset();
        if (_pool.Count < MaxPooledCalls) _pool.Push(call);
    }

    /// <summary>The call is over: stop following it (seats keep copies of what they show).</summary>
    private void Finish(LiveCall call)
    {
        call.Queue?.Remove(call);
        _calls.Remove(call.CallId);
        Return(call);
    }

    private void RollTo(long utcTicks) => StartDay(LocalDate(utcTicks));

    private DateOnly LocalDate(long utcTicks) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(new DateTime(utcTicks, DateTimeKind.Utc), _zone));

    private void StartDay(DateOnly day)
    {
        _day = day;
        _dayStartTicks = UtcStartOf(day);
        _dayEndTicks = UtcStartOf(day.AddDays(1));
        _dayLocalMidnightTicks = day.ToDateTime(TimeOnly.MinValue).Ticks;
        var startOffset = _zone.GetUtcOffset(new DateTime(_dayStartTicks, DateTimeKind.Utc));
        var endOffset = _zone.GetUtcOffset(new DateTime(_dayEndTicks - 1, DateTimeKind.Utc));
        _dayHasFixedOffset = startOffset == endOffset; // no DST change today: skip the zone lookup per arrival
        _dayOffsetTicks = startOffset.Ticks;

        // Fresh objects: calls from the old day keep updating the old ones, which nobody reads any more.
        _today = new KpiCounters();
        for (var i = 0; i < HalfHoursPerDay; i++) _halfHours[i] = new KpiCounters();

        foreach (var seat in _seats.Values.ToList())
        {
            seat.CallsToday = 0;
            if (seat.State == SeatState.LoggedOut) _seats.Remove(seat.AgentId);
        }

        foreach (var queue in _queues.Values.ToList())
        {
            if (queue.Waiting == 0) _queues.Remove(queue.Name);
        }

        // Calls older than yesterday lost their end events; stop following them.
        var stale = _dayStartTicks - TimeSpan.TicksPerDay;
        foreach (var call in _calls.Values.Where(c => c.ArrivedTicks < stale).ToList()) Finish(call);
    }

    private long UtcStartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (_zone.IsInvalidTime(local)) local = local.AddMinutes(1); // midnight skipped by a DST change
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return local.Ticks - offset.Ticks;
    }

    private int HalfHourIndex(long utcTicks)
    {
        var offset = _dayHasFixedOffset ? _dayOffsetTicks : _zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
        var index = (utcTicks + offset - _dayLocalMidnightTicks) / TicksPerHalfHour;
        return (int)Math.Clamp(index, 0, HalfHoursPerDay - 1);
    }

    private KpiCounters MinuteBucket(long minute)
    {
        var slot = (int)(minute % RingMinutes);
        var stamp = _minuteStamps[slot];
        if (stamp == minute) return _minutes[slot];
        if (minute < stamp) return _discard; // an hour older than the newest minute: outside every window

        var bucket = new KpiCounters();
        _minutes[slot] = bucket;
        _minuteStamps[slot] = minute;
        return bucket;
    }

    private void ResetRing()
    {
        Array.Fill(_minuteStamps, long.MinValue);
        for (var i = 0; i < RingMinutes; i++) _minutes[i] = _discard;
    }

    private static double Seconds(long ticks) => ticks <= 0 ? 0 : (double)ticks / TimeSpan.TicksPerSecond;
}
