using Hotline.Core.Security;
using Hotline.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Extensions;

public static class SecurityExtensions
{
    /// <summary>Security settings, sign-in and sessions, the audit trail for pages, rate limits and HSTS.</summary>
    public static WebApplicationBuilder AddHotlineSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => !o.Validate().Any(), "Hotline:Security settings are invalid.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SecurityOptions>>().Value);
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<UnknownNameLockout>();
        services.AddHttpContextAccessor();
        services.AddSingleton<RecentAuditRows>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<UserAdministration>();
        services.AddRateLimiter(HotlineRateLimits.Add);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are trusted (not the loopback defaults); no limit, so a chain of them is walked
            // back to the first address that is not a known proxy: the client.
            o.ForwardLimit = null;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in security.Value.ProxyNetworks() ?? [])
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>
    /// Before everything else: the client address from known proxies (when configured), errors without details, security headers, and outside Development HTTPS redirection
    /// and HSTS. After routing: rate limits (they need the endpoint's policy).
    /// </summary>
    public static WebApplication UseHotlineSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.ProxyNetworks() is { Count: > 0 })
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponses.WriteAsync });
        app.UseHotlineSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }
}
