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
    public static async Task<bool> IsValidAsync(SessionStore sessions, ClaimsPrincipal user, CancellationToken cancellationToken)
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

        return await sessions.IsValidAsync(session, userId, role, user.FindFirstValue(HotlineClaims.SecurityStamp), cancellationToken);
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
        }
    }
}
