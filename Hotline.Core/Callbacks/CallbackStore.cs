using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Callbacks;

/// <summary>
/// The callback worklist (<c>callbacks</c>). Requests are added by the telephony ingest (through
/// <see cref="Calls.CallStore.SaveAsync(IReadOnlyList{Calls.CallRecord}, IReadOnlyList{Agents.SeatInterval}, IReadOnlyList{Calls.CallbackRequest}, CancellationToken)"/>,
/// in order with the call records); BackOffice staff call back, count attempts and close them.
/// </summary>
public sealed class CallbackStore(ConnectionFactory connections, TimeProvider time)
{
    private const string Select = """
        SELECT call_id AS CallId, caller_number AS CallerNumber, queue AS Queue, queued_at AS QueuedAt, requested_at AS RequestedAt,
               status AS Status, attempts AS Attempts, last_attempt_at AS LastAttemptAt, last_attempt_by AS LastAttemptBy,
               last_call_id AS LastCallId, closed_at AS ClosedAt, closed_by AS ClosedBy
        FROM callbacks
        """;

    /// <summary>Requests still to be called back, the longest waiting (earliest enqueue time) first.</summary>
    public Task<IReadOnlyList<CallbackItem>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(Select + " WHERE status = @status ORDER BY queued_at, call_id", new { status = nameof(CallbackStatus.Pending) }, cancellationToken);

    /// <summary>Requests closed since <paramref name="since"/>, the latest first.</summary>
    public Task<IReadOnlyList<CallbackItem>> ListClosedAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        QueryAsync(Select + " WHERE status <> @status AND closed_at >= @since ORDER BY closed_at DESC, call_id",
            new { status = nameof(CallbackStatus.Pending), since = DbTime.ToDb(since) }, cancellationToken);

    public async Task<CallbackItem?> FindAsync(string callId, CancellationToken cancellationToken = default) =>
        (await QueryAsync(Select + " WHERE call_id = @callId", new { callId }, cancellationToken)).SingleOrDefault();

    /// <summary>Counts a call-back attempt (an outbound call was started); false when the request is not pending.</summary>
    public async Task<bool> RecordAttemptAsync(string callId, string outboundCallId, string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE callbacks SET attempts = attempts + 1, last_attempt_at = @at, last_attempt_by = @userName, last_call_id = @outboundCallId
            WHERE call_id = @callId AND status = @pending
            """,
            new { callId, outboundCallId, userName, at = DbTime.ToDb(time.GetUtcNow()), pending = nameof(CallbackStatus.Pending) },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Closes a pending request as done or unreachable; false when it is not pending (someone else closed it).</summary>
    public async Task<bool> CloseAsync(string callId, CallbackStatus status, string userName, CancellationToken cancellationToken = default)
    {
        if (status == CallbackStatus.Pending) throw new ArgumentOutOfRangeException(nameof(status), status, "Close as Done or Unreachable.");
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE callbacks SET status = @status, closed_at = @at, closed_by = @userName WHERE call_id = @callId AND status = @pending",
            new { callId, userName, status = status.ToString(), at = DbTime.ToDb(time.GetUtcNow()), pending = nameof(CallbackStatus.Pending) },
            cancellationToken: cancellationToken)) == 1;
    }

    private async Task<IReadOnlyList<CallbackItem>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToItem()).ToList();
    }

    private sealed class Row
    {
        public string CallId { get; set; } = "";
        public string CallerNumber { get; set; } = "";
        public string? Queue { get; set; }
        public long QueuedAt { get; set; }
        public long RequestedAt { get; set; }
        public string Status { get; set; } = "";
        public int Attempts { get; set; }
        public long? LastAttemptAt { get; set; }
        public string? LastAttemptBy { get; set; }
        public string? LastCallId { get; set; }
        public long? ClosedAt { get; set; }
        public string? ClosedBy { get; set; }

        public CallbackItem ToItem() => new(CallId, CallerNumber, Queue, DbTime.FromDb(QueuedAt), DbTime.FromDb(RequestedAt),
            Enum.Parse<CallbackStatus>(Status), Attempts, DbTime.FromDb(LastAttemptAt), LastAttemptBy, LastCallId, DbTime.FromDb(ClosedAt), ClosedBy);
    }
}
