using System.Net;
using Hotline.Core.Audit;
using Hotline.Core.Security;
using Hotline.Tests.Web;
using Hotline.Web.Apis;
using Hotline.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Security;

/// <summary>The audit log for admins: search page, CSV export (audited itself), user changes; nothing in the product edits it.</summary>
public sealed class AuditTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_admin_exports_the_matching_rows_as_csv_and_the_export_is_audited()
    {
        var admin = await SecurityTestKit.NewUserAsync(server, Roles.Admin);
        using var browser = await SecurityTestKit.SignedInAsync(server, admin.UserName);

        using var response = await browser.GetAsync($"{AuditApi.ExportPath}?actor={admin.UserName}&from=2026-11-27&to=2026-11-27", Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("编号,时间,用户,角色,地址,操作,对象,详情", lines[0]);
        Assert.Contains(lines, l => l.Contains($",{admin.UserName},Admin,127.0.0.1,登录成功,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",导出,audit_log,", StringComparison.Ordinal));
        var export = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.Export, "audit_log"), r => r.Actor == admin.UserName);
        Assert.Contains($"actor={admin.UserName}", export.Detail);
    }

    [Fact]
    public async Task An_export_on_a_day_with_no_rows_has_only_the_header()
    {
        using var browser = await SecurityTestKit.SignedInAsync(server, (await SecurityTestKit.NewUserAsync(server, Roles.Admin)).UserName);

        var csv = await browser.GetStringAsync($"{AuditApi.ExportPath}?from=2020-01-01&to=2020-01-01", Ct);

        Assert.Equal("编号,时间,用户,角色,地址,操作,对象,详情", csv.TrimStart('\uFEFF').Trim());
    }

    [Fact]
    public async Task The_audit_page_lists_rows_for_the_admin()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "admin01");

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/audit", Ct));

        Assert.Contains("审计日志", html);
        Assert.Contains("data-action=\"sign-in\"", html);
        Assert.Contains("导出 CSV", html);
    }

    [Fact]
    public async Task The_users_page_lists_users_for_the_admin()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "admin01");

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/users", Ct));

        Assert.Contains("用户管理", html);
        Assert.Contains("data-user=\"agent01\"", html);
        Assert.DoesNotContain("AQAAAA", html); // no password hashes
    }

    [Fact]
    public async Task Creating_a_user_checks_the_password_policy_and_is_audited()
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var name = "new-" + Guid.NewGuid().ToString("N")[..8];

        var weak = await administration.CreateAsync(new NewUser(name, "新同事", Roles.BackOffice, "password"), SecurityTestKit.Admin(), Ct);
        var created = await administration.CreateAsync(new NewUser(name, "新同事", Roles.BackOffice, "Gut3s!Passwort"), SecurityTestKit.Admin(), Ct);
        var duplicate = await administration.CreateAsync(new NewUser(name, "新同事", Roles.BackOffice, "Gut3s!Passwort"), SecurityTestKit.Admin(), Ct);

        Assert.Contains("至少 10 位", weak["password"]);
        Assert.Empty(created);
        Assert.Equal("用户名已存在", duplicate["userName"]);
        var row = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.UserChanged, name));
        Assert.Equal("created; role BackOffice", row.Detail);
        using var signedIn = await SecurityTestKit.SignedInAsync(server, name, "Gut3s!Passwort");
    }

    [Fact]
    public async Task A_password_reset_ends_sessions_clears_the_lockout_and_is_audited()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.Agent);
        using var before = await SecurityTestKit.SignedInAsync(server, user.UserName);
        await using var scope = server.Factory.Services.CreateAsyncScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetPasswordAsync(user.UserName, "N3ues!Kennwort", SecurityTestKit.Admin(), Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/agent", Ct)).StatusCode);
        using var after = await SecurityTestKit.SignedInAsync(server, user.UserName, "N3ues!Kennwort");
        Assert.Equal("password reset", Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.UserChanged, user.UserName)).Detail);
    }

    [Fact]
    public void No_product_code_updates_or_deletes_audit_rows()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Hotline.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var offending = new[] { "Hotline.Core", "Hotline.Web", "Hotline.Telephony" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root.FullName, project), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"(UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log|TRUNCATE\s+(TABLE\s+)?audit_log|DROP\s+TABLE\s+audit_log)", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .ToList();

        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void Csv_cells_are_quoted_and_never_start_a_formula(string value, string expected)
        => Assert.Equal(expected, AuditApi.Csv(value));
}
