using System.Net;
using System.Text.RegularExpressions;

namespace Hotline.Tests.Web;

/// <summary>Signs in through the real /login form, antiforgery token included.</summary>
internal static partial class Accounts
{
    public const string DemoPassword = "Demo@12345";

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string userName, string password, string? returnUrl = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.GetStringAsync("/login", ct);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the login page carries an antiforgery token");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? "",
        };
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(form), ct);
    }

    public static async Task SignInAsync(HttpClient browser, string userName)
    {
        using var response = await PostLoginAsync(browser, userName, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("error", response.Headers.Location!.OriginalString);
    }

    /// <summary>Signs out as the page's 退出 button does: a POST with the token the signed-in page carries.</summary>
    public static async Task PostLogoutAsync(HttpClient browser)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.GetStringAsync("/", ct);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the signed-in page carries the sign-out form's antiforgery token");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var response = await browser.PostAsync("/logout", new FormUrlEncodedContent(form), ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
