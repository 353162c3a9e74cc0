using Hotline.Core.Data;
using Hotline.Core.Security;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Startup;

/// <summary>Before anything reads the database: creates the SQLite folder, migrates, loads demo users.</summary>
public sealed class DatabaseInitializer(
    DatabaseOptions database,
    Migrator migrator,
    UserStore users,
    PasswordHasher<UserAccount> hasher,
    IOptions<DemoOptions> demo,
    ITelephony telephony,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.Equals(database.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            EnsureSqliteFolder(database.ConnectionString);
        }

        await migrator.MigrateAsync(cancellationToken);
        logger.LogInformation("Database {Provider} migrated", database.Provider);
        if (demo.Value.Enabled)
        {
            var roster = (telephony as SimulatedSwitch)?.Roster ?? [];
            await DemoUsers.EnsureAsync(users, hasher, id => roster.FirstOrDefault(a => a.AgentId == id)?.Name, cancellationToken);
            logger.LogInformation("Demo users present (password {Password})", DemoUsers.Password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // SQLite creates the file but not its folder (data/ on a fresh checkout).
    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
