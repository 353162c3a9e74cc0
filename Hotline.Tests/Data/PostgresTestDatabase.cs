using Dapper;
using Hotline.Core.Data;
using Npgsql;

namespace Hotline.Tests.Data;

/// <summary>Schemas of their own on the real PostgreSQL server of <see cref="PostgresServer"/>, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly List<(string Schema, string ConnectionString)> _schemas = [];

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override async Task<ConnectionFactory> CreateEmptyAsync()
    {
        var server = await PostgresServer.ConnectionStringAsync();
        var schema = "test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.ExecuteAsync($"CREATE SCHEMA {schema}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        _schemas.Add((schema, connectionString));
        return new ConnectionFactory(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = connectionString });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_schemas.Count == 0)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        foreach (var (schema, connectionString) in _schemas)
        {
            await using (var pooled = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await admin.ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }
}
