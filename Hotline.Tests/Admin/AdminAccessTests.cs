using System.Net;
using Hotline.Tests.TicketsWeb;
using Hotline.Tests.Web;

namespace Hotline.Tests.Admin;

/// <summary>The admin pages on the real server: admins get them, every other role is sent to the access-denied page.</summary>
public sealed class AdminAccessTests(TicketsServerFixture server) : IClassFixture<TicketsServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("supervisor01", "/admin/api-keys")]
    [InlineData("backoffice01", "/admin/calendar")]
    [InlineData("official01", "/admin/api-keys")]
    [InlineData("agent01", "/admin/calendar")]
    [InlineData("department01", "/admin/api-keys")]
    [InlineData("backoffice01", "/admin/ivr")]
    [InlineData("supervisor01", "/admin/ivr")]
    public async Task A_non_admin_is_refused_the_admin_pages(string user, string page)
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, user);

        using var response = await browser.GetAsync(page, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_the_sign_in_page()
    {
        using var browser = server.Browser();

        using var response = await browser.GetAsync("/admin/api-keys", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/admin/api-keys", "签发新密钥")]
    [InlineData("/admin/calendar", "工作日历")]
    [InlineData("/admin/ivr", "语音导航菜单")]
    public async Task An_admin_opens_the_admin_pages(string page, string heading)
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "admin01");

        using var response = await browser.GetAsync(page, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(heading, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task The_home_page_links_an_admin_to_the_admin_pages()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "admin01");

        var html = await browser.GetStringAsync("/", Ct);

        Assert.Contains("href=\"/admin/api-keys\"", html);
        Assert.Contains("href=\"/admin/calendar\"", html);
    }
}
