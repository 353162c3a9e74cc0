using Hotline.Core.Security;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Apis;

/// <summary>Sign-in and sign-out: the /login page posts a plain form here (with its antiforgery token).</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", LogInAsync).AllowAnonymous();
        app.MapPost("/logout", (Delegate)LogOutAsync).AllowAnonymous();
        app.MapGet("/logout", (Delegate)LogOutAsync).AllowAnonymous();
        return app;
    }

    private static async Task<RedirectHttpResult> LogInAsync(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext http,
        UserStore users,
        PasswordHasher<UserAccount> hasher,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(AccountApi));
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByUserNameAsync(userName.Trim(), cancellationToken);
        if (user is null || user.Disabled || !Verify(hasher, user, password ?? ""))
        {
            logger.LogWarning("Sign-in failed for {UserName}", userName);
            return TypedResults.Redirect($"/login?error=1&ReturnUrl={Uri.EscapeDataString(LocalOrRoot(returnUrl))}");
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserPrincipal.Create(user));
        logger.LogInformation("{UserName} signed in as {Role}", user.UserName, user.Role);
        return TypedResults.Redirect(LocalOrRoot(returnUrl));
    }

    private static async Task<RedirectHttpResult> LogOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/login");
    }

    private static bool Verify(PasswordHasher<UserAccount> hasher, UserAccount user, string password)
        => hasher.VerifyHashedPassword(user, user.PasswordHash, password) is PasswordVerificationResult.Success
            or PasswordVerificationResult.SuccessRehashNeeded;

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
