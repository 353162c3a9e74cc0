using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Core.Audit;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Web;

namespace Hotline.Tests.Security;

/// <summary>A department user guessing another department's ticket numbers learns nothing: 404 as for no ticket at all.</summary>
public sealed class DepartmentIsolationTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private const string Secret = "机密诉求内容ZX81";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_departments_ticket_on_the_api_answers_exactly_like_a_missing_one()
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, "D002", content: Secret, callerName: "赵先生", caller: "13700007777");
        using var department = server.Api(DemoTicketData.DepartmentApiKey);

        using var other = await department.GetAsync($"/api/tickets/{number}", Ct);
        using var missing = await department.GetAsync("/api/tickets/YH20991231-9999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var otherBody = await other.Content.ReadAsStringAsync(Ct);
        Assert.Equal(WithoutTrace(await missing.Content.ReadAsStringAsync(Ct)).Replace("YH20991231-9999", number), WithoutTrace(otherBody));
        Assert.DoesNotContain(Secret, otherBody);
        Assert.DoesNotContain("7777", otherBody);
    }

    [Fact]
    public async Task Another_departments_ticket_cannot_be_acted_on_or_found_by_search()
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, "D003", content: Secret + "查找");
        using var department = server.Api(DemoTicketData.DepartmentApiKey);

        using var signFor = await department.PostAsJsonAsync($"/api/tickets/{number}/transitions", new { action = "SignFor" }, Ct);
        var found = await department.GetFromJsonAsync<JsonObject>($"/api/tickets?q={Uri.EscapeDataString(Secret + "查找")}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, signFor.StatusCode);
        Assert.Equal(0, found!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_departments_ticket_page_answers_404_and_shows_nothing_of_it()
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, "D002", content: Secret, callerName: "钱女士", address: "秘密路99号");
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "department01");

        using var response = await browser.GetAsync($"/department/tickets/{number}", Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("不存在，或您无权查看", html);
        Assert.DoesNotContain(number, html);
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain("钱女士", html);
        Assert.DoesNotContain("秘密路99号", html);
    }

    [Fact]
    public async Task A_department_opening_its_own_ticket_sees_it_and_the_view_is_audited()
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, DemoTicketData.DemoDepartmentId, content: "本单位工单内容");
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "department01");

        using var response = await browser.GetAsync($"/department/tickets/{number}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("本单位工单内容", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        var row = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.TicketViewed, number));
        Assert.Equal(("department01", "Department"), (row.Actor, row.Role));
    }

    [Fact]
    public async Task A_department_reading_its_ticket_through_the_api_is_audited()
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, DemoTicketData.DemoDepartmentId);
        using var department = server.Api(DemoTicketData.DepartmentApiKey);

        using var response = await department.GetAsync($"/api/tickets/{number}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.TicketViewed, number));
        Assert.Equal("api", row.Detail);
    }

    /// <summary>The body without its per-request trace id.</summary>
    private static string WithoutTrace(string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove("traceId");
        return json.ToJsonString();
    }
}
