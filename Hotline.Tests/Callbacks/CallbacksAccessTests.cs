using System.Net;
using Hotline.Tests.TicketsWeb;
using Hotline.Tests.Web;

namespace Hotline.Tests.Callbacks;

/// <summary>/callbacks on the real server: back office and supervisors open it, other roles are refused.</summary>
public sealed class CallbacksAccessTests(TicketsServerFixture server) : IClassFixture<TicketsServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("agent01")]
    [InlineData("department01")]
    [InlineData("official01")]
    [InlineData("admin01")]
    public async Task Other_roles_are_refused_the_callback_worklist(string user)
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, user);

        using var response = await browser.GetAsync("/callbacks", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("backoffice01")]
    [InlineData("supervisor01")]
    public async Task Back_office_and_supervisors_open_the_callback_worklist(string user)
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, user);

        using var response = await browser.GetAsync("/callbacks", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("回呼工作台", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }
}
