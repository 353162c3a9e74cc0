using Dapper;
using Hotline.Core.Data;

namespace Hotline.Tests.Data;

/// <summary>The dialect's generated SQL, run for real on each provider (against the users table).</summary>
public abstract class SqlDialectTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly string[] Columns = ["user_name", "display_name", "role", "password_hash", "disabled"];

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private SqlDialect Dialect => database.Connections.Dialect;

    private async Task<long> InsertAsync(string userName)
    {
        await using var connection = await database.Connections.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            Dialect.InsertReturningId("users", Columns),
            new { user_name = userName, display_name = userName, role = "Agent", password_hash = "h", disabled = false });
    }

    [Fact]
    public async Task Insert_returning_id_gives_the_generated_ids_in_order()
    {
        var first = await InsertAsync("a");
        var second = await InsertAsync("b");

        Assert.True(first > 0);
        Assert.True(second > first);
    }

    [Fact]
    public async Task Paging_returns_the_requested_slice()
    {
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await InsertAsync(name);
        }

        await using var connection = await database.Connections.OpenAsync(TestContext.Current.CancellationToken);
        var page = await connection.QueryAsync<string>("SELECT user_name FROM users ORDER BY user_name" + Dialect.Page(offset: 1, limit: 2));

        Assert.Equal(["b", "c"], page);
    }

    [Fact]
    public async Task Upsert_inserts_a_new_row_and_updates_an_existing_one()
    {
        await InsertAsync("a");
        var upsert = Dialect.Upsert("users", Columns, keyColumns: 1);

        await using var connection = await database.Connections.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(upsert, new { user_name = "a", display_name = "甲", role = "Admin", password_hash = "h2", disabled = true });
        await connection.ExecuteAsync(upsert, new { user_name = "z", display_name = "乙", role = "Agent", password_hash = "h3", disabled = false });

        var stored = await connection.QueryAsync<(string, string, string)>("SELECT user_name, display_name, role FROM users ORDER BY user_name");
        Assert.Equal([("a", "甲", "Admin"), ("z", "乙", "Agent")], stored);
    }

    [Fact]
    public async Task Insert_if_absent_leaves_an_existing_row_alone()
    {
        await InsertAsync("a");

        await using var connection = await database.Connections.OpenAsync(TestContext.Current.CancellationToken);
        var inserted = await connection.ExecuteAsync(
            Dialect.InsertIfAbsent("users", Columns, "user_name"),
            new { user_name = "a", display_name = "changed", role = "Admin", password_hash = "h", disabled = true });

        Assert.Equal(0, inserted);
        Assert.Equal("a", await connection.ExecuteScalarAsync<string>("SELECT display_name FROM users WHERE user_name = 'a'"));
    }
}

public sealed class SqliteSqlDialectTests(SqliteTestDatabase database) : SqlDialectTests<SqliteTestDatabase>(database);

public sealed class PostgresSqlDialectTests(PostgresTestDatabase database) : SqlDialectTests<PostgresTestDatabase>(database);
