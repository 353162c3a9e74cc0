using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Core.Audit;
using Hotline.Core.Security;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Web;
using Hotline.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Security;

/// <summary>SQL injection strings in every search and form field are stored and shown as text; nothing is executed.</summary>
public sealed class InjectionTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Attacks => new()
    {
        "'; DROP TABLE tickets; --",
        "\" OR 1=1 --",
        "%' OR '1'='1",
        "1); DELETE FROM users; --",
        "' UNION SELECT password_hash FROM users --",
        "\\'; UPDATE users SET role='Admin'; --",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Injection_strings_in_ticket_fields_are_stored_and_shown_as_text(string attack)
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, DemoTicketData.DemoDepartmentId,
            content: "市民反映：" + attack, callerName: attack, address: attack);
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var department = server.Api(DemoTicketData.DepartmentApiKey);
        using var signFor = await department.PostAsJsonAsync($"/api/tickets/{number}/transitions", new { action = "SignFor", note = attack }, Ct);
        Assert.Equal(HttpStatusCode.OK, signFor.StatusCode);

        var details = (await backOffice.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}", Ct))!;
        Assert.Equal("市民反映：" + attack, details["ticket"]!["content"]!.GetValue<string>());
        Assert.Equal(attack, details["ticket"]!["callerName"]!.GetValue<string>());
        Assert.Equal(attack, details["ticket"]!["address"]!.GetValue<string>());
        Assert.Contains(details["history"]!.AsArray(), h => h!["note"]?.GetValue<string>() == attack);

        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "backoffice01");
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/tickets/{number}", Ct));
        Assert.Contains("市民反映：" + attack, html);
        await AssertDatabaseIntactAsync();
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Injection_strings_in_every_search_field_find_nothing_extra_and_break_nothing(string attack)
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        var escaped = Uri.EscapeDataString(attack);

        var text = (await backOffice.GetFromJsonAsync<JsonObject>($"/api/tickets?q={escaped}", Ct))!;
        Assert.All(text["items"]!.AsArray(), t => Assert.Contains(attack, t!["content"]!.GetValue<string>() + t["number"] + t["callerNumber"]));
        foreach (var field in new[] { "street", "department" })
        {
            using var response = await backOffice.GetAsync($"/api/tickets?{field}={escaped}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["total"]!.GetValue<int>());
        }

        foreach (var field in new[] { "status", "type", "category", "urgency", "from" })
        {
            using var response = await backOffice.GetAsync($"/api/tickets?{field}={escaped}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // refused by validation, never reaches SQL
        }

        using var page = server.Browser();
        await Accounts.SignInAsync(page, "backoffice01");
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/tickets?q={escaped}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/tickets/{escaped}", Ct)).StatusCode);

        var (rows, total) = await server.Service<AuditLog>().SearchAsync(new AuditQuery(Actor: attack, Action: attack, Target: attack), Ct);
        Assert.Equal(0, total);
        Assert.Empty(rows);
        await AssertDatabaseIntactAsync();
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Injection_strings_in_the_sign_in_and_user_forms_are_plain_text(string attack)
    {
        using var browser = server.Browser();
        using var signIn = await Accounts.PostLoginAsync(browser, attack, attack);
        Assert.Contains("error=1", signIn.Headers.Location!.OriginalString);
        var attempt = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.SignInFailed, attack.Trim()));
        Assert.Equal("unknown user", attempt.Detail);

        await using var scope = server.Factory.Services.CreateAsyncScope();
        var name = "inj-" + Guid.NewGuid().ToString("N")[..8];
        var errors = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(name, attack[..Math.Min(attack.Length, 50)], Roles.Official, "Sich3r!Passwort"), SecurityTestKit.Admin(), Ct);
        Assert.Empty(errors);
        Assert.Equal(attack[..Math.Min(attack.Length, 50)].Trim(), (await server.Service<UserStore>().FindByUserNameAsync(name, Ct))!.DisplayName);
        var refused = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(attack, "某人", Roles.Official, "Sich3r!Passwort"), SecurityTestKit.Admin(), Ct);
        Assert.True(refused.ContainsKey("userName"));
        await AssertDatabaseIntactAsync();
    }

    /// <summary>The tables an injection would hit are still there and no one became an admin.</summary>
    private async Task AssertDatabaseIntactAsync()
    {
        var users = await server.Service<UserStore>().ListAsync(Ct);
        Assert.Contains(users, u => u.UserName == "agent01" && u.Role == Roles.Agent);
        Assert.All(users.Where(u => u.Role == Roles.Admin), u => Assert.True(u.UserName == "admin01" || u.DisplayName == "测试用户"));
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        Assert.True((await backOffice.GetFromJsonAsync<JsonObject>("/api/tickets?pageSize=1", Ct))!["total"]!.GetValue<int>() > 0);
    }
}
