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

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
