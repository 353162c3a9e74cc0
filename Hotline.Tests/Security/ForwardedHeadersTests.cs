using System.Net;
using Hotline.Core.Audit;
using Hotline.Tests.Web;

namespace Hotline.Tests.Security;

/// <summary>A server behind a known proxy (the loopback the tests connect from): it only allows sign-in twice a minute per client.</summary>
public sealed class ProxiedServerFixture() : RealServerFixture(new Dictionary<string, string?>
{
    ["Hotline:Telephony:Simulation:LoadFactor"] = "0.1",
    ["Hotline:Demo:TicketCount"] = "3",
    ["Hotline:Security:KnownProxies"] = "127.0.0.1, ::1",
    ["Hotline:Security:SignInPermitsPerMinute"] = "2",
});

/// <summary>Behind a configured proxy the client address comes from X-Forwarded-For; without one the header is ignored.</summary>
public sealed class ForwardedHeadersTests(ProxiedServerFixture proxied, SecurityServerFixture direct)
    : IClassFixture<ProxiedServerFixture>, IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task FailSignInAsync(RealServerFixture server, string userName, string clientAddress, HttpStatusCode expected = HttpStatusCode.Redirect)
    {
        using var browser = server.Browser();
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        using var response = await Accounts.PostLoginAsync(browser, userName, "wrong-password-1A!");
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_audit_records_the_forwarded_client_address()
    {
        var name = "nobody-" + Guid.NewGuid().ToString("N")[..8];

        await FailSignInAsync(proxied, name, "203.0.113.7");

        var row = Assert.Single(await SecurityTestKit.AuditRowsAsync(proxied, AuditActions.SignInFailed), r => r.Target == name || r.Actor == name);
        Assert.Equal("203.0.113.7", row.Address);
    }

    [Fact]
    public async Task Behind_a_known_proxy_rate_limits_count_each_forwarded_client_separately()
    {
        var name = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        await FailSignInAsync(proxied, name, "198.51.100.1");
        await FailSignInAsync(proxied, name, "198.51.100.1");

        await FailSignInAsync(proxied, name, "198.51.100.1", HttpStatusCode.TooManyRequests);
        await FailSignInAsync(proxied, name, "198.51.100.2");
    }

    [Fact]
    public async Task Without_known_proxies_a_forwarded_address_is_ignored()
    {
        var name = "nobody-" + Guid.NewGuid().ToString("N")[..8];

        await FailSignInAsync(direct, name, "203.0.113.9");

        var row = Assert.Single(await SecurityTestKit.AuditRowsAsync(direct, AuditActions.SignInFailed), r => r.Target == name || r.Actor == name);
        Assert.NotEqual("203.0.113.9", row.Address);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(row.Address!)));
    }
}
