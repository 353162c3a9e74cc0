using System.Net;
using Bunit;
using Hotline.Core;
using Hotline.Core.Security;
using Hotline.Tests.TicketsWeb;
using Hotline.Web.Components.Pages.Admin;
using Hotline.Web.Tickets;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Hotline.Tests.Admin;

/// <summary>
/// The API keys page rendered by bunit on the services of a real running server, so a key issued or revoked on the
/// page is tried at once against the server's tickets API.
/// </summary>
public sealed class ApiKeysPageTests : BunitContext, IClassFixture<TicketsServerFixture>
{
    private readonly TicketsServerFixture _server;
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public ApiKeysPageTests(TicketsServerFixture server)
    {
        _server = server;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(server.Service<TimeProvider>());
        Services.AddSingleton(server.Service<HotlineOptions>());
        Services.AddSingleton(server.Service<ApiKeyStore>());
        Services.AddSingleton(server.Service<TicketLookups>());
        Services.AddSingleton(server.Service<TicketFormat>());
        Services.AddSingleton(server.Service<Hotline.Core.Audit.AuditLog>());
        Services.AddHttpContextAccessor();
        Services.AddSingleton<Hotline.Web.Security.RecentAuditRows>();
        Services.AddScoped<Hotline.Web.Security.AuditTrail>();
        _auth = AddAuthorization();
        Render<MudPopoverProvider>();
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<ApiKeysPage> RenderPage()
    {
        var cut = Render<ApiKeysPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-part='keys'] tr[data-key]")));
        return cut;
    }

    private static async Task ChooseAsync(IRenderedComponent<ApiKeysPage> cut, int select, string value)
    {
        var component = cut.FindComponents<MudSelect<string>>()[select];
        await cut.InvokeAsync(() => component.Instance.ValueChanged.InvokeAsync(value));
    }

    private static async Task<string> IssueAsync(IRenderedComponent<ApiKeysPage> cut, string name, string role, string? department = null)
    {
        cut.Find("#key-name").Input(name);
        await ChooseAsync(cut, 0, role);
        if (department is not null)
        {
            await ChooseAsync(cut, 1, department);
        }

        cut.Find("[data-action='issue']").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-part='plaintext']")));
        return cut.Find("[data-part='plaintext']").TextContent.Trim();
    }

    [Fact]
    public void The_page_lists_the_demo_keys_without_their_secrets()
    {
        var cut = RenderPage();

        var text = cut.Find("[data-part='keys']").TextContent;
        Assert.Contains("信访局", text);
        Assert.Contains("区住建局", text);
        Assert.DoesNotContain("demo-api-", text);
    }

    [Fact]
    public async Task An_issued_key_is_shown_once_and_works_on_the_tickets_api_with_its_role_until_it_is_revoked()
    {
        var cut = RenderPage();

        var plaintext = await IssueAsync(cut, "市级平台（测试）", Roles.Official);

        Assert.StartsWith("hk_", plaintext);
        Assert.Contains("只显示这一次", cut.Find("[data-part='issued']").TextContent);
        using (var api = _server.Api(plaintext))
        {
            using var list = await api.GetAsync("/api/tickets", Ct);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            // An Official key reads but may not register, like an official signed in.
            using var register = await api.PostAsync("/api/tickets", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        }

        cut.Find("[data-action='dismiss']").Click();
        Assert.Empty(cut.FindAll("[data-part='plaintext']"));

        var row = cut.FindAll("tr[data-key]").Single(r => r.TextContent.Contains("市级平台（测试）", StringComparison.Ordinal));
        var id = row.GetAttribute("data-key");
        row.QuerySelector("[data-action='revoke']")!.Click();
        cut.Find($"tr[data-key='{id}'] [data-action='confirm-revoke']").Click();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find($"tr[data-key='{id}']").GetAttribute("data-revoked")));
        using var revoked = _server.Api(plaintext);
        using var refused = await revoked.GetAsync("/api/tickets", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_department_key_needs_a_department_and_then_sees_only_that_departments_tickets()
    {
        var cut = RenderPage();
        cut.Find("#key-name").Input("住建局业务系统");
        await ChooseAsync(cut, 0, Roles.Department);

        cut.Find("[data-action='issue']").Click();
        cut.WaitForAssertion(() => Assert.Contains("承办单位密钥须选择单位", cut.Markup));
        Assert.Empty(cut.FindAll("[data-part='plaintext']"));

        await ChooseAsync(cut, 1, "D001");
        cut.Find("[data-action='issue']").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-part='plaintext']")));
        var plaintext = cut.Find("[data-part='plaintext']").TextContent.Trim();

        using var api = _server.Api(plaintext);
        var page = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(
            api, "/api/tickets?pageSize=200", Ct);
        foreach (var ticket in page!["items"]!.AsArray())
        {
            var lead = ticket!["leadDepartmentId"]?.GetValue<string>();
            var assisting = ticket["assistingDepartmentIds"]?.AsArray().Select(a => a!.GetValue<string>()) ?? [];
            Assert.True(lead == "D001" || assisting.Contains("D001"), $"{ticket["number"]} is not D001's");
        }
    }

    [Fact]
    public void Issuing_without_a_name_or_role_shows_the_problems_in_chinese()
    {
        var cut = RenderPage();

        cut.Find("[data-action='issue']").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("请填写名称", cut.Markup);
            Assert.Contains("请选择角色", cut.Markup);
        });
        Assert.Empty(cut.FindAll("[data-part='plaintext']"));
    }

    [Fact]
    public async Task Issuing_and_revoking_a_key_are_audited_as_setting_changes_by_the_admin()
    {
        _auth.SetAuthorized("admin01");
        _auth.SetRoles(Roles.Admin);
        var cut = RenderPage();
        var name = "审计测试-" + Guid.NewGuid().ToString("N")[..6];

        await IssueAsync(cut, name, Roles.Official);
        var row = cut.FindAll("[data-part='keys'] tr[data-key]").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        var id = row.GetAttribute("data-key");
        cut.Find($"tr[data-key='{id}'] [data-action='revoke']").Click();
        cut.Find($"tr[data-key='{id}'] [data-action='confirm-revoke']").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find($"tr[data-key='{id}']").GetAttribute("data-revoked")));

        var (rows, _) = await _server.Service<Hotline.Core.Audit.AuditLog>().SearchAsync(
            new Hotline.Core.Audit.AuditQuery(Action: Hotline.Core.Audit.AuditActions.SettingChanged, Target: $"api-key:{id}"), Ct);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("admin01", r.Actor));
        Assert.StartsWith("revoked", rows[0].Detail);
        Assert.StartsWith("issued", rows[1].Detail);
        Assert.DoesNotContain("hk_", rows[1].Detail); // never the key itself
    }
}
