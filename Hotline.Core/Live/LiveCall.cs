namespace Hotline.Core.Live;

/// <summary>An inbound call the projection follows until it finishes. Pooled and reused by <see cref="LiveState"/>.</summary>
internal sealed class LiveCall
{
    public string CallId = "";
    public string CallerNumber = "";
    public long ArrivedTicks;
    /// <summary>The keys pressed in the IVR (<see cref="Hotline.Telephony.CallLeftIvr.Keys"/>); null before it left the menu.</summary>
    public string? IvrKeys;

    // Buckets of the arrival day, half hour and minute; a shared discard bucket when not counted.
    public KpiCounters Day = null!;
    public KpiCounters HalfHour = null!;
    public KpiCounters Minute = null!;

    public bool OfferedToAgents;
    /// <summary>Answered, self-served or abandoned: later outcomes are ignored.</summary>
    public bool HasOutcome;
    public bool Answered;
    public double WaitSeconds;

    /// <summary>The seat ringing or talking with this call.</summary>
    public string? AgentId;

    // Membership of a queue's waiting list, ordered by queued time (intrusive, so removal is O(1)).
    public LiveQueue? Queue;
    public long QueuedTicks;
    public LiveCall? Previous;
    public LiveCall? Next;

    public void Reset()
    {
        CallId = "";
        CallerNumber = "";
        ArrivedTicks = 0;
        IvrKeys = null;
        Day = HalfHour = Minute = null!;
        OfferedToAgents = HasOutcome = Answered = false;
        WaitSeconds = 0;
        AgentId = null;
        Queue = null;
        QueuedTicks = 0;
        Previous = Next = null;
    }
}
