using Hotline.Core.Data;

namespace Hotline.Core.Departments;

/// <summary>The category tree (<c>categories</c>): id, parent id, name and the full path.</summary>
public sealed class CategoryStore
{
    private readonly ConnectionFactory _connections;

    public CategoryStore(ConnectionFactory connections)
    {
        _connections = connections;
    }

    /// <summary>Every node, ordered by path (a parent comes right before its children).</summary>
    public Task<IReadOnlyList<Category>> ListAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<Category?> FindAsync(long id, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Adds a node under <paramref name="parentId"/> (null: top level); returns it with its id and path.</summary>
    public Task<Category> AddAsync(long? parentId, string name, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The node and every node below it (for filtering by a branch).</summary>
    public Task<IReadOnlyList<long>> SubtreeIdsAsync(long id, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
