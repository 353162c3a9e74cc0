using System.Text.RegularExpressions;
using Hotline.Tests.Web;
using Microsoft.Playwright;

namespace Hotline.Tests.Browser;

/// <summary>
/// The wallboard in a real Chromium against the real app on Kestrel. The app runs on a test clock (10:00 in
/// Shanghai, the demo morning already simulated); the test moves the clock and watches the board follow.
/// </summary>
public sealed class WallboardBrowserTests(ChromiumFixture chromium, LiveServerFixture server)
    : IClassFixture<ChromiumFixture>, IClassFixture<LiveServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_signs_in_opens_the_wallboard_and_sees_the_numbers_change()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/login?returnUrl=%2Fwallboard");
        await page.FillAsync("#userName", "supervisor01");
        await page.FillAsync("#password", Accounts.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/wallboard$"));

        var offered = page.Locator("[data-tile=offered] .wb-tile__value");
        await Assertions.Expect(offered).ToHaveTextAsync(new Regex(@"^\d[\d,]*$"));
        var before = ParseCount(await offered.TextContentAsync());
        await Assertions.Expect(page.GetByText("今日呼入量")).ToBeVisibleAsync();

        // Move the switch's clock a minute at a time (a short real pause lets the app consume each step)
        // until the board shows more calls; 30 simulated minutes of a 10 o'clock peak always bring some.
        var after = before;
        for (var minute = 0; minute < 30 && after == before; minute++)
        {
            server.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(200, Ct);
            after = ParseCount(await offered.TextContentAsync());
        }

        Assert.True(after > before, $"offered went from {before} to {after}");
        Assert.True(after > 100, $"the board holds the demo morning and the next minutes ({after} calls)");
        await Assertions.Expect(page.Locator(".wallboard")).ToHaveAttributeAsync("data-stale", "false");

        var file = Path.Combine(ArtifactsFolder(), "wallboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        Assert.True(new FileInfo(file).Length > 10_000, "the screenshot holds a rendered board");
    }

    [Fact]
    public async Task The_wallboard_opens_with_the_device_token_and_refuses_without_it()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/wallboard?token={HotlineAppFactory.DeviceToken}");
        await Assertions.Expect(page.Locator("[data-tile=offered]")).ToBeVisibleAsync();

        var anonymous = await context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address.ToString() });
        var other = await anonymous.NewPageAsync();
        var refused = await other.GotoAsync("/wallboard?token=wrong-token");
        Assert.Equal(401, refused!.Status);
        await Assertions.Expect(other.GetByText("大屏令牌无效或已停用")).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("[data-tile=offered]")).ToHaveCountAsync(0);
        await anonymous.DisposeAsync();
    }

    private static int ParseCount(string? text) => int.Parse((text ?? "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>artifacts/ at the repository root (ignored by git): screenshots for people to look at.</summary>
    private static string ArtifactsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hotline.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
