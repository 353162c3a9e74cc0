using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Departments;

/// <summary>The <c>departments</c> table.</summary>
public sealed class DepartmentStore
{
    private const string Select = "SELECT id AS Id, name AS Name, active AS Active FROM departments";

    private readonly ConnectionFactory _connections;
    private readonly string _upsert;

    public DepartmentStore(ConnectionFactory connections)
    {
        _connections = connections;
        _upsert = connections.Dialect.Upsert("departments", ["id", "name", "active"]);
    }

    /// <summary>Departments ordered by id; inactive ones only when asked.</summary>
    public async Task<IReadOnlyList<Department>> ListAsync(bool includeInactive = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + (includeInactive ? "" : " WHERE active = @active") + " ORDER BY id", new { active = true }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDepartment()).ToList();
    }

    public async Task<Department?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToDepartment();
    }

    /// <summary>Adds the department or updates its name and active flag.</summary>
    public async Task SaveAsync(Department department, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentException.ThrowIfNullOrWhiteSpace(department.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(department.Name);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            _upsert, new { id = department.Id.Trim(), name = department.Name.Trim(), active = department.Active }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public bool Active { get; set; }

        public Department ToDepartment() => new(Id, Name, Active);
    }
}
