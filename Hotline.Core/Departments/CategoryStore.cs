using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Departments;

/// <summary>The category tree (<c>categories</c>): id, parent id, name and the full path.</summary>
public sealed class CategoryStore
{
    private const string Select = "SELECT id AS Id, parent_id AS ParentId, name AS Name, path AS Path FROM categories";

    private readonly ConnectionFactory _connections;
    private readonly string _insert;

    public CategoryStore(ConnectionFactory connections)
    {
        _connections = connections;
        _insert = connections.Dialect.InsertReturningId("categories", ["parent_id", "name", "path"]);
    }

    /// <summary>Every node in tree order: a parent right before its children, siblings in the order they were added.</summary>
    public async Task<IReadOnlyList<Category>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Select + " ORDER BY id", cancellationToken: cancellationToken))).ToList();
        var children = rows.ToLookup(r => r.ParentId);
        var ordered = new List<Category>(rows.Count);
        void Visit(long? parent)
        {
            foreach (var row in children[parent])
            {
                ordered.Add(row.ToCategory());
                Visit(row.Id);
            }
        }

        Visit(null);
        return ordered;
    }

    public async Task<Category?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToCategory();
    }

    /// <summary>Adds a node under <paramref name="parentId"/> (null: top level); returns it with its id and path.</summary>
    public async Task<Category> AddAsync(long? parentId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        if (name.Contains('/'))
        {
            throw new ArgumentException("A category name cannot contain '/'.", nameof(name));
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var path = name;
        if (parentId is { } p)
        {
            var parentPath = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT path FROM categories WHERE id = @p", new { p }, transaction, cancellationToken: cancellationToken))
                ?? throw new ArgumentException($"No category {p}.", nameof(parentId));
            path = parentPath + "/" + name;
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            _insert, new { parent_id = parentId, name, path }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new Category(id, parentId, name, path);
    }

    /// <summary>The node and every node below it (for filtering by a branch); empty when there is no such node.</summary>
    public async Task<IReadOnlyList<long>> SubtreeIdsAsync(long id, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(cancellationToken);
        var root = all.FirstOrDefault(c => c.Id == id);
        if (root is null)
        {
            return [];
        }

        return [.. all.Where(c => c.Id == id || c.Path.StartsWith(root.Path + "/", StringComparison.Ordinal)).Select(c => c.Id)];
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long? ParentId { get; set; }
        public string Name { get; set; } = "";
        public string Path { get; set; } = "";

        public Category ToCategory() => new(Id, ParentId, Name, Path);
    }
}
