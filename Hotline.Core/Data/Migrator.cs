using System.Data.Common;
using Dapper;

namespace Hotline.Core.Data;

/// <summary>
/// Applies the schema migrations at start (one source for every provider, <see cref="Migrations.All"/>).
/// Idempotent: applied versions are recorded in <c>schema_version</c>. All pending steps run in one
/// transaction under a lock, so two processes starting at once migrate one after the other and a
/// failed step leaves the schema as it was.
/// </summary>
public sealed class Migrator
{
    private readonly ConnectionFactory _connections;
    private readonly IReadOnlyList<Migration> _migrations;

    public Migrator(ConnectionFactory connections)
        : this(connections, Migrations.All)
    {
    }

    /// <summary>With another list of steps (tests).</summary>
    public Migrator(ConnectionFactory connections, IReadOnlyList<Migration> migrations)
    {
        _connections = connections;
        _migrations = migrations;
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version <= migrations[i - 1].Version)
            {
                throw new ArgumentException($"Migration versions must increase: {migrations[i].Version} follows {migrations[i - 1].Version}.", nameof(migrations));
            }
        }
    }

    /// <summary>Applies the missing steps; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var dialect = _connections.Dialect;
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (dialect.MigrationLock is { } lockSql)
        {
            await Execute(connection, transaction, lockSql, cancellationToken);
        }

        await Execute(connection, transaction, dialect.CreateSchemaVersionTable, cancellationToken);
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_version", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        var appliedNow = new List<int>();
        foreach (var migration in _migrations)
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            foreach (var statement in SplitStatements(dialect.ExpandTypes(migration.Sql)))
            {
                await Execute(connection, transaction, statement, cancellationToken);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @appliedAt)",
                new { version = migration.Version, description = migration.Description, appliedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction, cancellationToken: cancellationToken));
            appliedNow.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        return appliedNow;
    }

    /// <summary>The versions recorded in <c>schema_version</c>, ascending.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_version ORDER BY version", cancellationToken: cancellationToken));
        return versions.ToList();
    }

    // Sent one by one: SQL Server and SQLite's single-command path do not take a script reliably.
    private static IEnumerable<string> SplitStatements(string sql) =>
        sql.ReplaceLineEndings("\n").Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd(';').Trim())
            .Where(s => s.Length > 0);

    private static Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
}
