using Hotline.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Web.Startup;

/// <summary>The demo accounts (only with <c>Hotline:Demo:Enabled</c>); all share the password <see cref="Password"/>.</summary>
public static class DemoUsers
{
    public const string Password = "Demo@12345";

    /// <param name="agentName">The seat's name for an agent id, so accounts and seats read alike.</param>
    public static IReadOnlyList<UserAccount> Accounts(string passwordHash, Func<string, string?>? agentName = null)
    {
        var list = new List<UserAccount>();
        for (var i = 1; i <= 5; i++)
        {
            list.Add(new UserAccount
            {
                UserName = $"agent{i:00}",
                DisplayName = agentName?.Invoke($"A{i:000}") ?? $"话务员{i:00}",
                Role = Roles.Agent,
                PasswordHash = passwordHash,
                AgentId = $"A{i:000}",
                Extension = $"{8000 + i}",
            });
        }

        // A back-office desk with an extension of its own (not a queue seat): it makes follow-up calls and callbacks.
        list.Add(User("backoffice01", "后台处理01", Roles.BackOffice, passwordHash) with { AgentId = "B001", Extension = "8101" });
        // A supervisor's own extension rings first when they listen to, whisper to or barge into a call.
        list.Add(User("supervisor01", "班长01", Roles.Supervisor, passwordHash) with { Extension = "8201" });
        list.Add(User("department01", "承办单位01", Roles.Department, passwordHash) with { DepartmentId = Hotline.Core.Tickets.Storage.DemoTicketData.DemoDepartmentId });
        list.Add(User("official01", "信访局01", Roles.Official, passwordHash));
        list.Add(User("admin01", "系统管理员01", Roles.Admin, passwordHash));
        return list;
    }

    public static async Task EnsureAsync(
        UserStore users, PasswordHasher<UserAccount> hasher, Func<string, string?>? agentName, CancellationToken cancellationToken)
    {
        string? hash = null;
        foreach (var account in Accounts("", agentName))
        {
            if (await users.FindByUserNameAsync(account.UserName, cancellationToken) is not null)
            {
                continue;
            }

            // One hash for all: hashing is deliberately slow and the demo accounts share one password anyway.
            hash ??= hasher.HashPassword(account, Password);
            await users.EnsureAsync(account with { PasswordHash = hash }, cancellationToken);
        }
    }

    private static UserAccount User(string userName, string displayName, string role, string passwordHash)
        => new() { UserName = userName, DisplayName = displayName, Role = role, PasswordHash = passwordHash };
}
