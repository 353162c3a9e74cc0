using System.Net;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Web;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Tests.Security;

/// <summary>The sign-in form and the machine API are rate limited per client: 429 with a Chinese message.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_a_chinese_page()
    {
        await using var app = OwnServer.Create(new() { ["Hotline:Security:SignInPermitsPerMinute"] = "3" });
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await Accounts.PostLoginAsync(browser, "admin01", "wrong");
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await Accounts.PostLoginAsync(browser, "admin01", Accounts.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("请求过于频繁，请稍后再试", await refused.Content.ReadAsStringAsync(Ct));
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Machine_calls_beyond_the_limit_get_429_with_a_chinese_problem()
    {
        await using var app = OwnServer.Create(new() { ["Hotline:Security:MachinePermitsPerMinute"] = "2" });
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", DemoTicketData.BackOfficeApiKey);
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await api.GetAsync("/api/tickets", Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await api.GetAsync("/api/tickets", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("请求过于频繁", System.Text.RegularExpressions.Regex.Unescape(await refused.Content.ReadAsStringAsync(Ct)));
    }
}
