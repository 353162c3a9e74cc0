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
            return await FailUnknownAsync(actor, address, now, cancellationToken);
        }

        if (user.IsLockedAt(now))
        {
            await audit.WriteAsync(user.UserName, user.Role, address, AuditActions.SignInFailed, user.UserName, "locked", cancellationToken);
            logger.LogWarning("Sign-in refused for {UserName}: locked until {Until}", user.UserName, user.LockedUntil);
            return new SignInResult(SignInStatus.LockedOut, null, null);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "")
            is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
        if (!verified)
        {
            var settings = options.CurrentValue;
            var locked = await users.RecordFailedSignInAsync(user.Id, settings.MaxFailedSignIns, now.AddMinutes(settings.LockoutMinutes), cancellationToken);
            var result = await FailAsync(user.UserName, user.Role, address, "wrong password", cancellationToken);
            if (!locked)
            {
                return result;
            }

            await audit.WriteAsync(user.UserName, user.Role, address, AuditActions.Lockout, user.UserName,
                $"{settings.MaxFailedSignIns} failed sign-ins; locked for {settings.LockoutMinutes} minutes", cancellationToken);
            logger.LogWarning("Account {UserName} locked for {Minutes} minutes after {Failures} failed sign-ins from {Address}",
                user.UserName, settings.LockoutMinutes, settings.MaxFailedSignIns, address);
            return new SignInResult(SignInStatus.LockedOut, null, null);
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

    /// <summary>An unknown name fails and locks like an account (<see cref="UnknownNameLockout"/>).</summary>
    private async Task<SignInResult> FailUnknownAsync(string actor, string? address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (unknownNames.IsLocked(actor, now))
        {
            await audit.WriteAsync(actor, null, address, AuditActions.SignInFailed, actor, "unknown user (locked)", cancellationToken);
            return new SignInResult(SignInStatus.LockedOut, null, null);
        }

        var settings = options.CurrentValue;
        var result = await FailAsync(actor, null, address, "unknown user", cancellationToken);
        if (!unknownNames.RecordFailure(actor, settings.MaxFailedSignIns, now.AddMinutes(settings.LockoutMinutes))) return result;
        await audit.WriteAsync(actor, null, address, AuditActions.Lockout, actor,
            $"{settings.MaxFailedSignIns} failed sign-ins with an unknown user name; refused for {settings.LockoutMinutes} minutes", cancellationToken);
        logger.LogWarning("Unknown user name {UserName} refused for {Minutes} minutes after {Failures} failed sign-ins from {Address}",
            actor, settings.LockoutMinutes, settings.MaxFailedSignIns, address);
        return new SignInResult(SignInStatus.LockedOut, null, null);
    }

    private async Task<SignInResult> FailAsync(string actor, string? role, string? address, string reason, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(actor, role, address, AuditActions.SignInFailed, actor, reason, cancellationToken);
        logger.LogWarning("Sign-in failed for {UserName} from {Address}", actor, address);
        return new SignInResult(SignInStatus.Failed, null, null);
    }
}
