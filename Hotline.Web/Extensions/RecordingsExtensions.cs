using Hotline.Core.Recordings;
using Hotline.Web.Apis;
using Hotline.Web.Configuration;
using Hotline.Web.Recordings;
using Hotline.Web.Telephony;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Extensions;

public static class RecordingsExtensions
{
    /// <summary>The recordings index and files, the retention job, the demo recording and the nodes' ARI state.</summary>
    public static WebApplicationBuilder AddHotlineRecordings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RecordingOptions>().BindConfiguration(RecordingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecordingOptions>, RecordingOptionsValidator>();
        services.AddSingleton<RecordingStore>();
        services.AddSingleton<RecordingRecorder>();
        services.AddSingleton<RecordingFiles>();
        services.AddHostedService<DemoRecordingInitializer>();
        services.AddSingleton<RecordingRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordingRetentionService>());
        services.AddSingleton<AriNodeMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AriNodeMonitor>());
        return builder;
    }

    public static WebApplication MapHotlineRecordings(this WebApplication app)
    {
        app.MapRecordingsApi();
        app.MapTelephonyApi();
        return app;
    }
}
