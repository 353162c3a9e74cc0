using Hotline.Core.Departments;
using Hotline.Core.Security;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Web.Apis;
using Hotline.Web.Tickets;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Extensions;

public static class TicketsExtensions
{
    /// <summary>Ticket settings, storage, the emergency alerts, the demo tickets and keys, and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddHotlineTickets(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TicketOptions>().BindConfiguration(TicketOptions.Section)
            .Validate(o => !o.Validate().Any(), "Hotline:Tickets settings are invalid.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TicketOptions>>().Value);
        services.AddSingleton<CalendarStore>();
        services.AddSingleton<TicketService>();
        services.AddSingleton<TicketDraftStore>();
        services.AddSingleton<DepartmentStore>();
        services.AddSingleton<CategoryStore>();
        services.AddSingleton<StreetStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<TicketLookups>();
        services.AddSingleton<TicketFormat>();
        services.AddSingleton<EmergencyAlerts>();
        services.AddSingleton<TicketIndexMaintenance>();

        // Runs after DatabaseInitializer (registered first): the tables exist by then.
        services.AddHostedService<TicketsInitializer>();
        services.AddHostedService<TicketIndexMaintenanceService>();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        return builder;
    }

    public static WebApplication MapHotlineTickets(this WebApplication app)
    {
        app.MapTicketsApi();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
