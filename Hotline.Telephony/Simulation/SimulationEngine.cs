using System.Globalization;
using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Simulation;

/// <summary>
/// The pure discrete-event core of the simulated switch: no threads, no timers, no clock of its own.
/// Happenings wait in a priority queue keyed by (time, sequence number), so equal times are handled in the
/// order they were scheduled and a given seed always yields the same event sequence.
/// </summary>
/// <remarks>
/// Call flow: CallArrived → CallEnteredIvr → CallSelfServed, CallDisconnected or CallQueued → CallOffered + SeatRinging
/// at the longest-idle Ready seat → CallAnswered + SeatOnCall + RecordingStarted → RecordingStopped + CallEnded → SeatWrapUp → SeatReady (or NotReady/LoggedOut
/// when a break, a command or the end of the shift is due). Callers abandon by patience counted from joining the queue,
/// also while a seat rings (CallAbandoned with position 1; the seat returns to Ready).
/// Everything about a caller (arrival time, number, IVR path, patience, talk time) is drawn from its own random
/// stream, so commands and breaks never change which calls arrive.
/// With callbacks on (<c>callbackAfterSeconds</c> &gt; 0), a caller still waiting that long leaves a callback request
/// (CallbackRequested, keeping the enqueue time) with probability <see cref="SimulationOptions.CallbackShare"/>, drawn from
/// a stream of its own so the other draws stay as they were. Queue callers press keys through the IVR menu
/// (<see cref="UseIvrMenu"/>, by default <see cref="IvrMenu.Default"/>), drawn from a stream of their own too.
/// A seat that receives a command is under manual control (no automatic breaks or log-out) until it is logged out.
/// </remarks>
public sealed class SimulationEngine
{
    /// <summary>The one simulated queue, named after the hotline number.</summary>
    public const string QueueName = "12345";

    /// <summary>Every answered simulated call is "recorded" into this one shared demo file (node <see cref="SimulatedSwitch.NodeName"/>).</summary>
    public const string RecordingFile = "simulated-call.wav";

    private const string CalledNumber = "12345";
    private const double LogNormalSigma = 0.6;
    private const double AgentHangsUpShare = 0.35;

    private static readonly string[] SelfServiceNodes = ["政策咨询", "办件进度查询", "停水停电公告", "常见问题解答"];

    private readonly SimulationOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly double[] _ratePerSecond;
    private readonly Random _callers;
    private readonly Random _centre;
    private readonly Random _callbackChoices;
    private readonly Random _ivrChoices;
    private string[] _ivrQueuePaths = [];
    private bool _ivrTimeoutQueues;
    private readonly long _callbackAfterTicks;
    private readonly PriorityQueue<Happening, (long Ticks, long Sequence)> _agenda = new();
    private readonly Dictionary<string, Seat> _seats = new(StringComparer.Ordinal);
    private readonly LinkedList<Call> _waiting = new();
    private readonly LinkedList<Seat> _ready = new();
    private readonly long _ringTicks;
    private long _sequence;
    private long _now;
    private int _calls;
    private Action<TelephonyEvent>? _emit;

    /// <summary>Creates the engine at <paramref name="start"/>: shifts in progress log in when it first runs.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    /// <param name="callbackAfterSeconds">Callers who waited this long may leave a callback request; 0 = never.</param>
    public SimulationEngine(SimulationOptions options, DateTimeOffset start, int callbackAfterSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        _options = options;
        SimulationOptions.TryFindTimeZone(options.TimeZone, out _zone);
        _ratePerSecond = options.EffectiveDayCurve.Select(calls => calls * options.LoadFactor / 1800.0).ToArray();
        _callers = new Random(options.Seed);
        _centre = new Random(unchecked(options.Seed * 31 + 7));
        _callbackChoices = new Random(unchecked(options.Seed * 17 + 3));
        _ivrChoices = new Random(unchecked(options.Seed * 13 + 5));
        UseIvrMenu(IvrMenu.Default());
        _callbackAfterTicks = callbackAfterSeconds > 0 && options.CallbackShare > 0 ? Ticks(callbackAfterSeconds) : 0;
        _ringTicks = Ticks(options.RingSeconds);
        _now = start.UtcTicks;

        Roster = SimulationRoster.Build(options);
        var shifts = options.EffectiveShifts;
        int index = 0;
        foreach (var shift in shifts)
        {
            for (int i = 0; i < shift.Staff; i++, index++)
            {
                var agent = Roster[index];
                _seats.Add(agent.AgentId, new Seat(agent.AgentId, agent.Name, agent.Extension, shift));
            }
        }

        // Shifts that began yesterday may still be running (night shift); tomorrow's are planned at midnight.
        int today = LocalDate(_now).DayNumber;
        PlanDay(today - 1);
        PlanDay(today);
        Schedule(LocalMidnightTicks(today + 1), new Happening(Kind.PlanDay, Tag: today + 1));
        if (_ratePerSecond.Any(rate => rate > 0))
        {
            ScheduleNextArrival();
        }
    }

    /// <summary>The engine's clock: the time of the last happening processed, or the last <c>RunUntil</c> bound.</summary>
    public DateTimeOffset Now => At(_now);

    /// <summary>When the next scheduled happening is due; null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDueAt => _agenda.TryPeek(out _, out var key) ? At(key.Ticks) : null;

    /// <summary>The rostered agents (from the options' shifts), in roster order.</summary>
    public IReadOnlyList<SimulatedAgent> Roster { get; }

    /// <summary>Calls waiting in the queue (not yet ringing at a seat).</summary>
    public int WaitingCalls => _waiting.Count;

    /// <summary>Processes, in order, everything due up to and including <paramref name="until"/>, then sets the clock there.</summary>
    public void RunUntil(DateTimeOffset until, Action<TelephonyEvent> emit)
    {
        ArgumentNullException.ThrowIfNull(emit);
        long limit = until.UtcTicks;
        _emit = emit;
        try
        {
            while (_agenda.TryPeek(out _, out var key) && key.Ticks <= limit)
            {
                var happening = _agenda.Dequeue();
                _now = key.Ticks;
                Handle(happening);
            }

            _now = Math.Max(_now, limit);
        }
        finally
        {
            _emit = null;
        }
    }

    /// <summary>The seat's current state; <see cref="SeatState.LoggedOut"/> for an unknown agent.</summary>
    public SeatState GetSeatState(string agentId) =>
        _seats.TryGetValue(agentId, out var seat) ? seat.State : SeatState.LoggedOut;

    /// <summary>Logs the agent in at <paramref name="extension"/> (NotReady until set Ready). Unknown agents get a seat.</summary>
    /// <returns>False when the agent was already logged in.</returns>
    public bool LogIn(string agentId, string extension, Action<TelephonyEvent> emit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        if (!_seats.TryGetValue(agentId, out var seat))
        {
            seat = new Seat(agentId, agentId, extension, null);
            _seats.Add(agentId, seat);
        }

        seat.Manual = true;
        if (seat.State != SeatState.LoggedOut)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(extension))
        {
            seat.Extension = extension;
        }

        return Command(emit, () => LogInNow(seat));
    }

    /// <summary>Logs the agent out now, or after the current call when busy; the roster takes over again afterwards.</summary>
    public bool LogOut(string agentId, Action<TelephonyEvent> emit)
    {
        if (!TryGetLoggedIn(agentId, out var seat))
        {
            return false;
        }

        seat.Manual = true;
        return Command(emit, () =>
        {
            if (seat.State is SeatState.Ringing or SeatState.OnCall)
            {
                seat.PendingLogOut = true;
            }
            else
            {
                LogOutNow(seat);
            }
        });
    }

    /// <summary>Sets the seat Ready (ends wrap-up or a break early); when busy, cancels a NotReady asked for during the call.</summary>
    public bool SetReady(string agentId, Action<TelephonyEvent> emit)
    {
        if (!TryGetLoggedIn(agentId, out var seat))
        {
            return false;
        }

        seat.Manual = true;
        return Command(emit, () =>
        {
            seat.PendingNotReady = null;
            seat.PendingBreakSeconds = 0;
            if (seat.State is SeatState.NotReady or SeatState.WrapUp)
            {
                BecomeReady(seat);
            }
        });
    }

    /// <summary>Sets the seat NotReady with a reason; a seat on a call finishes it first and then gets no further calls.</summary>
    public bool SetNotReady(string agentId, string reason, Action<TelephonyEvent> emit)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!TryGetLoggedIn(agentId, out var seat))
        {
            return false;
        }

        seat.Manual = true;
        return Command(emit, () =>
        {
            if (seat.State is SeatState.Ringing or SeatState.OnCall)
            {
                seat.PendingNotReady = reason;
                seat.PendingBreakSeconds = 0;
            }
            else if (seat.State != SeatState.NotReady || seat.Reason != reason)
            {
                BecomeNotReady(seat, reason);
            }
        });
    }

    /// <summary>
    /// Starts an outbound call for a seat that is Ready, NotReady or in wrap-up: the seat goes OnCall for a simulated
    /// talk time, then wraps up and returns to Ready (or to its earlier NotReady reason).
    /// </summary>
    /// <returns>The new call's id, or null when the agent is logged out or busy.</returns>
    public string? Originate(string agentId, string number, string? ticketNumber, Action<TelephonyEvent> emit)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (!TryGetLoggedIn(agentId, out var seat) || seat.State is SeatState.Ringing or SeatState.OnCall)
        {
            return null;
        }

        seat.Manual = true;
        var call = new Call(NewCallId('O'))
        {
            TalkSeconds = TalkTime(_centre),
            State = CallState.Talking,
            Seat = seat,
            AnsweredAt = _now,
        };
        Command(emit, () =>
        {
            seat.PendingNotReady = seat.State == SeatState.NotReady ? seat.Reason : null;
            seat.PendingBreakSeconds = 0;
            LeaveReady(seat);
            seat.Call = call;
            SetState(seat, SeatState.OnCall, "");
            Emit(new OutboundCallStarted(Now, call.Id, seat.AgentId, number, ticketNumber));
            Emit(new SeatOnCall(Now, seat.AgentId, call.Id));
            Schedule(_now + Ticks(call.TalkSeconds), new Happening(Kind.TalkDone, call));
        });
        return call.Id;
    }

    /// <summary>
    /// An outbound call from a desk that is not logged in to the queue (a back-office callback): no seat state changes;
    /// the call ends after a simulated talk time.
    /// </summary>
    public string OriginateFromDesk(string agentId, string number, string? ticketNumber, Action<TelephonyEvent> emit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentNullException.ThrowIfNull(number);
        var call = new Call(NewCallId('O')) { TalkSeconds = TalkTime(_centre), State = CallState.Talking, AnsweredAt = _now, DeskAgentId = agentId };
        Command(emit, () =>
        {
            Emit(new OutboundCallStarted(Now, call.Id, agentId, number, ticketNumber));
            Schedule(_now + Ticks(call.TalkSeconds), new Happening(Kind.TalkDone, call));
        });
        return call.Id;
    }

    private bool Command(Action<TelephonyEvent> emit, Action apply)
    {
        ArgumentNullException.ThrowIfNull(emit);
        _emit = emit;
        try
        {
            apply();
        }
        finally
        {
            _emit = null;
        }

        return true;
    }

    private bool TryGetLoggedIn(string agentId, out Seat seat) =>
        _seats.TryGetValue(agentId, out seat!) && seat.State != SeatState.LoggedOut;

    private void Handle(Happening happening)
    {
        switch (happening.Kind)
        {
            case Kind.Arrival:
                Arrive();
                break;
            case Kind.IvrDone:
                LeaveIvr(happening.Call!);
                break;
            case Kind.Abandon:
                Abandon(happening.Call!);
                break;
            case Kind.CallbackOffer:
                OfferCallback(happening.Call!);
                break;
            case Kind.RingDone:
                if (happening.Call!.State == CallState.Ringing)
                {
                    Answer(happening.Call);
                }

                break;
            case Kind.TalkDone:
                EndTalk(happening.Call!);
                break;
            case Kind.WrapUpDone:
                if (happening.Seat!.State == SeatState.WrapUp && happening.Seat.Stamp == happening.Tag)
                {
                    BecomeAvailable(happening.Seat);
                }

                break;
            case Kind.PlanDay:
                PlanDay((int)happening.Tag);
                Schedule(LocalMidnightTicks((int)happening.Tag + 1), new Happening(Kind.PlanDay, Tag: happening.Tag + 1));
                break;
            case Kind.ShiftStart:
                StartShift(happening.Seat!, happening.Tag);
                break;
            case Kind.ShiftEnd:
                EndShift(happening.Seat!, happening.Tag);
                break;
            case Kind.BreakStart:
                StartBreak(happening.Seat!, happening.Tag, happening.Reason!, happening.Seconds);
                break;
            case Kind.BreakEnd:
                var seat = happening.Seat!;
                if (!seat.Manual && seat.State == SeatState.NotReady && seat.Stamp == happening.Tag)
                {
                    BecomeReady(seat);
                }

                break;
        }
    }

    private void Arrive()
    {
        // Draw everything about the caller now, in a fixed order, from the callers' stream.
        var random = _callers;
        var call = new Call(NewCallId('C'));
        string caller = CallerNumber(random);
        call.CallerNumber = caller;
        double path = random.NextDouble();
        call.Outcome = path < _options.SelfServiceShare ? IvrOutcome.SelfService
            : path < _options.SelfServiceShare + _options.IvrDisconnectShare ? IvrOutcome.Disconnect
            : IvrOutcome.Queue;
        double ivrSeconds = _options.IvrSeconds * (0.5 + random.NextDouble());
        call.IvrNode = SelfServiceNodes[random.Next(SelfServiceNodes.Length)];
        double patience = _options.MeanPatienceSeconds is double mean && mean > 0 ? Exponential(random, mean) : double.PositiveInfinity;
        call.PatienceTicks = double.IsPositiveInfinity(patience) ? long.MaxValue : Ticks(patience);
        call.TalkSeconds = TalkTime(random);

        Emit(new CallArrived(Now, call.Id, caller, CalledNumber));
        Emit(new CallEnteredIvr(Now, call.Id));
        if (_options.IvrSeconds > 0)
        {
            Schedule(_now + Ticks(ivrSeconds), new Happening(Kind.IvrDone, call));
        }
        else
        {
            LeaveIvr(call);
        }

        ScheduleNextArrival();
    }

    private void LeaveIvr(Call call)
    {
        switch (call.Outcome)
        {
            case IvrOutcome.SelfService:
                call.State = CallState.Done;
                Emit(new CallSelfServed(Now, call.Id, call.IvrNode));
                return;
            case IvrOutcome.Disconnect:
                call.State = CallState.Done;
                Emit(new CallDisconnected(Now, call.Id));
                return;
        }

        Emit(new CallLeftIvr(Now, call.Id, NextIvrKeys()));
        call.State = CallState.Waiting;
        call.QueuedAt = _now;
        call.Node = _waiting.AddLast(call);
        Emit(new CallQueued(Now, call.Id, QueueName, _waiting.Count));
        if (call.PatienceTicks != long.MaxValue)
        {
            Schedule(_now + call.PatienceTicks, new Happening(Kind.Abandon, call));
        }

        if (_callbackAfterTicks > 0 && _callbackAfterTicks < call.PatienceTicks)
        {
            Schedule(_now + _callbackAfterTicks, new Happening(Kind.CallbackOffer, call));
        }

        Route();
    }

    /// <summary>The menu queue callers go through from now on: they press the keys of one of its ways to the queue
    /// (an option, or an option of a submenu), or, when a timeout queues, none.</summary>
    public void UseIvrMenu(IvrMenu menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        _ivrQueuePaths = menu.Options
            .SelectMany(o => o.Action == IvrAction.Submenu
                ? o.Options.Where(s => s.Action == IvrAction.Queue).Select(s => o.Digit + s.Digit)
                : o.Action == IvrAction.Queue ? [o.Digit] : [])
            .ToArray();
        _ivrTimeoutQueues = menu.OnTimeout == IvrFallback.Queue;
    }

    private string NextIvrKeys()
    {
        const double NoKeyShare = 0.15;
        if (_ivrQueuePaths.Length == 0 || (_ivrTimeoutQueues && _ivrChoices.NextDouble() < NoKeyShare)) return "-";
        return _ivrQueuePaths[_ivrChoices.Next(_ivrQueuePaths.Length)];
    }

    /// <summary>Offers waiting calls, oldest first, to Ready seats, longest idle first.</summary>
    private void Route()
    {
        while (_waiting.First is { } callNode && _ready.First is { } seatNode)
        {
            var call = callNode.Value;
            var seat = seatNode.Value;
            _waiting.RemoveFirst();
            call.Node = null;
            LeaveReady(seat);
            call.State = CallState.Ringing;
            call.Seat = seat;
            seat.Call = call;
            SetState(seat, SeatState.Ringing, "");
            Emit(new CallOffered(Now, call.Id, seat.AgentId));
            Emit(new SeatRinging(Now, seat.AgentId, call.Id));
            if (_ringTicks == 0)
            {
                Answer(call);
            }
            else
            {
                Schedule(_now + _ringTicks, new Happening(Kind.RingDone, call));
            }
        }
    }

    private void Answer(Call call)
    {
        var seat = call.Seat!;
        call.State = CallState.Talking;
        call.AnsweredAt = _now;
        SetState(seat, SeatState.OnCall, "");
        Emit(new CallAnswered(Now, call.Id, seat.AgentId, QueueName, Seconds(_now - call.QueuedAt)));
        Emit(new SeatOnCall(Now, seat.AgentId, call.Id));
        call.Recorded = true;
        Emit(new RecordingStarted(Now, call.Id, SimulatedSwitch.NodeName, RecordingFile));
        Schedule(_now + Ticks(call.TalkSeconds), new Happening(Kind.TalkDone, call));
    }

    private void Abandon(Call call)
    {
        int position;
        Seat? ringingSeat = null;
        if (call.State == CallState.Waiting)
        {
            position = 1;
            for (var node = _waiting.First; node != call.Node; node = node!.Next)
            {
                position++;
            }

            _waiting.Remove(call.Node!);
            call.Node = null;
        }
        else if (call.State == CallState.Ringing)
        {
            position = 1;
            ringingSeat = call.Seat!;
            ringingSeat.Call = null;
        }
        else
        {
            return;
        }

        call.State = CallState.Done;
        Emit(new CallAbandoned(Now, call.Id, QueueName, Seconds(_now - call.QueuedAt), position));
        if (ringingSeat is not null)
        {
            BecomeAvailable(ringingSeat);
        }
    }

    /// <summary>The caller has waited past the threshold and hears the offer: some leave a callback request.</summary>
    private void OfferCallback(Call call)
    {
        if (call.State != CallState.Waiting || _callbackChoices.NextDouble() >= _options.CallbackShare)
        {
            return;
        }

        _waiting.Remove(call.Node!);
        call.Node = null;
        call.State = CallState.Done;
        Emit(new CallbackRequested(Now, call.Id, QueueName, call.CallerNumber, At(call.QueuedAt), Seconds(_now - call.QueuedAt)));
    }

    private void EndTalk(Call call)
    {
        if (call.DeskAgentId is { } desk)
        {
            call.State = CallState.Done;
            Emit(new CallEnded(Now, call.Id, desk, Seconds(_now - call.AnsweredAt), HangupParty.Agent));
            return;
        }

        var seat = call.Seat!;
        call.State = CallState.Done;
        seat.Call = null;
        var party = _centre.NextDouble() < AgentHangsUpShare ? HangupParty.Agent : HangupParty.Caller;
        if (call.Recorded) Emit(new RecordingStopped(Now, call.Id, RecordingFile));
        Emit(new CallEnded(Now, call.Id, seat.AgentId, Seconds(_now - call.AnsweredAt), party));
        double wrapUp = _options.MeanWrapUpSeconds > 0 ? Exponential(_centre, _options.MeanWrapUpSeconds) : 0;
        if (wrapUp > 0)
        {
            SetState(seat, SeatState.WrapUp, "");
            Emit(new SeatWrapUp(Now, seat.AgentId));
            Schedule(_now + Ticks(wrapUp), new Happening(Kind.WrapUpDone, Seat: seat, Tag: seat.Stamp));
        }
        else
        {
            BecomeAvailable(seat);
        }
    }

    /// <summary>A seat has finished with a call: it logs out, takes a due break or NotReady, or becomes Ready.</summary>
    private void BecomeAvailable(Seat seat)
    {
        if (seat.PendingLogOut)
        {
            LogOutNow(seat);
            return;
        }

        if (seat.PendingNotReady is { } reason)
        {
            double breakSeconds = seat.PendingBreakSeconds;
            BecomeNotReady(seat, reason);
            if (breakSeconds > 0 && !seat.Manual)
            {
                Schedule(_now + Ticks(breakSeconds), new Happening(Kind.BreakEnd, Seat: seat, Tag: seat.Stamp));
            }

            return;
        }

        BecomeReady(seat);
    }

    private void PlanDay(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        foreach (var seat in _seats.Values)
        {
            if (seat.Shift is not { } shift)
            {
                continue;
            }

            long start = LocalToUtcTicks(date.ToDateTime(TimeOnly.FromTimeSpan(shift.Start)));
            long end = start + TimeSpan.FromHours(shift.Hours).Ticks;
            if (end > _now)
            {
                Schedule(Math.Max(start, _now), new Happening(Kind.ShiftStart, Seat: seat, Tag: end));
            }
        }
    }

    private void StartShift(Seat seat, long end)
    {
        if (seat.Manual)
        {
            return;
        }

        // A new shift cancels a log-out still waiting for the previous shift's last call.
        seat.ShiftEnd = end;
        seat.PendingLogOut = false;
        Schedule(end, new Happening(Kind.ShiftEnd, Seat: seat, Tag: end));
        if (_options.TakeBreaks)
        {
            PlanBreaks(seat, end - TimeSpan.FromHours(seat.Shift!.Hours).Ticks, end);
        }

        if (seat.State == SeatState.LoggedOut)
        {
            LogInNow(seat);
            BecomeReady(seat);
        }
    }

    /// <summary>A short break early on, a meal mid-shift and a late short break (sometimes training), staggered at random.</summary>
    private void PlanBreaks(Seat seat, long start, long end)
    {
        double hours = TimeSpan.FromTicks(end - start).TotalHours;
        void Plan(double share, double spread, string reason, double minutes)
        {
            double at = hours * (share + spread * (2 * _centre.NextDouble() - 1));
            long when = start + TimeSpan.FromHours(at).Ticks;
            if (when > _now && when < end)
            {
                Schedule(when, new Happening(Kind.BreakStart, Seat: seat, Tag: end, Reason: reason, Seconds: minutes * 60));
            }
        }

        if (hours >= 4)
        {
            Plan(0.25, 0.1, "小休", 10 + 5 * _centre.NextDouble());
        }

        if (hours >= 6)
        {
            Plan(0.5, 0.1, "用餐", 30);
        }

        if (hours >= 8)
        {
            bool training = _centre.NextDouble() < 0.08;
            Plan(0.78, 0.08, training ? "培训" : "小休", training ? 45 : 10 + 5 * _centre.NextDouble());
        }
    }

    private void StartBreak(Seat seat, long shiftEnd, string reason, double seconds)
    {
        if (seat.Manual || seat.ShiftEnd != shiftEnd || seat.PendingLogOut)
        {
            return;
        }

        switch (seat.State)
        {
            case SeatState.Ready:
                BecomeNotReady(seat, reason);
                Schedule(_now + Ticks(seconds), new Happening(Kind.BreakEnd, Seat: seat, Tag: seat.Stamp));
                break;
            case SeatState.Ringing or SeatState.OnCall or SeatState.WrapUp:
                seat.PendingNotReady = reason;
                seat.PendingBreakSeconds = seconds;
                break;
        }
    }

    private void EndShift(Seat seat, long end)
    {
        if (seat.Manual || seat.ShiftEnd != end || seat.State == SeatState.LoggedOut)
        {
            return;
        }

        if (seat.State is SeatState.Ready or SeatState.NotReady)
        {
            LogOutNow(seat);
        }
        else
        {
            seat.PendingLogOut = true;
        }
    }

    private void LogInNow(Seat seat)
    {
        SetState(seat, SeatState.NotReady, "");
        Emit(new SeatLoggedIn(Now, seat.AgentId, seat.Name, seat.Extension));
    }

    private void LogOutNow(Seat seat)
    {
        LeaveReady(seat);
        seat.PendingLogOut = false;
        seat.PendingNotReady = null;
        seat.PendingBreakSeconds = 0;
        seat.Manual = false;
        SetState(seat, SeatState.LoggedOut, "");
        Emit(new SeatLoggedOut(Now, seat.AgentId));
    }

    private void BecomeReady(Seat seat)
    {
        seat.PendingNotReady = null;
        seat.PendingBreakSeconds = 0;
        SetState(seat, SeatState.Ready, "");
        seat.ReadyNode = _ready.AddLast(seat);
        Emit(new SeatReady(Now, seat.AgentId));
        Route();
    }

    private void BecomeNotReady(Seat seat, string reason)
    {
        LeaveReady(seat);
        seat.PendingNotReady = null;
        seat.PendingBreakSeconds = 0;
        SetState(seat, SeatState.NotReady, reason);
        Emit(new SeatNotReady(Now, seat.AgentId, reason));
    }

    private void LeaveReady(Seat seat)
    {
        if (seat.ReadyNode is { } node)
        {
            _ready.Remove(node);
            seat.ReadyNode = null;
        }
    }

    private static void SetState(Seat seat, SeatState state, string reason)
    {
        seat.State = state;
        seat.Reason = reason;
        seat.Stamp++;
    }

    /// <summary>Next arrival of a Poisson process whose rate is constant within each local half hour.</summary>
    private void ScheduleNextArrival()
    {
        long t = _now;
        while (true)
        {
            var local = TimeZoneInfo.ConvertTime(At(t), _zone);
            int slot = local.Hour * 2 + local.Minute / 30;
            var slotEndLocal = local.Date.AddMinutes((slot + 1) * 30);
            long slotEnd = t + (slotEndLocal - local.DateTime).Ticks;
            double rate = _ratePerSecond[slot];
            if (rate > 0)
            {
                // Memorylessness: a gap that overshoots the half hour is redrawn from its end at the next rate.
                long candidate = t + Ticks(Exponential(_callers, 1 / rate));
                if (candidate < slotEnd)
                {
                    Schedule(candidate, new Happening(Kind.Arrival));
                    return;
                }
            }

            t = slotEnd;
        }
    }

    private void Schedule(long ticks, Happening happening) => _agenda.Enqueue(happening, (ticks, _sequence++));

    private void Emit(TelephonyEvent e) => _emit!(e);

    private string NewCallId(char prefix)
    {
        _calls++;
        var local = TimeZoneInfo.ConvertTime(Now, _zone);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{local:yyyyMMdd-HHmmss}-{_calls:D6}");
    }

    private double TalkTime(Random random)
    {
        double mean = _options.MeanHandleSeconds;
        if (_options.HandleDistribution == HandleTimeDistribution.Exponential)
        {
            return Exponential(random, mean);
        }

        // Box–Muller normal; mu chosen so that the lognormal's mean is the configured mean.
        double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double mu = Math.Log(mean) - LogNormalSigma * LogNormalSigma / 2;
        return Math.Exp(mu + LogNormalSigma * z);
    }

    private static string CallerNumber(Random random)
    {
        if (random.NextDouble() < 0.85)
        {
            string[] prefixes = ["13", "15", "17", "18", "19"];
            return prefixes[random.Next(prefixes.Length)] + random.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        }

        return random.Next(20_000_000, 90_000_000).ToString(CultureInfo.InvariantCulture);
    }

    private DateOnly LocalDate(long utcTicks) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(At(utcTicks), _zone).DateTime);

    private long LocalMidnightTicks(int dayNumber) => LocalToUtcTicks(DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue));

    private long LocalToUtcTicks(DateTime local) => new DateTimeOffset(local, _zone.GetUtcOffset(local)).UtcTicks;

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static long Ticks(double seconds) => (long)Math.Round(seconds * TimeSpan.TicksPerSecond);

    private static double Seconds(long ticks) => (double)ticks / TimeSpan.TicksPerSecond;

    private static DateTimeOffset At(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private enum Kind
    {
        Arrival,
        IvrDone,
        Abandon,
        CallbackOffer,
        RingDone,
        TalkDone,
        WrapUpDone,
        PlanDay,
        ShiftStart,
        ShiftEnd,
        BreakStart,
        BreakEnd,
    }

    private enum CallState
    {
        InIvr,
        Waiting,
        Ringing,
        Talking,
        Done,
    }

    private enum IvrOutcome
    {
        Queue,
        SelfService,
        Disconnect,
    }

    /// <summary>A scheduled happening. <see cref="Tag"/> carries a day number, a shift end or a seat stamp, by kind.</summary>
    private readonly record struct Happening(Kind Kind, Call? Call = null, Seat? Seat = null, long Tag = 0, string? Reason = null, double Seconds = 0);

    private sealed class Call(string id)
    {
        public string Id { get; } = id;

        public CallState State { get; set; }

        public IvrOutcome Outcome { get; set; }

        public string IvrNode { get; set; } = "";

        public string CallerNumber { get; set; } = "";

        /// <summary>Set for an outbound call from a desk outside the queue (no seat).</summary>
        public string? DeskAgentId { get; set; }

        public long PatienceTicks { get; set; } = long.MaxValue;

        public double TalkSeconds { get; set; }

        public long QueuedAt { get; set; }

        public long AnsweredAt { get; set; }

        public LinkedListNode<Call>? Node { get; set; }

        public Seat? Seat { get; set; }

        /// <summary>Queue calls are recorded from the answer (outbound calls are not).</summary>
        public bool Recorded { get; set; }
    }

    private sealed class Seat(string agentId, string name, string extension, SimulationShift? shift)
    {
        public string AgentId { get; } = agentId;

        public string Name { get; } = name;

        public string Extension { get; set; } = extension;

        public SimulationShift? Shift { get; } = shift;

        public SeatState State { get; set; } = SeatState.LoggedOut;

        public string Reason { get; set; } = "";

        /// <summary>Changes with every state change, so timers set for an older state can tell they are stale.</summary>
        public long Stamp { get; set; }

        public LinkedListNode<Seat>? ReadyNode { get; set; }

        public Call? Call { get; set; }

        /// <summary>Under command control: no automatic breaks or log-out until logged out.</summary>
        public bool Manual { get; set; }

        public bool PendingLogOut { get; set; }

        public string? PendingNotReady { get; set; }

        public double PendingBreakSeconds { get; set; }

        public long ShiftEnd { get; set; }
    }
}
