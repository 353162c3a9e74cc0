using Hotline.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Extensions;

public static class AuthExtensions
{
    private const string SelectorScheme = "Hotline";

    /// <summary>
    /// Cookie sign-in for people and the device-token scheme for wallboards; a selector picks the token
    /// scheme whenever a request presents a token, so each endpoint needs only its role policy.
    /// </summary>
    public static WebApplicationBuilder AddHotlineAuth(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Cookie, API key or device token", o => o.ForwardDefaultSelector = context =>
                ApiKeyHandler.Applies(context.Request) ? ApiKeyHandler.SchemeName
                : DeviceTokenHandler.TokenOf(context.Request) is null ? CookieAuthenticationDefaults.AuthenticationScheme
                : DeviceTokenHandler.SchemeName)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/access-denied";
                o.Cookie.Name = "hotline.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Idle expiry: the cookie lives Hotline:Security:IdleTimeoutMinutes past the last request (set below).
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
                // Machines calling the API or hub get status codes, not a redirect to the sign-in page.
                o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, DeviceTokenHandler>(DeviceTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);

        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((o, security) => o.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.IdleTimeoutMinutes));

        builder.Services.AddAuthorization(HotlinePolicies.Add);
        builder.Services.AddCascadingAuthenticationState();
        // Open pages re-check their user's session (disabled, role changed, signed out) while they stay open.
        builder.Services.AddScoped<AuthenticationStateProvider, HotlineAuthenticationStateProvider>();
        // Activity on an open page keeps its sign-in alive for the idle check.
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, SessionActivityCircuitHandler>();
        return builder;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
