using System.Net;
using System.Text.RegularExpressions;
using Hotline.Tests.Web;

namespace Hotline.Tests.Security;

/// <summary>Security headers, antiforgery on the sign-in form, and the anonymous pages' answers on the real server.</summary>
public sealed partial class HardeningTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/login")]
    [InlineData("/api/tickets")]
    [InlineData("/tickets")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var browser = server.Browser();

        using var response = await browser.GetAsync(path, Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_inline_import_map_carries_the_nonce_of_its_own_response()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "official01");

        using var response = await browser.GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var nonce = Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html);
        Assert.Single(InlineScript().Matches(html)); // the import map is the only inline script
    }

    [Fact]
    public async Task The_sign_in_form_is_refused_without_its_antiforgery_token()
    {
        using var browser = server.Browser();

        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin01",
            ["password"] = Accounts.DemoPassword,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("hotline.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        using var browser = server.Browser();

        using var response = await Accounts.PostLoginAsync(browser, "official01", Accounts.DemoPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hotline.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
