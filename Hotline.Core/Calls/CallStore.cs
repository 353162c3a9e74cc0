using System.Data;
using System.Data.Common;
using Dapper;
using Hotline.Core.Agents;
using Hotline.Core.Data;
using Hotline.Telephony;

namespace Hotline.Core.Calls;

/// <summary>
/// Stores call records and seat-state intervals (tables <c>calls</c> and <c>seat_intervals</c>).
/// Writes are batched into multi-row statements inside one transaction: the ingest calls it about
/// twice a second with up to a few thousand records.
/// </summary>
public sealed class CallStore
{
    private static readonly string[] CallColumns =
    [
        "call_id", "direction", "caller_number", "queue", "arrived_at", "queued_at", "answered_at", "ended_at",
        "outcome", "wait_seconds", "talk_seconds", "wrap_up_seconds", "agent_id", "hung_up_by", "ivr_node",
        "abandon_position", "ticket_number",
    ];

    private static readonly string[] IntervalColumns = ["agent_id", "state", "reason", "started_at", "ended_at"];

    private const string SelectCalls = """
        SELECT call_id AS CallId, direction AS Direction, caller_number AS CallerNumber, queue AS Queue,
               arrived_at AS ArrivedAt, queued_at AS QueuedAt, answered_at AS AnsweredAt, ended_at AS EndedAt,
               outcome AS Outcome, wait_seconds AS WaitSeconds, talk_seconds AS TalkSeconds,
               wrap_up_seconds AS WrapUpSeconds, agent_id AS AgentId, hung_up_by AS HungUpBy, ivr_node AS IvrNode,
               abandon_position AS AbandonPosition, ticket_number AS TicketNumber
        FROM calls
        """;

    private readonly ConnectionFactory _connections;
    private readonly SqlDialect _dialect;
    private readonly int _callsPerStatement;
    private readonly int _intervalsPerStatement;
    private readonly string _fullCallUpsert;
    private readonly string _fullIntervalInsert;

    public CallStore(ConnectionFactory connections)
    {
        _connections = connections;
        _dialect = connections.Dialect;
        _callsPerStatement = _dialect.RowsPerStatement(CallColumns.Length);
        _intervalsPerStatement = _dialect.RowsPerStatement(IntervalColumns.Length);
        _fullCallUpsert = _dialect.Upsert("calls", CallColumns, keyColumns: 1, _callsPerStatement);
        _fullIntervalInsert = _dialect.InsertRows("seat_intervals", IntervalColumns, _intervalsPerStatement);
    }

    /// <summary>Inserts new records and updates known ones (by CallId), in one transaction.</summary>
    public async Task UpsertCallsAsync(IReadOnlyList<CallRecord> calls, CancellationToken cancellationToken = default)
    {
        if (calls.Count == 0)
        {
            return;
        }

        // One statement may not touch a row twice (ON CONFLICT and MERGE both refuse): keep the last version.
        var rows = WithoutEarlierVersions(calls);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var start = 0; start < rows.Count; start += _callsPerStatement)
        {
            var count = Math.Min(_callsPerStatement, rows.Count - start);
            var parameters = new DynamicParameters();
            for (var row = 0; row < count; row++)
            {
                AddCall(parameters, row, rows[start + row]);
            }

            var sql = count == _callsPerStatement ? _fullCallUpsert : _dialect.Upsert("calls", CallColumns, 1, count);
            await Execute(connection, transaction, sql, parameters, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Appends closed seat intervals, in one transaction.</summary>
    public async Task InsertIntervalsAsync(IReadOnlyList<SeatInterval> intervals, CancellationToken cancellationToken = default)
    {
        if (intervals.Count == 0)
        {
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var start = 0; start < intervals.Count; start += _intervalsPerStatement)
        {
            var count = Math.Min(_intervalsPerStatement, intervals.Count - start);
            var parameters = new DynamicParameters();
            for (var row = 0; row < count; row++)
            {
                var interval = intervals[start + row];
                parameters.Add(SqlDialect.ParameterName(row, 0), interval.AgentId, DbType.String);
                parameters.Add(SqlDialect.ParameterName(row, 1), StateName(interval.State), DbType.String);
                parameters.Add(SqlDialect.ParameterName(row, 2), interval.Reason, DbType.String);
                parameters.Add(SqlDialect.ParameterName(row, 3), DbTime.ToDb(interval.StartedAt), DbType.Int64);
                parameters.Add(SqlDialect.ParameterName(row, 4), DbTime.ToDb(interval.EndedAt), DbType.Int64);
            }

            var sql = count == _intervalsPerStatement ? _fullIntervalInsert : _dialect.InsertRows("seat_intervals", IntervalColumns, count);
            await Execute(connection, transaction, sql, parameters, cancellationToken);
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

    private static void AddCall(DynamicParameters p, int row, CallRecord c)
    {
        p.Add(SqlDialect.ParameterName(row, 0), c.CallId, DbType.String);
        p.Add(SqlDialect.ParameterName(row, 1), c.Direction, DbType.String);
        p.Add(SqlDialect.ParameterName(row, 2), c.CallerNumber, DbType.String);
        p.Add(SqlDialect.ParameterName(row, 3), c.Queue, DbType.String);
        p.Add(SqlDialect.ParameterName(row, 4), DbTime.ToDb(c.ArrivedAt), DbType.Int64);
        p.Add(SqlDialect.ParameterName(row, 5), DbTime.ToDb(c.QueuedAt), DbType.Int64);
        p.Add(SqlDialect.ParameterName(row, 6), DbTime.ToDb(c.AnsweredAt), DbType.Int64);
        p.Add(SqlDialect.ParameterName(row, 7), DbTime.ToDb(c.EndedAt), DbType.Int64);
        p.Add(SqlDialect.ParameterName(row, 8), OutcomeName(c.Outcome), DbType.String);
        p.Add(SqlDialect.ParameterName(row, 9), c.WaitSeconds, DbType.Double);
        p.Add(SqlDialect.ParameterName(row, 10), c.TalkSeconds, DbType.Double);
        p.Add(SqlDialect.ParameterName(row, 11), c.WrapUpSeconds, DbType.Double);
        p.Add(SqlDialect.ParameterName(row, 12), c.AgentId, DbType.String);
        p.Add(SqlDialect.ParameterName(row, 13), c.HungUpBy, DbType.String);
        p.Add(SqlDialect.ParameterName(row, 14), c.IvrNode, DbType.String);
        p.Add(SqlDialect.ParameterName(row, 15), c.AbandonPosition, DbType.Int32);
        p.Add(SqlDialect.ParameterName(row, 16), c.TicketNumber, DbType.String);
    }

    private static IReadOnlyList<CallRecord> WithoutEarlierVersions(IReadOnlyList<CallRecord> calls)
    {
        var lastIndex = new Dictionary<string, int>(calls.Count, StringComparer.Ordinal);
        for (var i = 0; i < calls.Count; i++)
        {
            lastIndex[calls[i].CallId] = i;
        }

        if (lastIndex.Count == calls.Count)
        {
            return calls;
        }

        var result = new List<CallRecord>(lastIndex.Count);
        for (var i = 0; i < calls.Count; i++)
        {
            if (lastIndex[calls[i].CallId] == i)
            {
                result.Add(calls[i]);
            }
        }

        return result;
    }

    private static Task Execute(DbConnection connection, DbTransaction transaction, string sql, DynamicParameters parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    // Stored as names, not numbers, so reordering the enums cannot change stored meaning.
    private static string OutcomeName(CallOutcome outcome) => outcome switch
    {
        CallOutcome.InProgress => "InProgress",
        CallOutcome.Answered => "Answered",
        CallOutcome.SelfServed => "SelfServed",
        CallOutcome.Abandoned => "Abandoned",
        CallOutcome.Other => "Other",
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
