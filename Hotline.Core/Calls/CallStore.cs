using System.Data;
using Dapper;
using Hotline.Core.Agents;
using Hotline.Core.Data;
using Hotline.Telephony;

namespace Hotline.Core.Calls;

/// <summary>
/// Stores call records and seat-state intervals (tables <c>calls</c> and <c>seat_intervals</c>).
/// Writes are batched (see <see cref="RowWriter{T}"/>) inside one transaction: the ingest calls it about
/// twice a second with up to a few thousand records.
/// </summary>
public sealed class CallStore
{
    private static readonly (string, DbType)[] CallColumns =
    [
        ("call_id", DbType.String), ("direction", DbType.String), ("caller_number", DbType.String), ("queue", DbType.String),
        ("arrived_at", DbType.Int64), ("queued_at", DbType.Int64), ("answered_at", DbType.Int64), ("ended_at", DbType.Int64),
        ("outcome", DbType.String), ("wait_seconds", DbType.Double), ("talk_seconds", DbType.Double),
        ("wrap_up_seconds", DbType.Double), ("agent_id", DbType.String), ("hung_up_by", DbType.String),
        ("ivr_node", DbType.String), ("abandon_position", DbType.Int32), ("ticket_number", DbType.String),
        ("ivr_keys", DbType.String),
    ];

    private static readonly (string, DbType)[] IntervalColumns =
    [
        ("agent_id", DbType.String), ("state", DbType.String), ("reason", DbType.String),
        ("started_at", DbType.Int64), ("ended_at", DbType.Int64),
    ];

    private const string SelectCalls = """
        SELECT call_id AS CallId, direction AS Direction, caller_number AS CallerNumber, queue AS Queue,
               arrived_at AS ArrivedAt, queued_at AS QueuedAt, answered_at AS AnsweredAt, ended_at AS EndedAt,
               outcome AS Outcome, wait_seconds AS WaitSeconds, talk_seconds AS TalkSeconds,
               wrap_up_seconds AS WrapUpSeconds, agent_id AS AgentId, hung_up_by AS HungUpBy, ivr_node AS IvrNode,
               abandon_position AS AbandonPosition, ticket_number AS TicketNumber, ivr_keys AS IvrKeys
        FROM calls
        """;

    private readonly ConnectionFactory _connections;
    private readonly RowWriter<CallRecord> _callWriter;
    private readonly RowWriter<SeatInterval> _intervalWriter;
    private readonly string _insertCallback;

    public CallStore(ConnectionFactory connections)
    {
        _connections = connections;
        _callWriter = new RowWriter<CallRecord>(connections.Dialect, "calls", CallColumns, keyColumns: 1, FillCall);
        _intervalWriter = new RowWriter<SeatInterval>(connections.Dialect, "seat_intervals", IntervalColumns, keyColumns: 0, FillInterval);
        _insertCallback = connections.Dialect.InsertIfAbsent("callbacks", ["call_id", "caller_number", "queue", "queued_at", "requested_at", "status", "attempts"], "call_id");
    }

    /// <summary>
    /// Inserts new records and updates known ones (by CallId), in one transaction. Records are applied
    /// in order, so when a batch holds the same call twice the later version wins.
    /// </summary>
    public Task UpsertCallsAsync(IReadOnlyList<CallRecord> calls, CancellationToken cancellationToken = default)
        => SaveAsync(calls, [], cancellationToken);

    /// <summary>Appends closed seat intervals, in one transaction.</summary>
    public Task InsertIntervalsAsync(IReadOnlyList<SeatInterval> intervals, CancellationToken cancellationToken = default)
        => SaveAsync([], intervals, cancellationToken);

    /// <summary>
    /// What one ingest cycle drained: the changed calls and the closed intervals, in one transaction
    /// (one commit, and either both are stored or neither).
    /// </summary>
    public Task SaveAsync(IReadOnlyList<CallRecord> calls, IReadOnlyList<SeatInterval> intervals, CancellationToken cancellationToken = default)
        => SaveAsync(calls, intervals, [], cancellationToken);

    /// <summary>As <see cref="SaveAsync(IReadOnlyList{CallRecord}, IReadOnlyList{SeatInterval}, CancellationToken)"/>, with the
    /// callback requests made meanwhile, added to the worklist (a request already there is left as it is).</summary>
    public async Task SaveAsync(IReadOnlyList<CallRecord> calls, IReadOnlyList<SeatInterval> intervals, IReadOnlyList<CallbackRequest> callbacks, CancellationToken cancellationToken = default)
    {
        if (calls.Count == 0 && intervals.Count == 0 && callbacks.Count == 0)
        {
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _callWriter.WriteAsync(connection, transaction, calls, cancellationToken);
        await _intervalWriter.WriteAsync(connection, transaction, intervals, cancellationToken);
        foreach (var c in callbacks)
        {
            // A few a minute at most: plain parameterized inserts.
            await connection.ExecuteAsync(new CommandDefinition(_insertCallback, new
            {
                call_id = c.CallId,
                caller_number = c.CallerNumber,
                queue = c.Queue,
                queued_at = DbTime.ToDb(c.QueuedAt),
                requested_at = DbTime.ToDb(c.RequestedAt),
                status = "Pending",
                attempts = 0,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Calls that arrived in [from, to), in arrival order.</summary>
    public async Task<IReadOnlyList<CallRecord>> LoadCallsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallRow>(new CommandDefinition(
            SelectCalls + " WHERE arrived_at >= @from AND arrived_at < @to ORDER BY arrived_at, call_id",
            new { from = DbTime.ToDb(from), to = DbTime.ToDb(to) },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>One call by id, or null.</summary>
    public async Task<CallRecord?> FindCallAsync(string callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CallRow>(new CommandDefinition(
            SelectCalls + " WHERE call_id = @callId", new { callId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>Seat intervals that overlap [from, to), by start.</summary>
    public async Task<IReadOnlyList<SeatInterval>> LoadIntervalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IntervalRow>(new CommandDefinition(
            """
            SELECT agent_id AS AgentId, state AS State, reason AS Reason, started_at AS StartedAt, ended_at AS EndedAt
            FROM seat_intervals
            WHERE started_at < @to AND ended_at > @from
            ORDER BY started_at, agent_id, id
            """,
            new { from = DbTime.ToDb(from), to = DbTime.ToDb(to) },
            cancellationToken: cancellationToken));
        return rows.Select(r => new SeatInterval(r.AgentId, Enum.Parse<SeatState>(r.State), r.Reason, DbTime.FromDb(r.StartedAt), DbTime.FromDb(r.EndedAt))).ToList();
    }

    /// <summary>
    /// Run once at start, before the ingest: calls still <see cref="CallOutcome.InProgress"/> that arrived
    /// before <paramref name="before"/> were cut off by the previous process (nothing will ever finish
    /// their records, because the new process does not know their call ids). They become
    /// <see cref="CallOutcome.Other"/> with <see cref="CallRecord.EndedAt"/> left null, which marks
    /// "ended, outcome unknown": they stay counted as offered inbound calls (they did reach the hotline)
    /// but as neither answered nor abandoned, and nothing reads them as still waiting. Calls already
    /// answered keep their outcome. Returns how many were closed.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE calls SET outcome = @other WHERE outcome = @inProgress AND arrived_at < @before",
            new { other = OutcomeName(CallOutcome.Other), inProgress = OutcomeName(CallOutcome.InProgress), before = DbTime.ToDb(before) },
            cancellationToken: cancellationToken));
    }

    private static void FillCall(CallRecord c, object?[] v)
    {
        v[0] = c.CallId;
        v[1] = c.Direction;
        v[2] = c.CallerNumber;
        v[3] = c.Queue;
        v[4] = DbTime.ToDb(c.ArrivedAt);
        v[5] = DbTime.ToDb(c.QueuedAt);
        v[6] = DbTime.ToDb(c.AnsweredAt);
        v[7] = DbTime.ToDb(c.EndedAt);
        v[8] = OutcomeName(c.Outcome);
        v[9] = c.WaitSeconds;
        v[10] = c.TalkSeconds;
        v[11] = c.WrapUpSeconds;
        v[12] = c.AgentId;
        v[13] = c.HungUpBy;
        v[14] = c.IvrNode;
        v[15] = c.AbandonPosition;
        v[16] = c.TicketNumber;
        v[17] = c.IvrKeys;
    }

    private static void FillInterval(SeatInterval i, object?[] v)
    {
        v[0] = i.AgentId;
        v[1] = StateName(i.State);
        v[2] = i.Reason;
        v[3] = DbTime.ToDb(i.StartedAt);
        v[4] = DbTime.ToDb(i.EndedAt);
    }

    // Stored as names, not numbers, so reordering the enums cannot change stored meaning.
    private static string OutcomeName(CallOutcome outcome) => outcome switch
    {
        CallOutcome.InProgress => "InProgress",
        CallOutcome.Answered => "Answered",
        CallOutcome.SelfServed => "SelfServed",
        CallOutcome.Abandoned => "Abandoned",
        CallOutcome.Other => "Other",
        CallOutcome.CallbackRequested => "CallbackRequested",
        _ => outcome.ToString(),
    };

    private static string StateName(SeatState state) => state switch
    {
        SeatState.LoggedOut => "LoggedOut",
        SeatState.Ready => "Ready",
        SeatState.NotReady => "NotReady",
        SeatState.Ringing => "Ringing",
        SeatState.OnCall => "OnCall",
        SeatState.WrapUp => "WrapUp",
        _ => state.ToString(),
    };

    private sealed class CallRow
    {
        public string CallId { get; set; } = "";
        public string Direction { get; set; } = "";
        public string CallerNumber { get; set; } = "";
        public string? Queue { get; set; }
        public long ArrivedAt { get; set; }
        public long? QueuedAt { get; set; }
        public long? AnsweredAt { get; set; }
        public long? EndedAt { get; set; }
        public string Outcome { get; set; } = "";
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
            Direction = Direction,
            CallerNumber = CallerNumber,
            Queue = Queue,
            ArrivedAt = DbTime.FromDb(ArrivedAt),
            QueuedAt = DbTime.FromDb(QueuedAt),
            AnsweredAt = DbTime.FromDb(AnsweredAt),
            EndedAt = DbTime.FromDb(EndedAt),
            Outcome = Enum.Parse<CallOutcome>(Outcome),
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

    private sealed class IntervalRow
    {
        public string AgentId { get; set; } = "";
        public string State { get; set; } = "";
        public string? Reason { get; set; }
        public long StartedAt { get; set; }
        public long EndedAt { get; set; }
    }
}
