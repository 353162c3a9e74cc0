using Hotline.Core.Audit;
using Hotline.Core.Security;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;

namespace Hotline.Web.Apis;

/// <summary>Sign-in and sign-out: the /login page posts a plain form here (with its antiforgery token).</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", LogInAsync).AllowAnonymous().RequireRateLimiting(HotlineRateLimits.SignIn);
        // POST with the antiforgery token only: a link or image elsewhere cannot sign a user out.
        app.MapPost("/logout", LogOutAsync).AllowAnonymous();
        return app;
    }

    private static async Task<RedirectHttpResult> LogInAsync(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext http,
        SignInService signIn,
        CancellationToken cancellationToken)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        var result = await signIn.SignInAsync(userName, password, address, cancellationToken);
        if (result is not { Status: SignInStatus.Succeeded, User: { } user, SessionId: { } session })
        {
            var error = result.Status == SignInStatus.LockedOut ? "locked" : "1";
            return TypedResults.Redirect($"/login?error={error}&ReturnUrl={Uri.EscapeDataString(LocalOrRoot(returnUrl))}");
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserPrincipal.Create(user, session));
        return TypedResults.Redirect(LocalOrRoot(returnUrl));
    }

    /// <summary>Ends the session row too: a copy of the cookie kept from before is refused afterwards.</summary>
    private static async Task<Results<RedirectHttpResult, BadRequest<string>>> LogOutAsync(HttpContext http, IAntiforgery antiforgery, SessionStore sessions, AuditLog audit)
    {
        // The form binding that checks the token elsewhere does not run here: no form fields are read.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.BadRequest("退出请求无效，请从页面上的“退出”按钮退出。");
        }

        var user = http.User;
        if (user.FindFirstValue(HotlineClaims.SessionId) is { Length: > 0 } session)
        {
            await sessions.EndAsync(session, http.RequestAborted);
            await audit.WriteAsync(user.Identity?.Name ?? "(unknown)", user.FindFirstValue(ClaimTypes.Role),
                http.Connection.RemoteIpAddress?.ToString(), AuditActions.SignOut, user.Identity?.Name, null, http.RequestAborted);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/login");
    }

    /// <summary>Only same-site paths: an open redirect after sign-in would help phishing.</summary>
    public static string LocalOrRoot(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/')
        {
            return "/";
        }

        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
        {
            return "/";
        }

        return returnUrl;
    }
}
