using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Hotline.Core.Callbacks;
using Hotline.Core.Calls;
using Hotline.Core.Security;
using Hotline.Telephony;
using Hotline.Tests.Ivr;
using Hotline.Tests.TicketsWeb;
using Hotline.Web.Components.Pages.Callbacks;
using Hotline.Web.Hubs;
using Hotline.Web.Live;
using Hotline.Web.Security;
using Hotline.Tests.Components;
using Hotline.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Tests.Callbacks;

/// <summary>The BackOffice callback worklist on the real stores (temporary SQLite) with a switch that records originates.</summary>
public sealed class CallbacksPageTests : TicketComponentTestBase
{
    private readonly FakeDialplanSwitch _switch = new();
    private readonly BunitAuthorizationContext _auth;
    private readonly LiveFeed _feed = new(new RecordingHubContext(), new LiveHubConnections(), NullLogger<LiveFeed>.Instance);

    public CallbacksPageTests()
    {
        Services.AddSingleton<ITelephony>(_switch);
        Services.AddSingleton<CallbackStore>();
        Services.AddSingleton(_feed);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        _auth = AddAuthorization();
        _auth.SetAuthorized("backoffice01");
        _auth.SetRoles(Roles.BackOffice);
        _auth.SetClaims(new Claim(HotlineClaims.AgentId, "B001"), new Claim(HotlineClaims.Extension, "8101"));
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var now = Time.GetUtcNow();
        await new CallStore(Connections).SaveAsync([], [], [
            new CallbackRequest("late", "13900000002", "12345", now.AddMinutes(-5), now.AddMinutes(-4)),
            new CallbackRequest("early", "13900000001", "12345", now.AddMinutes(-20), now.AddMinutes(-18)),
        ], Ct);
    }

    private IRenderedComponent<CallbacksPage> RenderPage()
    {
        var cut = Render<CallbacksPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr[data-callback]").Count));
        return cut;
    }

    [Fact]
    public void The_oldest_request_comes_first_with_its_waiting_time_and_a_masked_number()
    {
        var cut = RenderPage();

        var rows = cut.FindAll("tr[data-callback]");
        Assert.Equal(["early", "late"], rows.Select(r => r.GetAttribute("data-callback")));
        Assert.Equal("139****0001", rows[0].QuerySelector("[data-part='number']")!.TextContent);
        Assert.Equal("20 分 0 秒", rows[0].QuerySelector("[data-part='waiting']")!.TextContent);
        Assert.DoesNotContain("13900000001", cut.Markup);
    }

    [Fact]
    public async Task Calling_back_rings_the_users_extension_counts_the_attempt_and_done_closes_the_request()
    {
        var cut = RenderPage();

        cut.Find("tr[data-callback='early'] [data-action='call']").Click();

        cut.WaitForAssertion(() => Assert.Equal("1 次", cut.Find("tr[data-callback='early'] [data-part='attempts']").TextContent));
        Assert.Equal(("B001", "8101", "13900000001"), Assert.Single(_switch.Originated));
        Assert.Contains("正在呼叫您的分机 8101", cut.Find("[data-part='message']").TextContent);

        cut.Find("tr[data-callback='early'] [data-action='done']").Click();

        cut.WaitForAssertion(() => Assert.Equal("已联系", cut.Find("tr[data-closed='early'] [data-part='status']").TextContent));
        Assert.Single(cut.FindAll("tr[data-callback]"));
        var early = await Services.GetRequiredService<CallbackStore>().FindAsync("early", Ct);
        Assert.Equal((CallbackStatus.Done, 1, "out-1", "backoffice01"), (early!.Status, early.Attempts, early.LastCallId, early.ClosedBy));
    }

    [Fact]
    public async Task A_request_left_while_the_page_is_open_appears_without_a_refresh()
    {
        await _feed.PublishAsync(TestSnapshots.Create(today: TestSnapshots.Kpis() with { CallbacksRequested = 2 }, generatedAt: Time.GetUtcNow()));
        var cut = RenderPage();
        var now = Time.GetUtcNow();
        await new CallStore(Connections).SaveAsync([], [], [new CallbackRequest("new", "13900000003", "12345", now.AddMinutes(-2), now)], Ct);

        await _feed.PublishAsync(TestSnapshots.Create(today: TestSnapshots.Kpis() with { CallbacksRequested = 3 }, generatedAt: now));
        Time.Advance(TimeSpan.FromSeconds(1));
        await _feed.PublishAsync(TestSnapshots.Create(today: TestSnapshots.Kpis() with { CallbacksRequested = 3 }, generatedAt: Time.GetUtcNow()));

        cut.WaitForAssertion(() => Assert.Equal(["early", "late", "new"], cut.FindAll("tr[data-callback]").Select(r => r.GetAttribute("data-callback"))));
        Assert.Equal("3", cut.Find("[data-part='pending-count']").TextContent);
    }

    [Fact]
    public void A_user_without_an_extension_is_told_so_and_nothing_is_dialled()
    {
        _auth.SetClaims();
        var cut = RenderPage();

        cut.Find("tr[data-callback='early'] [data-action='call']").Click();

        cut.WaitForAssertion(() => Assert.Contains("您的账号没有绑定坐席工号和分机", cut.Find("[data-part='message']").TextContent));
        Assert.Empty(_switch.Originated);
    }
}
