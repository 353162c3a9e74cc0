using Hotline.Telephony;

namespace Hotline.Core.Live;

/// <summary>One agent's seat as the projection knows it.</summary>
internal sealed class LiveSeat(string agentId)
{
    public string AgentId { get; } = agentId;
    public string Name = agentId;
    public string Extension = "";
    public SeatState State = SeatState.LoggedOut;
    public string? Reason;
    public long EnteredTicks;
    public int CallsToday;

    public string? CurrentCallId;
    public string? CurrentCaller;
    public string? CurrentIvrKeys;
    /// <summary>Queued time of the current call while it rings (0 when unknown).</summary>
    public long CurrentQueuedTicks;
    /// <summary>Wait of the current call once answered (NaN before).</summary>
    public double CurrentWaitSeconds = double.NaN;

    // Arrival buckets of the last call that ended here, so the wrap-up after it is added to that call's handle time.
    public KpiCounters? LastDay;
    public KpiCounters? LastHalfHour;
    public KpiCounters? LastMinute;
    public long LastEndedTicks;

    public void ClearCurrentCall()
    {
        CurrentCallId = null;
        CurrentCaller = null;
        CurrentIvrKeys = null;
        CurrentQueuedTicks = 0;
        CurrentWaitSeconds = double.NaN;
    }

    public void ClearLastCall()
    {
        LastDay = LastHalfHour = LastMinute = null;
        LastEndedTicks = 0;
    }
}
