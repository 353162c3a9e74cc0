using Dapper;
using Hotline.Core.Data;
using Microsoft.Data.Sqlite;

namespace Hotline.Tests.Data;

public sealed class ConnectionFactoryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hotline-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Opening_a_sqlite_file_in_a_missing_directory_creates_the_directory()
    {
        var file = Path.Combine(_directory, "nested", "data", "hotline.db");
        var connections = new ConnectionFactory(new DatabaseOptions { ConnectionString = $"Data Source={file}" });

        await using (await connections.OpenAsync(TestContext.Current.CancellationToken))
        {
        }

        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task Sqlite_connections_use_write_ahead_logging_and_a_busy_timeout()
    {
        var connections = new ConnectionFactory(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "wal.db")}" });

        await using var connection = await connections.OpenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.True(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout") >= 5000);
    }

    [Fact]
    public void An_unknown_provider_is_refused_when_the_factory_is_made()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ConnectionFactory(new DatabaseOptions { Provider = "Access" }));

        Assert.Contains("Hotline:Database:Provider", error.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
