using Hotline.Core.Data;
using Microsoft.Data.Sqlite;

namespace Hotline.Tests.Data;

/// <summary>SQLite files in a temporary directory of their own (in a sub-folder the factory must create).</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hotline-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<ConnectionFactory> CreateEmptyAsync()
    {
        var file = Path.Combine(_directory, Guid.NewGuid().ToString("N"), "hotline.db");
        return Task.FromResult(new ConnectionFactory(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={file}" }));
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
