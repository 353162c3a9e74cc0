using Bunit;
using Hotline.Core;
using Hotline.Core.Data;
using Hotline.Core.Departments;
using Hotline.Core.Security;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Web.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Hotline.Tests.TicketsWeb;

/// <summary>
/// bunit with the real ticket services on a temporary SQLite file holding the demo departments, categories and
/// a few tickets, on a test clock (Friday 2026-11-27 10:00 in Shanghai).
/// </summary>
public abstract class TicketComponentTestBase : BunitContext, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hotline-tests", Guid.NewGuid().ToString("N"));

    protected TicketComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Directory.CreateDirectory(_folder);
        Connections = new ConnectionFactory(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(_folder, "hotline.db")}" });
        var options = new HotlineOptions();
        var ticketOptions = new TicketOptions();
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(options);
        Services.AddSingleton(ticketOptions);
        Services.AddSingleton(Connections);
        Services.AddSingleton<CalendarStore>();
        Services.AddSingleton<TicketService>();
        Services.AddSingleton<TicketDraftStore>();
        Services.AddSingleton<DepartmentStore>();
        Services.AddSingleton<CategoryStore>();
        Services.AddSingleton<StreetStore>();
        Services.AddSingleton<TicketLookups>();
        Services.AddSingleton<TicketFormat>();
        Services.AddSingleton<EmergencyAlerts>();
        Services.AddSingleton<Hotline.Core.Recordings.RecordingStore>();
        Services.AddSingleton<Hotline.Core.Audit.AuditLog>();
        Services.AddHttpContextAccessor();
        Services.AddSingleton<Hotline.Web.Security.RecentAuditRows>();
        Services.AddScoped<Hotline.Web.Security.AuditTrail>();
    }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    protected ConnectionFactory Connections { get; }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected static Actor Agent { get; } = new("agent01", Roles.Agent, null, "话务员01");

    protected static Actor BackOffice { get; } = new("backoffice01", Roles.BackOffice, null, "后台处理01");

    protected static Actor Official { get; } = new("official01", Roles.Official, null, "信访局01");

    protected TicketService Tickets => Services.GetRequiredService<TicketService>();

    protected TicketDraftStore Drafts => Services.GetRequiredService<TicketDraftStore>();

    /// <summary>After the derived class added its services (setting the renderer info locks the container).</summary>
    public virtual async ValueTask InitializeAsync()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await new Migrator(Connections).MigrateAsync();
        await DemoTicketData.SeedAsync(Connections, Tickets, Time, 10);
        Render<MudPopoverProvider>();
    }

    protected async Task<Category> LeafCategoryAsync()
    {
        var all = await Services.GetRequiredService<CategoryStore>().ListAsync();
        return all.First(c => all.All(other => other.ParentId != c.Id));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
