using Hotline.Core;
using Hotline.Core.Calls;
using Hotline.Core.Data;
using Hotline.Core.Live;
using Hotline.Core.Security;
using Hotline.Web.Configuration;
using Hotline.Web.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Extensions;

public static class CoreExtensions
{
    /// <summary>KPI settings, the database (migrated at start, demo users loaded) and the stores.</summary>
    public static WebApplicationBuilder AddHotlineCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<HotlineOptions>().BindConfiguration(HotlineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HotlineOptions>, HotlineOptionsValidator>();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString("Hotline") ?? options.ConnectionString)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // Demo data by default only in Development (`dotnet run` uses Properties/launchSettings.json); a setting overrides.
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<DemoOptions>().Configure(o => o.Enabled = development).BindConfiguration(DemoOptions.Section);

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HotlineOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<CallStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<Hotline.Core.Audit.AuditLog>();
        services.AddSingleton<PasswordHasher<UserAccount>>();
        services.AddSingleton<LiveState>();
        services.AddSingleton<CallRecorder>();
        services.AddSingleton<Hotline.Core.Callbacks.CallbackStore>();
        services.AddSingleton<Hotline.Core.Ivr.IvrMenuStore>();
        services.AddSingleton<Hotline.Web.Ivr.IvrPublisher>();
        services.AddSingleton<Hotline.Web.Ivr.IvrMenuCache>();

        // First hosted service: everything after it may read the database.
        services.AddHostedService<DatabaseInitializer>();
        return builder;
    }
}
