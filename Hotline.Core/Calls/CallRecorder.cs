using Hotline.Core.Agents;
using Hotline.Telephony;

namespace Hotline.Core.Calls;

/// <summary>
/// Turns the event stream into call records (new or changed since the last drain) and closed seat
/// intervals. Single consumer, not thread-safe. STUB.
/// </summary>
public sealed class CallRecorder
{
    public void Apply(TelephonyEvent e)
    {
        _ = e;
    }

    /// <summary>Moves the records changed since the last drain, and the intervals closed since, into the lists.</summary>
    public void Drain(List<CallRecord> calls, List<SeatInterval> intervals)
    {
        _ = calls;
        _ = intervals;
    }
}
