using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Hotline.Core.Audit;
using Hotline.Core.Ivr;
using Hotline.Core.Recordings;
using Hotline.Core.Security;
using Hotline.Telephony;
using Hotline.Tests.Components;
using Hotline.Tests.Ivr;
using Hotline.Tests.TicketsWeb;
using Hotline.Tests.Web;
using Hotline.Web.Components.Pages.Supervisor;
using Hotline.Web.Configuration;
using Hotline.Web.Hubs;
using Hotline.Web.Ivr;
using Hotline.Web.Live;
using Hotline.Web.Recordings;
using Hotline.Web.Security;
using Hotline.Web.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Hotline.Tests.Components;

/// <summary>Listen / whisper / barge from the supervisor's seat table: the switch rings the supervisor's extension, and it is audited.</summary>
public sealed class SupervisorMonitorTests : TicketComponentTestBase
{
    private readonly FakeDialplanSwitch _switch = new();
    private readonly LiveFeed _feed = new(new RecordingHubContext(), new LiveHubConnections(), NullLogger<LiveFeed>.Instance);
    private readonly BunitAuthorizationContext _auth;

    public SupervisorMonitorTests()
    {
        var telephony = new TelephonyOptions();
        var files = new RecordingFiles(Options.Create(telephony), Options.Create(new RecordingOptions()));
        Services.AddSingleton<ITelephony>(_switch);
        Services.AddSingleton(_feed);
        Services.AddSingleton<IvrMenuStore>();
        Services.AddSingleton<IvrMenuCache>();
        Services.AddSingleton(Options.Create(new WallboardOptions()));
        Services.AddSingleton(new AriNodeMonitor(Options.Create(telephony), files, Time, NullLogger<AriNodeMonitor>.Instance));
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        _auth = AddAuthorization();
        _auth.SetAuthorized("supervisor01");
        _auth.SetRoles(Roles.Supervisor);
        _auth.SetClaims(new Claim(HotlineClaims.Extension, "8201"));
    }

    private async Task<IRenderedComponent<SupervisorPage>> RenderWithACallAsync()
    {
        var onCall = TestSnapshots.Seat("A001", SeatState.OnCall, caller: "13812341234");
        await _feed.PublishAsync(TestSnapshots.Create(seats: [onCall, TestSnapshots.Seat("A002", SeatState.Ready)], generatedAt: Time.GetUtcNow()));
        var cut = Render<SupervisorPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-agent='A001'] [data-action='listen']")));
        return cut;
    }

    [Theory]
    [InlineData("listen", MonitorMode.Listen, "监听")]
    [InlineData("whisper", MonitorMode.Whisper, "耳语")]
    [InlineData("barge", MonitorMode.Barge, "强插")]
    public async Task Monitoring_a_call_rings_the_supervisors_extension_and_is_audited(string action, MonitorMode mode, string text)
    {
        var cut = await RenderWithACallAsync();

        cut.Find($"[data-agent='A001'] [data-action='{action}']").Click();

        cut.WaitForAssertion(() => Assert.Equal(("8201", "A001", mode), Assert.Single(_switch.Monitored)));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, b => b.Message == $"正在呼叫您的分机 8201，接听后{text} 话务员A001 的通话");
        var (rows, _) = await Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.CallMonitored), Ct);
        var row = Assert.Single(rows);
        Assert.Equal(("supervisor01", "A001", $"{text} 话务员A001（A001）的通话 C-A001，分机 8201"), (row.Actor, row.Target, row.Detail));
        Assert.Empty(cut.FindAll("[data-agent='A002'] [data-action='listen']")); // a seat without a call offers none
    }

    [Fact]
    public async Task A_supervisor_without_an_extension_is_told_so_and_nothing_is_dialled()
    {
        _auth.SetClaims();
        var cut = await RenderWithACallAsync();

        cut.Find("[data-agent='A001'] [data-action='listen']").Click();

        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, b => b.Message?.Contains("您的账号没有绑定分机", StringComparison.Ordinal) == true));
        Assert.Empty(_switch.Monitored);
        Assert.Equal(0, (await Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.CallMonitored), Ct)).Total);
    }
}
