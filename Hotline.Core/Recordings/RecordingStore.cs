using System.Data;
using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Recordings;

/// <summary>
/// The recordings index (table <c>recordings</c>): one row per recording file of a call, written by the ingest,
/// read for playback and the ticket pages, marked (never removed) by the retention job.
/// </summary>
public sealed class RecordingStore
{
    private static readonly (string, DbType)[] Columns =
    [
        ("call_id", DbType.String), ("file_name", DbType.String), ("node", DbType.String),
        ("started_at", DbType.Int64), ("ended_at", DbType.Int64), ("bytes", DbType.Int64),
    ];

    private const string Select = """
        SELECT r.id AS Id, r.call_id AS CallId, r.node AS Node, r.file_name AS FileName, r.started_at AS StartedAt,
               r.ended_at AS EndedAt, r.bytes AS Bytes, r.deleted_at AS DeletedAt, c.agent_id AS AgentId, c.ticket_number AS TicketNumber
        FROM recordings r LEFT JOIN calls c ON c.call_id = r.call_id
        """;

    private readonly ConnectionFactory _connections;
    private readonly RowWriter<RecordingRecord> _writer;

    public RecordingStore(ConnectionFactory connections)
    {
        _connections = connections;
        _writer = new RowWriter<RecordingRecord>(connections.Dialect, "recordings", Columns, keyColumns: 2, Fill);
    }

    /// <summary>Inserts new recordings and updates known ones (by call and file), in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<RecordingRecord> recordings, CancellationToken cancellationToken = default)
    {
        if (recordings.Count == 0) return;
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _writer.WriteAsync(connection, transaction, recordings, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Recording?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE r.id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRecording();
    }

    /// <summary>The recordings of these calls and of calls stored with this ticket number, oldest first (deleted ones too).</summary>
    public async Task<IReadOnlyList<Recording>> ForCallsAsync(IReadOnlyCollection<string> callIds, string? ticketNumber = null, CancellationToken cancellationToken = default)
    {
        if (callIds.Count == 0 && string.IsNullOrEmpty(ticketNumber)) return [];
        var clauses = new List<string>();
        if (callIds.Count > 0) clauses.Add(InList("r.call_id", "callIds"));
        if (!string.IsNullOrEmpty(ticketNumber)) clauses.Add("c.ticket_number = @ticketNumber");
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE " + string.Join(" OR ", clauses) + " ORDER BY r.started_at, r.id",
            new { callIds = callIds.ToArray(), ticketNumber }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecording()).ToList();
    }

    /// <summary>Up to <paramref name="limit"/> recordings not yet deleted that started before <paramref name="before"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Recording>> ExpiredAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE r.deleted_at IS NULL AND r.started_at < @before ORDER BY r.started_at, r.id" + _connections.Dialect.Page(0, limit),
            new { before = DbTime.ToDb(before) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecording()).ToList();
    }

    /// <summary>True when a recording not yet deleted (other than <paramref name="exceptIds"/>) uses the same file.</summary>
    public async Task<bool> FileStillUsedAsync(string node, string fileName, IReadOnlyCollection<long> exceptIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM recordings WHERE node = @node AND file_name = @fileName AND deleted_at IS NULL"
                + (exceptIds.Count > 0 ? " AND NOT " + InList("id", "exceptIds") : ""),
            new { node, fileName, exceptIds = exceptIds.ToArray() }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Marks the rows deleted at <paramref name="at"/> (the rows stay: they are the record of what was kept and when it went).</summary>
    public async Task MarkDeletedAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return;
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE recordings SET deleted_at = @at WHERE " + InList("id", "ids") + " AND deleted_at IS NULL",
            new { at = DbTime.ToDb(at), ids = ids.ToArray() }, cancellationToken: cancellationToken));
    }

    /// <summary>Dapper hands Npgsql arrays as one array parameter (PostgreSQL wants <c>= ANY</c>); elsewhere it expands <c>IN</c>.</summary>
    private string InList(string column, string parameter) => _connections.Dialect.Provider == DatabaseProvider.PostgreSql
        ? $"{column} = ANY(@{parameter})"
        : $"{column} IN @{parameter}";

    private static void Fill(RecordingRecord r, object?[] v)
    {
        v[0] = r.CallId;
        v[1] = r.FileName;
        v[2] = r.Node;
        v[3] = DbTime.ToDb(r.StartedAt);
        v[4] = DbTime.ToDb(r.EndedAt);
        v[5] = r.Bytes;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string CallId { get; set; } = "";
        public string Node { get; set; } = "";
        public string FileName { get; set; } = "";
        public long StartedAt { get; set; }
        public long? EndedAt { get; set; }
        public long? Bytes { get; set; }
        public long? DeletedAt { get; set; }
        public string? AgentId { get; set; }
        public string? TicketNumber { get; set; }

        public Recording ToRecording() => new()
        {
            Id = Id,
            CallId = CallId,
            Node = Node,
            FileName = FileName,
            StartedAt = DbTime.FromDb(StartedAt),
            EndedAt = DbTime.FromDb(EndedAt),
            Bytes = Bytes,
            DeletedAt = DbTime.FromDb(DeletedAt),
            AgentId = AgentId,
            TicketNumber = TicketNumber,
        };
    }
}
