using Hotline.Core.Audit;
using Hotline.Core.Data;
using Hotline.Core.Security;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Startup;

/// <summary>
/// Before anything reads the database: migrates, and loads the demo users when asked to. Without demo data, the first
/// start needs the first admin's password (<c>Hotline:Security:InitialAdminPassword</c>): there are no default credentials.
/// </summary>
public sealed class DatabaseInitializer(
    DatabaseOptions database,
    Migrator migrator,
    UserStore users,
    PasswordHasher<UserAccount> hasher,
    IOptions<DemoOptions> demo,
    IOptions<SecurityOptions> security,
    AuditLog audit,
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
            logger.LogWarning("Demo mode: demo users with the published demo password are present; never use demo mode in production");
            return;
        }

        await EnsureFirstAdminAsync(cancellationToken);
    }

    private async Task EnsureFirstAdminAsync(CancellationToken cancellationToken)
    {
        var all = await users.ListAsync(cancellationToken);
        var settings = security.Value;
        if (all.Any(u => u.Role == Roles.Admin && !u.Disabled))
        {
            if (!string.IsNullOrEmpty(settings.InitialAdminPassword))
            {
                logger.LogWarning("{Setting} is still set although an admin exists: remove it", $"{SecurityOptions.Section}:InitialAdminPassword");
            }

            return;
        }

        var password = settings.InitialAdminPassword;
        if (string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException(
                $"首次启动（非演示模式）须设置管理员密码：请设置 {SecurityOptions.Section}:InitialAdminPassword（环境变量 Hotline__Security__InitialAdminPassword），"
                + $"启动后删除该设置。First start without demo data: set {SecurityOptions.Section}:InitialAdminPassword (the first admin's password).");
        }

        var problems = PasswordPolicy.Check(password, settings.PasswordMinLength, settings.InitialAdminUserName);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{SecurityOptions.Section}:InitialAdminPassword 不符合密码规则：{string.Join("；", problems)}。The initial admin password does not meet the password policy.");
        }

        var account = new UserAccount
        {
            UserName = settings.InitialAdminUserName.Trim(),
            DisplayName = "系统管理员",
            Role = Roles.Admin,
            PasswordHash = "",
        };
        var created = await users.CreateAsync(account with { PasswordHash = hasher.HashPassword(account, password) }, cancellationToken);
        if (created is null)
        {
            // The name exists but is not an enabled admin: make it one with the given password.
            await users.SetRoleAsync(account.UserName, Roles.Admin, null, cancellationToken);
            await users.SetPasswordHashAsync(account.UserName, hasher.HashPassword(account, password), cancellationToken);
            await users.SetDisabledAsync(account.UserName, false, cancellationToken);
        }

        await audit.WriteAsync("system", null, null, AuditActions.UserChanged, account.UserName, "first admin created at first start", cancellationToken);
        logger.LogWarning("First admin {UserName} created from {Setting}: remove the setting now", account.UserName, $"{SecurityOptions.Section}:InitialAdminPassword");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
