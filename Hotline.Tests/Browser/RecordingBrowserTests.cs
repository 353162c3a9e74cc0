using System.Text.RegularExpressions;
using Hotline.Core.Audit;
using Hotline.Tests.Recordings;
using Hotline.Tests.Web;
using Hotline.Web.Apis;
using Microsoft.Playwright;

namespace Hotline.Tests.Browser;

/// <summary>The recording player on the ticket page, in a real Chromium against the real app (simulated switch's demo recording).</summary>
public sealed class RecordingBrowserTests(ChromiumFixture chromium, RecordingsServerFixture server)
    : IClassFixture<ChromiumFixture>, IClassFixture<RecordingsServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_loads_the_calls_recording_in_the_ticket_pages_player_and_the_playback_is_audited_once()
    {
        var id = await server.RecordingOfAsync("A002");
        var number = await server.TicketForAsync(id);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString("/tickets/" + number)}");
        await page.FillAsync("#userName", "supervisor01");
        await page.FillAsync("#password", Accounts.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex(Regex.Escape(number) + "$"));

        // Once the page is interactive (Blazor replaces the prerendered player), load the recording as a player would.
        await Assertions.Expect(page.Locator("[data-part='recordings']")).ToHaveAttributeAsync("data-interactive", "true");
        var player = page.Locator($"[data-recording='{id}'] audio");
        await Assertions.Expect(player).ToHaveAttributeAsync("src", $"/api/recordings/{id}");
        await player.EvaluateAsync("a => { a.preload = 'auto'; a.load(); }");

        // The demo recording is four seconds: Chromium read it through the range-streaming endpoint.
        await Assertions.Expect(player).ToHaveJSPropertyAsync("readyState", 4, new() { Timeout = 10_000 });
        var duration = await player.EvaluateAsync<double>("a => a.duration");
        Assert.InRange(duration, 3.9, 4.1);
        var audit = await server.Service<AuditLog>().SearchAsync(new AuditQuery(Target: RecordingsApi.Target(id)), Ct);
        Assert.Equal(("supervisor01", AuditActions.RecordingPlayed), (audit.Rows.Single().Actor, audit.Rows.Single().Action));
    }
}
