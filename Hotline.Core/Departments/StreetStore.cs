using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Departments;

/// <summary>The district's streets and communities (<c>streets</c>: one row per community).</summary>
public sealed class StreetStore
{
    private readonly ConnectionFactory _connections;
    private readonly string _insertIfAbsent;

    public StreetStore(ConnectionFactory connections)
    {
        _connections = connections;
        _insertIfAbsent = connections.Dialect.Provider == DatabaseProvider.SqlServer
            ? "IF NOT EXISTS (SELECT 1 FROM streets WITH (UPDLOCK, HOLDLOCK) WHERE street = @street AND community = @community) INSERT INTO streets (street, community) VALUES (@street, @community);"
            : "INSERT INTO streets (street, community) VALUES (@street, @community) ON CONFLICT (street, community) DO NOTHING";
    }

    /// <summary>Streets with their communities, in the order they were added.</summary>
    public async Task<IReadOnlyList<Street>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Street, string Community)>(new CommandDefinition(
            "SELECT street, community FROM streets ORDER BY id", cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.Street).Select(g => new Street(g.Key, [.. g.Select(r => r.Community)])).ToList();
    }

    /// <summary>Adds the street's communities that are not stored yet.</summary>
    public async Task SaveAsync(Street street, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(street);
        ArgumentException.ThrowIfNullOrWhiteSpace(street.Name);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var community in street.Communities.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                _insertIfAbsent, new { street = street.Name.Trim(), community = community.Trim() }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
