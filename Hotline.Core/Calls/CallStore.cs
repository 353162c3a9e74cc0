using Hotline.Core.Agents;
using Hotline.Core.Data;

namespace Hotline.Core.Calls;

/// <summary>Stores call records and seat-state intervals. STUB.</summary>
public sealed class CallStore
{
    public CallStore(ConnectionFactory connections)
    {
        _ = connections;
    }

    /// <summary>Inserts new records and updates known ones (by CallId), in one transaction.</summary>
    public Task UpsertCallsAsync(IReadOnlyList<CallRecord> calls, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task InsertIntervalsAsync(IReadOnlyList<SeatInterval> intervals, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Calls that arrived in [from, to).</summary>
    public Task<IReadOnlyList<CallRecord>> LoadCallsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<CallRecord>>([]);

    /// <summary>Seat intervals that overlap [from, to).</summary>
    public Task<IReadOnlyList<SeatInterval>> LoadIntervalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<SeatInterval>>([]);
}
