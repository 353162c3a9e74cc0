using Hotline.Core.Data;

namespace Hotline.Core.Departments;

/// <summary>The <c>departments</c> table.</summary>
public sealed class DepartmentStore
{
    private readonly ConnectionFactory _connections;

    public DepartmentStore(ConnectionFactory connections)
    {
        _connections = connections;
    }

    /// <summary>Departments ordered by id; inactive ones only when asked.</summary>
    public Task<IReadOnlyList<Department>> ListAsync(bool includeInactive = false, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<Department?> FindAsync(string id, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Adds the department or updates its name and active flag.</summary>
    public Task SaveAsync(Department department, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
