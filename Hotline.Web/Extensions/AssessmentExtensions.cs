using Hotline.Core.Assessment;
using Hotline.Core.Assessment.Storage;
using Hotline.Web.Apis;
using Hotline.Web.Assessment;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Extensions;

public static class AssessmentExtensions
{
    /// <summary>The monthly assessment: settings, stores, the service, the raw exports and the demo month.</summary>
    public static WebApplicationBuilder AddHotlineAssessment(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.Section)
            .Validate(o => o.Validate().Count == 0, "Hotline:Assessment settings are invalid.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AssessmentOptions>>().Value);
        services.AddSingleton<AssessmentSource>();
        services.AddSingleton<AssessmentStore>();
        services.AddSingleton<RosterStore>();
        services.AddSingleton<StaffStore>();
        services.AddSingleton<ComplaintStore>();
        services.AddSingleton<QualityReviewStore>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<OperationReportService>();
        services.AddSingleton<QualityService>();
        services.AddSingleton<RawExport>();
        services.AddSingleton<AssessmentDemoInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<AssessmentDemoInitializer>());
        return builder;
    }

    public static WebApplication MapHotlineAssessment(this WebApplication app)
    {
        app.MapAssessmentApi();
        app.MapOperationReportsApi();
        return app;
    }
}
