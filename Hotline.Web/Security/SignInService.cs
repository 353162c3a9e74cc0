using Hotline.Core.Audit;
using Hotline.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Security;

/// <summary>
/// Checks a user name and password: ASP.NET Core's password hasher, lockout after repeated failures, an audit row for
/// every attempt (success, failure, lockout), and a new session row on success.
/// </summary>
public sealed class SignInService(
    UserStore users,
    SessionStore sessions,
    PasswordHasher<UserAccount> hasher,
    AuditLog audit,
    IOptionsMonitor<SecurityOptions> options,
    TimeProvider time,
    ILogger<SignInService> logger,
    UnknownNameLockout unknownNames)
{
    private static readonly UserAccount Placeholder = new() { UserName = "-", DisplayName = "-", Role = Roles.Agent, PasswordHash = "" };

    /// <summary>Compared against when the user is unknown, so that unknown names take as long as wrong passwords.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(Placeholder, Guid.NewGuid().ToString()));

    public async Task<SignInResult> SignInAsync(string? userName, string? password, string? address, CancellationToken cancellationToken = default)
    {
        var name = (userName ?? "").Trim();
        var actor = name.Length == 0 ? "(空)" : name[..Math.Min(name.Length, 100)];
        var user = name.Length == 0 ? null : await users.FindByUserNameAsync(name, cancellationToken);
        var now = time.GetUtcNow();
        if (user is null)
        {
            hasher.VerifyHashedPassword(Placeholder, DummyHash.Value, password ?? "");
            // An unknown name fails and locks like an account, so the answer does not tell which names exist.
            return unknownNames.IsLocked(actor, now)
                ? await RefuseLockedAsync(actor, null, address, "unknown user (locked)", cancellationToken)
                : await FailAndCountAsync(actor, null, address, "unknown user", (max, until) => Task.FromResult(unknownNames.RecordFailure(actor, max, until)), cancellationToken);
        }

        if (user.IsLockedAt(now))
        {
            return await RefuseLockedAsync(user.UserName, user.Role, address, "locked", cancellationToken);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "")
            is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
        if (!verified)
        {
            return await FailAndCountAsync(user.UserName, user.Role, address, "wrong password",
                (max, until) => users.RecordFailedSignInAsync(user.Id, max, until, cancellationToken), cancellationToken);
        }

        if (user.Disabled)
        {
            // The same answer as a wrong password: a disabled account is not confirmed to exist.
            return await FailAsync(user.UserName, user.Role, address, "disabled", cancellationToken);
        }

        await users.ClearFailedSignInsAsync(user.Id, cancellationToken);
        var session = await sessions.StartAsync(user.Id, cancellationToken);
        await audit.WriteAsync(user.UserName, user.Role, address, AuditActions.SignIn, user.UserName, null, cancellationToken);
        logger.LogInformation("{UserName} signed in as {Role}", user.UserName, user.Role);
        return new SignInResult(SignInStatus.Succeeded, user, session);
    }

    private async Task<SignInResult> RefuseLockedAsync(string actor, string? role, string? address, string reason, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(actor, role, address, AuditActions.SignInFailed, actor, reason, cancellationToken);
        logger.LogWarning("Sign-in refused for {UserName} from {Address}: {Reason}", actor, address, reason);
        return new SignInResult(SignInStatus.LockedOut, null, null);
    }

    /// <summary>A failed sign-in, counted by <paramref name="recordFailure"/> (the limit and the lock's end; true when this
    /// failure locks): the one that reaches the limit is also audited as a lockout.</summary>
    private async Task<SignInResult> FailAndCountAsync(string actor, string? role, string? address, string reason,
        Func<int, DateTimeOffset, Task<bool>> recordFailure, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var locked = await recordFailure(settings.MaxFailedSignIns, time.GetUtcNow().AddMinutes(settings.LockoutMinutes));
        var result = await FailAsync(actor, role, address, reason, cancellationToken);
        if (!locked) return result;
        await audit.WriteAsync(actor, role, address, AuditActions.Lockout, actor,
            $"{settings.MaxFailedSignIns} failed sign-ins ({reason}); locked for {settings.LockoutMinutes} minutes", cancellationToken);
        logger.LogWarning("{UserName} locked for {Minutes} minutes after {Failures} failed sign-ins ({Reason}) from {Address}",
            actor, settings.LockoutMinutes, settings.MaxFailedSignIns, reason, address);
        return new SignInResult(SignInStatus.LockedOut, null, null);
    }

    private async Task<SignInResult> FailAsync(string actor, string? role, string? address, string reason, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(actor, role, address, AuditActions.SignInFailed, actor, reason, cancellationToken);
        logger.LogWarning("Sign-in failed for {UserName} from {Address}", actor, address);
        return new SignInResult(SignInStatus.Failed, null, null);
    }
}
