using Bunit;
using Bunit.TestDoubles;
using Hotline.Core;
using Hotline.Core.Assessment;
using Hotline.Core.Assessment.Storage;
using Hotline.Core.Audit;
using Hotline.Core.Calls;
using Hotline.Core.Data;
using Hotline.Core.Security;
using Hotline.Core.Tickets.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Hotline.Tests.AssessmentWeb;

/// <summary>bunit with the real assessment services on a temporary SQLite file, on a test clock (2026-11-27 10:00 in Shanghai).</summary>
public abstract class AssessmentComponentTestBase : BunitContext, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hotline-tests", Guid.NewGuid().ToString("N"));

    protected AssessmentComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Directory.CreateDirectory(_folder);
        Connections = new ConnectionFactory(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(_folder, "hotline.db")}" });
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(new HotlineOptions());
        Services.AddSingleton(new AssessmentOptions { QualitySampleShare = 1 });
        Services.AddSingleton(Connections);
        Services.AddSingleton<CalendarStore>();
        Services.AddSingleton<UserStore>();
        Services.AddSingleton<CallStore>();
        Services.AddSingleton<AuditLog>();
        Services.AddHttpContextAccessor();
        Services.AddSingleton<Hotline.Web.Security.RecentAuditRows>();
        Services.AddScoped<Hotline.Web.Security.AuditTrail>();
        Services.AddSingleton<AssessmentSource>();
        Services.AddSingleton<AssessmentStore>();
        Services.AddSingleton<RosterStore>();
        Services.AddSingleton<StaffStore>();
        Services.AddSingleton<ComplaintStore>();
        Services.AddSingleton<QualityReviewStore>();
        Services.AddSingleton<AssessmentService>();
        Services.AddSingleton<QualityService>();
        Auth = AddAuthorization();
    }

    /// <summary>Sign someone in with <c>SetAuthorized</c> and <c>SetRoles</c> before rendering.</summary>
    protected BunitAuthorizationContext Auth { get; }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    protected ConnectionFactory Connections { get; }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await new Migrator(Connections).MigrateAsync();
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
