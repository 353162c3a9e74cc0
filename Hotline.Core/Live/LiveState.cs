using Hotline.Core.Calls;
using Hotline.Telephony;

namespace Hotline.Core.Live;

/// <summary>
/// Pure in-memory projection of the telephony event stream. Not thread-safe: one consumer applies events
/// and takes snapshots (the ingest service serialises access). STUB: to be implemented.
/// </summary>
public sealed class LiveState
{
    public LiveState(HotlineOptions options)
    {
        _ = options;
    }

    public long EventsApplied { get; private set; }

    public void Apply(TelephonyEvent e)
    {
        _ = e;
        EventsApplied++;
    }

    /// <summary>Seeds today's counters from stored call records (after a restart).</summary>
    public void Restore(IEnumerable<CallRecord> calls, DateTimeOffset now)
    {
        _ = calls;
        _ = now;
    }

    public LiveSnapshot Snapshot(DateTimeOffset now) => throw new NotImplementedException();
}
