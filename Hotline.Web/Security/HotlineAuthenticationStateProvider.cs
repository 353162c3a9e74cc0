using Hotline.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Hotline.Web.Security;

/// <summary>
/// An open page (a Blazor circuit) keeps the user it started with; this re-checks the session every
/// <see cref="SecurityOptions.RevalidateSeconds"/>, so a disabled user or a changed role is signed out of open pages too,
/// and ends the sign-in of a page left idle for <see cref="SecurityOptions.IdleTimeoutMinutes"/> (requests and circuit
/// activity count, see <see cref="SessionActivityCircuitHandler"/>), as the cookie would expire.
/// </summary>
public sealed class HotlineAuthenticationStateProvider(ILoggerFactory loggers, SessionStore sessions, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.Value.RevalidateSeconds);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
        => IsCurrentAsync(authenticationState.User, cancellationToken);

    /// <summary>Whether the page's user still stands; when not, the session row is ended so its cookie is refused too.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMinutes(options.Value.IdleTimeoutMinutes);
        if (await SessionValidation.IsValidAsync(sessions, user, cancellationToken, idle))
        {
            return true;
        }

        if (user.FindFirstValue(HotlineClaims.SessionId) is { Length: > 0 } session)
        {
            await sessions.EndAsync(session, cancellationToken);
        }

        return false;
    }
}
