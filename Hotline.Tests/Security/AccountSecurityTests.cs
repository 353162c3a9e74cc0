using System.Net;
using Hotline.Core.Audit;
using Hotline.Core.Security;
using Hotline.Tests.Web;
using Hotline.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Security;

/// <summary>Sign-in on the real server: lockout, forged and replayed cookies, sign-out everywhere, idle expiry, audit rows.</summary>
public sealed class AccountSecurityTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/", Ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task The_account_locks_after_the_set_number_of_failures_and_the_lockout_is_audited()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.BackOffice);
        using var browser = server.Browser();

        for (var i = 1; i <= 3; i++)
        {
            using var failed = await Accounts.PostLoginAsync(browser, user.UserName, "wrong-password-" + i);
            Assert.Contains(i < 3 ? "error=1" : "error=locked", failed.Headers.Location!.OriginalString);
        }

        using var rightButLocked = await Accounts.PostLoginAsync(browser, user.UserName, SecurityTestKit.Password);
        Assert.Contains("error=locked", rightButLocked.Headers.Location!.OriginalString);
        Assert.False(await IsSignedInAsync(browser));
        Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.Lockout, user.UserName));
        var failures = await SecurityTestKit.AuditRowsAsync(server, AuditActions.SignInFailed, user.UserName);
        Assert.Equal(4, failures.Count);
        Assert.All(failures, row => Assert.Equal("127.0.0.1", row.Address));
        Assert.Contains("账户已暂时锁定", WebUtility.HtmlDecode(await browser.GetStringAsync(rightButLocked.Headers.Location, Ct)));
    }

    [Fact]
    public async Task An_unknown_user_name_is_answered_and_locked_exactly_like_an_account_so_guessing_tells_nothing()
    {
        var name = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        using var browser = server.Browser();

        var answers = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            using var failed = await Accounts.PostLoginAsync(browser, name, "wrong-password-" + i);
            answers.Add(failed.Headers.Location!.OriginalString.Contains("error=locked", StringComparison.Ordinal) ? "locked" : "failed");
        }

        Assert.Equal(["failed", "failed", "locked", "locked"], answers);
        Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.Lockout, name));
        server.Time.Advance(TimeSpan.FromMinutes(10));
        using var later = await Accounts.PostLoginAsync(browser, name, "again");
        Assert.Contains("error=1", later.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_locked_account_opens_again_after_the_lockout_time()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.Official);
        using var browser = server.Browser();
        for (var i = 0; i < 3; i++)
        {
            (await Accounts.PostLoginAsync(browser, user.UserName, "nope")).Dispose();
        }

        server.Time.Advance(TimeSpan.FromMinutes(10));

        using var signedIn = await SecurityTestKit.SignedInAsync(server, user.UserName);
        Assert.True(await IsSignedInAsync(signedIn));
    }

    [Fact]
    public async Task Sign_in_success_and_failure_are_audited_with_the_address()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.Supervisor);
        using var browser = server.Browser();
        (await Accounts.PostLoginAsync(browser, user.UserName, "bad")).Dispose();
        (await Accounts.PostLoginAsync(browser, "nobody-" + Guid.NewGuid().ToString("N")[..6], "bad")).Dispose();
        using var signedIn = await SecurityTestKit.SignedInAsync(server, user.UserName);

        var success = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.SignIn, user.UserName));
        Assert.Equal((user.UserName, Roles.Supervisor, "127.0.0.1"), (success.Actor, success.Role, success.Address));
        var failure = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.SignInFailed, user.UserName));
        Assert.Equal("wrong password", failure.Detail);
    }

    [Fact]
    public async Task A_forged_cookie_is_treated_as_signed_out()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tickets");
        request.Headers.Add("Cookie", "hotline.auth=CfDJ8" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('='));

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_tampered_cookie_is_treated_as_signed_out()
    {
        var (browser, cookie) = await SecurityTestKit.SignedInWithCookieAsync(server, (await SecurityTestKit.NewUserAsync(server, Roles.Admin)).UserName);
        using var _ = browser;
        var tampered = cookie[..^6] + (cookie[^6] == 'A' ? 'B' : 'A') + cookie[^5..];

        Assert.True(await WithCookieSignedInAsync(cookie));
        Assert.False(await WithCookieSignedInAsync(tampered));
    }

    [Fact]
    public async Task A_cookie_kept_from_before_sign_out_is_refused_afterwards()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.BackOffice);
        var (browser, kept) = await SecurityTestKit.SignedInWithCookieAsync(server, user.UserName);
        using var _ = browser;
        Assert.True(await WithCookieSignedInAsync(kept));

        await Accounts.PostLogoutAsync(browser);

        Assert.False(await WithCookieSignedInAsync(kept));
        Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.SignOut, user.UserName));
    }

    [Fact]
    public async Task Sign_out_takes_only_a_post_with_the_antiforgery_token()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.BackOffice);
        var (browser, _) = await SecurityTestKit.SignedInWithCookieAsync(server, user.UserName);
        using var __ = browser;

        using var get = await browser.GetAsync("/logout", Ct);
        using var forged = await browser.PostAsync("/logout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await IsSignedInAsync(browser));
        Assert.Empty(await SecurityTestKit.AuditRowsAsync(server, AuditActions.SignOut, user.UserName));
    }

    [Fact]
    public async Task Disabling_a_user_signs_them_out_everywhere_and_is_audited()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.BackOffice);
        using var first = await SecurityTestKit.SignedInAsync(server, user.UserName);
        using var second = await SecurityTestKit.SignedInAsync(server, user.UserName);
        await using var scope = server.Factory.Services.CreateAsyncScope();

        var error = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetDisabledAsync(user.UserName, true, SecurityTestKit.Admin(), Ct);

        Assert.Null(error);
        Assert.False(await IsSignedInAsync(first));
        Assert.False(await IsSignedInAsync(second));
        var row = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.UserChanged, user.UserName));
        Assert.Equal(("admin01", "disabled"), (row.Actor, row.Detail));
        using var again = server.Browser();
        using var refused = await Accounts.PostLoginAsync(again, user.UserName, SecurityTestKit.Password);
        Assert.Contains("error=1", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Changing_the_role_ends_the_users_sessions_and_is_audited()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.Supervisor);
        using var browser = await SecurityTestKit.SignedInAsync(server, user.UserName);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/supervisor", Ct)).StatusCode);
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        Assert.Null(await administration.SetRoleAsync(user.UserName, Roles.Official, null, SecurityTestKit.Admin(), Ct));

        using var response = await browser.GetAsync("/supervisor", Ct);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
        var row = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.RoleChanged, user.UserName));
        Assert.Equal("Supervisor -> Official", row.Detail);
    }

    [Fact]
    public async Task A_session_ends_after_the_idle_time()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.Official);
        using var browser = await SecurityTestKit.SignedInAsync(server, user.UserName);
        Assert.True(await IsSignedInAsync(browser));

        server.Time.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Stored_passwords_are_aspnet_identity_hashes_never_the_password()
    {
        var users = await server.Service<UserStore>().ListAsync(Ct);

        Assert.NotEmpty(users);
        Assert.All(users, u =>
        {
            Assert.StartsWith("AQAAAA", u.PasswordHash); // PasswordHasher V3 format marker (0x01) in base64
            Assert.DoesNotContain(Accounts.DemoPassword, u.PasswordHash);
        });
    }

    private async Task<bool> WithCookieSignedInAsync(string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "hotline.auth=" + cookie);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
