using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Core.Data;

/// <summary>
/// Opens a short-lived connection per operation for the configured provider (the drivers pool the
/// physical connections). Dispose the connection when the operation is done.
/// </summary>
public sealed class ConnectionFactory
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private volatile bool _sqliteFilePrepared;

    public ConnectionFactory(DatabaseOptions options)
    {
        Options = options;
        _provider = options.ProviderKind;
        Dialect = new SqlDialect(_provider);
        _connectionString = _provider == DatabaseProvider.PostgreSql
            ? WithAutoPrepare(options.ConnectionString)
            : options.ConnectionString;
    }

    public DatabaseOptions Options { get; }

    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = _provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(_connectionString),
            DatabaseProvider.PostgreSql => new NpgsqlConnection(_connectionString),
            _ => new SqlConnection(_connectionString),
        };

        try
        {
            if (_provider == DatabaseProvider.Sqlite && !_sqliteFilePrepared)
            {
                CreateSqliteDirectory();
            }

            await connection.OpenAsync(cancellationToken);
            if (_provider == DatabaseProvider.Sqlite)
            {
                await PrepareSqliteAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // The ingest sends the same few statements thousands of times: letting Npgsql prepare them skips
    // parsing and planning on the server (about half the time of a 2,000-record batch). An explicit
    // setting in the connection string wins.
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 50;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    private void CreateSqliteDirectory()
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString);
        var file = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || file.Length == 0 || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    private async Task PrepareSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();

        // The busy timeout is per connection: a writer waits for another writer (the ingest, a
        // migration in a second process) instead of failing with SQLITE_BUSY.
        command.CommandText = "PRAGMA busy_timeout = 10000";
        await command.ExecuteNonQueryAsync(cancellationToken);

        if (!_sqliteFilePrepared)
        {
            // WAL is stored in the file, so once is enough: readers (reports, pages) no longer block
            // the ingest's writes, nor the other way round.
            command.CommandText = "PRAGMA journal_mode = WAL";
            await command.ExecuteNonQueryAsync(cancellationToken);
            _sqliteFilePrepared = true;
        }
    }
}
