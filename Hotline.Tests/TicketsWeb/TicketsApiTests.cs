using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Core.Audit;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Web;

namespace Hotline.Tests.TicketsWeb;

/// <summary>The tickets API end to end on a real server, with the demo API keys.</summary>
public sealed class TicketsApiTests(TicketsServerFixture server) : IClassFixture<TicketsServerFixture>
{
    private const string Department = DemoTicketData.DemoDepartmentId;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Draft(string content = "小区门口夜间施工噪音扰民，持续一周", string caller = "13812345678") => new
    {
        channel = "Phone",
        callerNumber = caller,
        callerName = "张先生",
        requestType = "Complaint",
        categoryId = 1,
        categoryPath = "城乡建设",
        content,
        street = "城关街道",
        urgency = "Normal",
        followUpWanted = true,
    };

    private async Task<JsonObject> RegisterAsync(HttpClient backOffice, object? draft = null)
    {
        using var response = await backOffice.PostAsJsonAsync("/api/tickets", draft ?? Draft(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ActAsync(HttpClient client, string number, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/tickets/{number}/transitions", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonNode.Parse(text) as JsonObject ?? []);
    }

    [Fact]
    public async Task A_ticket_goes_round_the_whole_loop_through_the_api()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var department = server.Api(DemoTicketData.DepartmentApiKey);

        var registered = await RegisterAsync(backOffice);
        var number = registered["number"]!.GetValue<string>();
        Assert.Matches(@"^YH20261127-\d{4}$", number);
        Assert.Equal("Registered", registered["status"]!.GetValue<string>());

        var steps = new (HttpClient Client, object Body, string Status)[]
        {
            (backOffice, new { action = "Dispatch", leadDepartmentId = Department, note = "请尽快处理" }, "Dispatched"),
            (department, new { action = "SignFor" }, "SignedFor"),
            (department, new { action = "Reply", note = "已责令施工单位夜间停工" }, "Replied"),
            (backOffice, new { action = "AcceptReply" }, "FollowUpPending"),
            (backOffice, new { action = "RecordFollowUp", followUpResult = "Satisfied", note = "市民表示满意" }, "Closed"),
        };
        foreach (var (client, body, status) in steps)
        {
            var (code, result) = await ActAsync(client, number, body);
            Assert.True(code == HttpStatusCode.OK, $"{JsonSerializer.Serialize(body)} → {code}: {result}");
            Assert.Equal(status, result["ticket"]!["status"]!.GetValue<string>());
        }

        var details = await backOffice.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}", Ct);
        var actions = details!["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["Register", "Dispatch", "SignFor", "Reply", "AcceptReply", "RecordFollowUp"], actions);
    }

    [Fact]
    public async Task A_draft_with_an_answer_is_registered_and_closed_in_one_call()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);

        var ticket = await RegisterAsync(backOffice, new
        {
            channel = "Phone", callerNumber = "13812345678", requestType = "Consultation", categoryId = 1, categoryPath = "城乡建设",
            content = "咨询公积金提取需要哪些材料", answer = "已告知身份证、银行卡及购房合同，可在网上办理。",
        });

        Assert.Equal("Closed", ticket["status"]!.GetValue<string>());
        Assert.Equal("已告知身份证、银行卡及购房合同，可在网上办理。", ticket["reply"]!.GetValue<string>());
        var number = ticket["number"]!.GetValue<string>();
        var details = await backOffice.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}", Ct);
        Assert.Equal("Closed", details!["ticket"]!["status"]!.GetValue<string>());
        Assert.Equal(["Register", "AnswerDirectly"], details["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_blank_answer_returns_400_naming_it_and_registers_nothing()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        const string caller = "13700004444";

        using var response = await backOffice.PostAsJsonAsync("/api/tickets", new
        {
            channel = "Phone", callerNumber = caller, requestType = "Consultation", categoryId = 1, content = "咨询社保转移", answer = "  ",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Equal(["answer"], errors.Select(e => e.Key));
        var found = await backOffice.GetFromJsonAsync<JsonObject>($"/api/tickets?q={caller}", Ct);
        Assert.Empty(found!["items"]!.AsArray());
    }

    [Fact]
    public async Task Bad_input_returns_400_naming_each_field()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);

        using var response = await backOffice.PostAsJsonAsync("/api/tickets", new { channel = "Phone", callerNumber = "12", content = "" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Contains("callerNumber", errors.Select(e => e.Key));
        Assert.Contains("requestType", errors.Select(e => e.Key));
        Assert.Contains("categoryId", errors.Select(e => e.Key));
        Assert.Contains("content", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_transition_without_its_required_field_returns_400_naming_it()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        var number = (await RegisterAsync(backOffice))["number"]!.GetValue<string>();

        var (status, body) = await ActAsync(backOffice, number, new { action = "Dispatch" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body["errors"]!["leadDepartmentId"]);
    }

    [Fact]
    public async Task An_unknown_action_returns_400_naming_the_action_field()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        var number = (await RegisterAsync(backOffice))["number"]!.GetValue<string>();

        var (status, body) = await ActAsync(backOffice, number, new { action = "Teleport" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body["errors"]!["action"]);
    }

    [Fact]
    public async Task An_action_not_allowed_in_the_state_returns_409_naming_the_state()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        var number = (await RegisterAsync(backOffice))["number"]!.GetValue<string>();

        var (status, body) = await ActAsync(backOffice, number, new { action = "AcceptReply" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Registered", body["state"]!.GetValue<string>());
        Assert.Contains("已受理", body["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_expected_version_returns_409_with_the_current_version()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        var number = (await RegisterAsync(backOffice))["number"]!.GetValue<string>();
        var (first, _) = await ActAsync(backOffice, number, new { action = "Dispatch", leadDepartmentId = Department, expectedVersion = 1 });
        Assert.Equal(HttpStatusCode.OK, first);

        var (second, body) = await ActAsync(backOffice, number, new { action = "Urge", expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.Conflict, second);
        Assert.Equal("VersionConflict", body["kind"]!.GetValue<string>());
        Assert.Equal(2, body["currentVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_department_key_cannot_see_or_touch_another_departments_ticket()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var department = server.Api(DemoTicketData.DepartmentApiKey);
        var number = (await RegisterAsync(backOffice))["number"]!.GetValue<string>();
        await ActAsync(backOffice, number, new { action = "Dispatch", leadDepartmentId = "D002" });

        using var get = await department.GetAsync($"/api/tickets/{number}", Ct);
        var (act, _) = await ActAsync(department, number, new { action = "SignFor" });
        var list = await department.GetFromJsonAsync<JsonObject>("/api/tickets?pageSize=200", Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, act);
        Assert.DoesNotContain(list!["items"]!.AsArray(), t => t!["number"]!.GetValue<string>() == number);
        Assert.All(list["items"]!.AsArray(), t => Assert.True(
            t!["leadDepartmentId"]?.GetValue<string>() == Department
            || t["assistingDepartmentIds"]!.AsArray().Any(d => d!.GetValue<string>() == Department)));
    }

    [Fact]
    public async Task A_role_that_may_not_act_gets_403()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        using var department = server.Api(DemoTicketData.DepartmentApiKey);
        var number = (await RegisterAsync(backOffice))["number"]!.GetValue<string>();

        var (byOfficial, _) = await ActAsync(official, number, new { action = "Dispatch", leadDepartmentId = Department });
        using var registerByDepartment = await department.PostAsJsonAsync("/api/tickets", Draft(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byOfficial);
        Assert.Equal(HttpStatusCode.Forbidden, registerByDepartment.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_one_the_api_answers_401()
    {
        using var anonymous = server.Api(null);
        using var wrong = server.Api("not-a-key");

        using var none = await anonymous.GetAsync("/api/tickets", Ct);
        using var bad = await wrong.GetAsync("/api/tickets", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Every_role_gets_masked_caller_numbers_from_details_lists_and_registration()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        var registered = await RegisterAsync(backOffice, Draft(caller: "13911112222"));
        var number = registered["number"]!.GetValue<string>();

        var asOfficial = await official.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}", Ct);
        var asBackOffice = await backOffice.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}", Ct);
        var list = await backOffice.GetFromJsonAsync<JsonObject>("/api/tickets?q=13911112222", Ct);

        Assert.Equal("139****2222", registered["callerNumber"]!.GetValue<string>());
        Assert.Equal("139****2222", asOfficial!["ticket"]!["callerNumber"]!.GetValue<string>());
        Assert.Equal("139****2222", asBackOffice!["ticket"]!["callerNumber"]!.GetValue<string>());
        var found = Assert.Single(list!["items"]!.AsArray(), t => t!["number"]!.GetValue<string>() == number);
        Assert.Equal("139****2222", found!["callerNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_full_number_is_revealed_on_request_and_the_reveal_is_audited_with_the_key_name()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        var number = (await RegisterAsync(backOffice, Draft(caller: "13922223333")))["number"]!.GetValue<string>();

        var caller = await backOffice.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}/caller", Ct);

        Assert.Equal("13922223333", caller!["callerNumber"]!.GetValue<string>());
        var (rows, _) = await server.Service<AuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.NumberRevealed, Target: number), Ct);
        var row = Assert.Single(rows);
        Assert.Equal("演示后台接口", row.Actor);
    }

    [Fact]
    public async Task Officials_and_departments_cannot_reveal_a_number_and_nothing_is_audited()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        using var department = server.Api(DemoTicketData.DepartmentApiKey);
        var number = (await RegisterAsync(backOffice, Draft(caller: "13933334444")))["number"]!.GetValue<string>();
        var (code, _) = await ActAsync(backOffice, number, new { action = "Dispatch", leadDepartmentId = Department });
        Assert.Equal(HttpStatusCode.OK, code);

        using var asOfficial = await official.GetAsync($"/api/tickets/{number}/caller", Ct);
        using var asDepartment = await department.GetAsync($"/api/tickets/{number}/caller", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, asOfficial.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asDepartment.StatusCode);
        Assert.DoesNotContain("13933334444", await asDepartment.Content.ReadAsStringAsync(Ct));
        var (rows, _) = await server.Service<AuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.NumberRevealed, Target: number), Ct);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task A_department_sees_no_caller_at_all_on_a_confidential_ticket()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var department = server.Api(DemoTicketData.DepartmentApiKey);
        var draft = new
        {
            channel = "Phone", callerNumber = "13944445555", callerName = "李女士", requestType = "Complaint", categoryId = 1,
            categoryPath = "城乡建设", content = "举报违规排污", street = "城关街道", urgency = "Normal", confidential = true,
        };
        var number = (await RegisterAsync(backOffice, draft))["number"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(backOffice, number, new { action = "Dispatch", leadDepartmentId = Department })).Status);

        var text = await department.GetStringAsync($"/api/tickets/{number}", Ct);
        var details = JsonNode.Parse(text)!.AsObject();

        Assert.Equal("", details["ticket"]!["callerNumber"]!.GetValue<string>());
        Assert.DoesNotContain("5555", text);
        Assert.DoesNotContain("李女士", text);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_finds_by_phone_number()
    {
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        var number = (await RegisterAsync(backOffice, Draft(caller: "13700001111")))["number"]!.GetValue<string>();

        var byPhone = await backOffice.GetFromJsonAsync<JsonObject>("/api/tickets?q=13700001111", Ct);
        var registered = await backOffice.GetFromJsonAsync<JsonObject>("/api/tickets?status=Registered&pageSize=200", Ct);
        using var badFilter = await backOffice.GetAsync("/api/tickets?status=Nonsense&pageSize=0", Ct);

        Assert.Contains(byPhone!["items"]!.AsArray(), t => t!["number"]!.GetValue<string>() == number);
        Assert.All(registered!["items"]!.AsArray(), t => Assert.Equal("Registered", t!["status"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        var errors = (await badFilter.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Contains("status", errors.Select(e => e.Key));
        Assert.Contains("pageSize", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_signed_in_user_uses_the_api_with_the_cookie()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "backoffice01");

        using var response = await browser.PostAsJsonAsync("/api/tickets", Draft(), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("backoffice01", ticket!["createdBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_tickets_endpoints_and_their_api_key_scheme()
    {
        using var anonymous = server.Api(null);

        var document = await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct);

        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/tickets", paths);
        Assert.Contains("/api/tickets/{number}", paths);
        Assert.Contains("/api/tickets/{number}/transitions", paths);

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        var register = document["paths"]!["/api/tickets"]!["post"]!;
        Assert.Contains(register["security"]!.AsArray(), requirement => requirement!.AsObject().ContainsKey("ApiKey"));
    }
}
