using Dapper;
using Hotline.Core.Data;

namespace Hotline.Tests.Data;

/// <summary>
/// A class fixture owning the databases of one test class: a migrated one shared by its tests (cleaned
/// before each test) and any empty ones a test asks for. Each provider gives every class its own
/// database (a SQLite file, a PostgreSQL schema), so test classes run in parallel.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private ConnectionFactory? _connections;

    public ConnectionFactory Connections => _connections ?? throw new InvalidOperationException("Not initialised.");

    public abstract DatabaseProvider Provider { get; }

    /// <summary>A new empty database (no tables), removed with the fixture.</summary>
    public abstract Task<ConnectionFactory> CreateEmptyAsync();

    public async ValueTask InitializeAsync()
    {
        _connections = await CreateEmptyAsync();
        await new Migrator(_connections).MigrateAsync();
    }

    /// <summary>Empties the tables of the shared database.</summary>
    public async Task ResetAsync()
    {
        await using var connection = await Connections.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM calls; DELETE FROM seat_intervals; DELETE FROM users;");
    }

    public abstract ValueTask DisposeAsync();
}
