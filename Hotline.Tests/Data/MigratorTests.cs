using Dapper;
using Hotline.Core.Data;

namespace Hotline.Tests.Data;

public abstract class MigratorTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Migrating_a_new_database_applies_every_step_and_records_it()
    {
        var connections = await database.CreateEmptyAsync();
        var migrator = new Migrator(connections);

        var applied = await migrator.MigrateAsync(TestContext.Current.CancellationToken);

        var all = Migrations.All.Select(m => m.Version).ToList();
        Assert.Equal(all, applied);
        Assert.Equal(all, await migrator.AppliedVersionsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        var connections = await database.CreateEmptyAsync();
        var migrator = new Migrator(connections);
        await migrator.MigrateAsync(TestContext.Current.CancellationToken);

        var second = await migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(second);
        Assert.Equal(Migrations.All.Select(m => m.Version), await migrator.AppliedVersionsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_processes_migrating_at_once_apply_each_step_exactly_once()
    {
        var connections = await database.CreateEmptyAsync();
        // Two factories stand for two processes: nothing is shared but the database.
        var other = new ConnectionFactory(connections.Options);

        var results = await Task.WhenAll(
            new Migrator(connections).MigrateAsync(TestContext.Current.CancellationToken),
            new Migrator(other).MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Equal(Migrations.All.Select(m => m.Version), results.SelectMany(r => r).Order());
    }

    [Fact]
    public async Task A_failing_step_rolls_back_every_step_of_the_run()
    {
        var connections = await database.CreateEmptyAsync();
        var migrator = new Migrator(connections,
        [
            new Migration(1, "good", "CREATE TABLE first_table (id {int} NOT NULL)"),
            new Migration(2, "bad", "CREATE TABLE second_table (id {int} NOT NULL);\nTHIS IS NOT SQL"),
        ]);

        await Assert.ThrowsAnyAsync<Exception>(() => migrator.MigrateAsync(TestContext.Current.CancellationToken));

        await using var connection = await connections.OpenAsync(TestContext.Current.CancellationToken);
        var tables = await connection.QueryAsync<string>(connections.Dialect.Provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('first_table', 'second_table')"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('first_table', 'second_table')");
        Assert.Empty(tables);
    }

    [Fact]
    public async Task Steps_added_later_are_applied_on_top_of_the_recorded_ones()
    {
        var connections = await database.CreateEmptyAsync();
        Migration first = new(1, "first", "CREATE TABLE first_table (id {int} NOT NULL)");
        Migration second = new(2, "second", "CREATE TABLE second_table (name {key} NOT NULL)");
        await new Migrator(connections, [first]).MigrateAsync(TestContext.Current.CancellationToken);

        var applied = await new Migrator(connections, [first, second]).MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal([2], applied);
    }
}

public sealed class SqliteMigratorTests(SqliteTestDatabase database) : MigratorTests<SqliteTestDatabase>(database);

public sealed class PostgresMigratorTests(PostgresTestDatabase database) : MigratorTests<PostgresTestDatabase>(database);
