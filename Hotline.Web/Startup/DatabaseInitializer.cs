using Hotline.Core.Data;
using Hotline.Core.Security;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Startup;

/// <summary>Before anything reads the database: migrates, and loads the demo users when asked to.</summary>
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
}
