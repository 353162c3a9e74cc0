using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Audit;

/// <summary>
/// The append-only audit log (<c>audit_log</c>). There is deliberately no update or delete here, and the
/// database's triggers refuse them (migration 5), so the log cannot be edited through the product.
/// </summary>
public sealed class AuditLog
{
    private const string Select = """
        SELECT id AS Id, at AS At, actor AS Actor, role AS Role, address AS Address, action AS Action, target AS Target, detail AS Detail
        FROM audit_log
        """;

    private readonly ConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly string _insert;

    public AuditLog(ConnectionFactory connections, TimeProvider time)
    {
        _connections = connections;
        _time = time;
        _insert = connections.Dialect.InsertReturningId("audit_log", ["at", "actor", "role", "address", "action", "target", "detail"]);
    }

    /// <summary>Appends a row stamped now; returns it with its id.</summary>
    public async Task<AuditEntry> WriteAsync(string actor, string? role, string? address, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var at = DbTime.ToDb(_time.GetUtcNow());
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            _insert, new { at, actor, role, address, action, target, detail }, cancellationToken: cancellationToken));
        return new AuditEntry(id, DbTime.FromDb(at), actor, role, address, action, target, detail);
    }

    /// <summary>One page of matching rows, newest first, and the total count.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Rows, int Total)> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Where(query);
        var size = Math.Clamp(query.PageSize, 1, 500);
        var skip = (Math.Max(query.Page, 1) - 1) * size;
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM audit_log" + where, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + where + " ORDER BY id DESC" + _connections.Dialect.Page(skip, size), parameters, cancellationToken: cancellationToken));
        return (rows.Select(r => r.ToEntry()).ToList(), total);
    }

    /// <summary>Every matching row, oldest first, read as a stream (for the export).</summary>
    public async IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Where(query);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            Select + where + " ORDER BY id", parameters, cancellationToken: cancellationToken));
        var parser = reader.GetRowParser<Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return parser(reader).ToEntry();
        }
    }

    private static (string Where, DynamicParameters Parameters) Where(AuditQuery query)
    {
        var clauses = new List<string>();
        var parameters = new DynamicParameters();
        if (query.From is { } from) { clauses.Add("at >= @from"); parameters.Add("from", DbTime.ToDb(from)); }
        if (query.To is { } to) { clauses.Add("at < @to"); parameters.Add("to", DbTime.ToDb(to)); }
        if (!string.IsNullOrWhiteSpace(query.Actor)) { clauses.Add("actor = @actor"); parameters.Add("actor", query.Actor.Trim()); }
        if (!string.IsNullOrWhiteSpace(query.Action)) { clauses.Add("action = @action"); parameters.Add("action", query.Action.Trim()); }
        if (!string.IsNullOrWhiteSpace(query.Target)) { clauses.Add("target = @target"); parameters.Add("target", query.Target.Trim()); }
        return (clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", clauses), parameters);
    }

    private sealed record Row(long Id, long At, string Actor, string? Role, string? Address, string Action, string? Target, string? Detail)
    {
        public AuditEntry ToEntry() => new(Id, DbTime.FromDb(At), Actor, Role, Address, Action, Target, Detail);
    }
}
