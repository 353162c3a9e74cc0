using Hotline.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Globalization;
using System.Security.Claims;

namespace Hotline.Web.Security;

/// <summary>
/// Every cookie request (and every open page, periodically) checks that the cookie's session is open, the user enabled,
/// the role unchanged and the security stamp current: disabling a user, changing the role or signing out ends it at once.
/// </summary>
public static class SessionValidation
{
    /// <summary>Whether a signed-in user principal still stands. Principals from API keys or device tokens are not cookies: true.</summary>
    /// <remarks>With <paramref name="idleTimeout"/> (open pages) the session must also have seen activity within it.</remarks>
    public static async Task<bool> IsValidAsync(SessionStore sessions, ClaimsPrincipal user, CancellationToken cancellationToken, TimeSpan? idleTimeout = null)
    {
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return true;
        }

        if (identity.AuthenticationType != CookieAuthenticationDefaults.AuthenticationScheme)
        {
            return true;
        }

        var session = user.FindFirstValue(HotlineClaims.SessionId);
        var role = user.FindFirstValue(ClaimTypes.Role);
        if (string.IsNullOrEmpty(session) || role is null
            || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            return false;
        }

        return await sessions.IsValidAsync(session, userId, role, user.FindFirstValue(HotlineClaims.SecurityStamp), idleTimeout, cancellationToken);
    }

    /// <summary>How often activity is written to the session row: often enough for the idle check, rarely enough for busy pages.</summary>
    public static TimeSpan TouchInterval(SecurityOptions options)
        => TimeSpan.FromSeconds(Math.Min(60, options.IdleTimeoutMinutes * 60 / 4));

    /// <summary>Records activity on a cookie user's session (requests and open pages); nothing for other principals.</summary>
    public static async Task TouchAsync(SessionStore sessions, ClaimsPrincipal user, SecurityOptions options, CancellationToken cancellationToken)
    {
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme }
            && user.FindFirstValue(HotlineClaims.SessionId) is { Length: > 0 } session)
        {
            await sessions.TouchAsync(session, TouchInterval(options), cancellationToken);
        }
    }

    /// <summary>The cookie handler's OnValidatePrincipal.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (!await IsValidAsync(sessions, context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        // A request is activity: open pages of this sign-in stay alive while the user works in another tab.
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value;
        await TouchAsync(sessions, context.Principal, options, context.HttpContext.RequestAborted);
    }
}
