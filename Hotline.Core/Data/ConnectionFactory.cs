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
    private readonly SemaphoreSlim _sqliteWriters = new(1, 1);
    private volatile bool _sqliteFilePrepared;

    public ConnectionFactory(DatabaseOptions options)
    {
        Options = options;
        _provider = options.ProviderKind;
        Dialect = new SqlDialect(_provider);
    }

    public DatabaseOptions Options { get; }

    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = _provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(Options.ConnectionString),
            DatabaseProvider.PostgreSql => new NpgsqlConnection(Options.ConnectionString),
            _ => new SqlConnection(Options.ConnectionString),
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

    /// <summary>
    /// SQLite takes one writer at a time and makes the others retry with growing sleeps (a writer can sleep tens of
    /// milliseconds past the moment the lock came free). Writers that enter this gate first wait in line instead: ticket
    /// writes and the background index maintenance. Dispose to leave; other providers do not wait.
    /// </summary>
    public async Task<IDisposable> EnterWriteGateAsync(CancellationToken cancellationToken = default)
    {
        if (_provider != DatabaseProvider.Sqlite)
        {
            return NoGate.Instance;
        }

        await _sqliteWriters.WaitAsync(cancellationToken);
        return new Gate(_sqliteWriters);
    }

    private sealed class Gate(SemaphoreSlim writers) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                writers.Release();
            }
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }

    private void CreateSqliteDirectory()
    {
        var builder = new SqliteConnectionStringBuilder(Options.ConnectionString);
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
        // migration in a second process) instead of failing with SQLITE_BUSY. With WAL, synchronous=NORMAL
        // syncs at checkpoints instead of at every commit: still consistent and safe if the process crashes;
        // only a power loss or OS crash may lose the last commits (a ticket registration costs one fsync less).
        // The checkpoint that copies the WAL back runs inside some unlucky commit: every 8,000 pages (32 MB of WAL,
        // several hundred registrations) rather than the default 1,000 keeps that commit out of the 99th percentile.
        command.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 8000";
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
