using Hotline.Web.Configuration;
using Hotline.Web.Hubs;
using Hotline.Web.Live;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;

namespace Hotline.Web.Extensions;

public static class LiveExtensions
{
    /// <summary>The ingest of switch events, the coalescing feed, the hub and the wallboard settings.</summary>
    public static WebApplicationBuilder AddHotlineLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WallboardOptions>().BindConfiguration(WallboardOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WallboardOptions>, WallboardOptionsValidator>();

        services.AddSingleton<LiveProjection>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<LiveHubConnections>();
        services.AddSingleton<TelephonyIngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<TelephonyIngestService>());
        services.AddHostedService<LivePublisherService>();
        services.AddHostedService<LiveHubSessionCheck>();

        // Enums as names in every JSON the product sends (API and hub): "state": "OnCall".
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }
}
