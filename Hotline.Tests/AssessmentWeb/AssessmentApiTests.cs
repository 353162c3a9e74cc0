using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClosedXML.Excel;
using Hotline.Core.Assessment;
using Hotline.Core.Audit;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Web;

namespace Hotline.Tests.AssessmentWeb;

/// <summary>The report, workbook, raw exports and confirmation on a real server with the demo month, through API keys.</summary>
public sealed class AssessmentApiTests(AssessmentServerFixture server) : IClassFixture<AssessmentServerFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AssessmentReport> ReportAsync(string month = "2026-10")
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        return (await official.GetFromJsonAsync<AssessmentReport>($"/api/reports/assessment/{month}", Json, Ct))!;
    }

    [Theory]
    [InlineData("/api/reports/assessment/2026-10.xlsx")]
    [InlineData("/api/reports/assessment/2026-10")]
    [InlineData("/api/reports/calls/2026-10.csv")]
    [InlineData("/api/reports/tickets/2026-10.csv")]
    public async Task Without_a_key_the_reports_answer_401(string path)
    {
        using var anonymous = server.Api(null);

        using var response = await anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoTicketData.DepartmentApiKey, "/api/reports/assessment/2026-10.xlsx")]
    [InlineData(DemoTicketData.BackOfficeApiKey, "/api/reports/assessment/2026-10.xlsx")]
    [InlineData(DemoTicketData.BackOfficeApiKey, "/api/reports/calls/2026-10.csv")]
    [InlineData(DemoTicketData.DepartmentApiKey, "/api/reports/tickets/2026-10.csv")]
    public async Task Roles_other_than_the_readers_get_403(string key, string path)
    {
        using var client = server.Api(key);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_month_is_a_400()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);

        using var response = await official.GetAsync("/api/reports/assessment/2026-13.xlsx", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_demo_shows_a_full_previous_month()
    {
        var report = await ReportAsync();

        Assert.Equal(31, report.Days.Count);
        Assert.All(report.Days, d => Assert.True(d.Calls.Offered > 0, $"{d.Day} has calls"));
        Assert.True(report.Agents.Count >= 91);
        Assert.True(report.OnDutySeconds > 0 && report.OnlineSeconds > 0);
        Assert.Equal(3, report.Complaints.Count);
        Assert.NotEmpty(report.Reviews);
        Assert.NotNull(report.Efficiency);
        Assert.Contains(report.StaffChanges, c => c.Change == "入职" && c.Day.Month == 10);
    }

    [Fact]
    public async Task The_official_downloads_a_workbook_whose_figures_equal_the_report()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        var report = await ReportAsync();

        using var response = await official.GetAsync("/api/reports/assessment/2026-10.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(7, book.Worksheets.Count);
        var summary = book.Worksheet(AssessmentWorkbook.SummarySheet);
        for (var i = 0; i < 6; i++)
        {
            var row = summary.Row(AssessmentWorkbook.HeaderRow + 1 + i);
            Assert.Equal(report.Indicators[i].Name, row.Cell(2).GetString());
            Assert.Equal(report.Indicators[i].Deduction, (decimal)row.Cell(7).GetDouble());
            if (report.Indicators[i].Value is { } value) Assert.Equal(value, row.Cell(3).GetDouble(), 12);
        }

        var daily = book.Worksheet(AssessmentWorkbook.DailySheet);
        Assert.Equal(report.Calls.Offered, daily.Cell(AssessmentWorkbook.HeaderRow + 1 + report.Days.Count, 3).GetDouble());
    }

    [Fact]
    public async Task Every_download_is_audited()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);

        (await official.GetAsync("/api/reports/assessment/2026-09.xlsx", Ct)).Dispose();
        (await official.GetAsync("/api/reports/tickets/2026-09.csv", Ct)).Dispose();

        var (rows, _) = await server.Service<AuditLog>().SearchAsync(new AuditQuery { Action = AuditActions.Export }, Ct);
        Assert.Contains(rows, r => r.Target == "assessment/2026-09.xlsx" && r.Role == "Official");
        Assert.Contains(rows, r => r.Target == "tickets/2026-09.csv");
    }

    [Fact]
    public async Task The_calls_export_lets_an_official_recompute_the_connection_rate()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        var report = await ReportAsync();

        var bytes = await official.GetByteArrayAsync("/api/reports/calls/2026-10.csv", Ct);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("callId,arrivedAt,outcome,waitSeconds,talkSeconds,agentId", lines[0]);
        var outcomes = lines.Skip(1).Select(l => l.Split(',')[2]).ToList();
        Assert.Equal(report.Calls.Offered, outcomes.Count);
        var effective = (outcomes.Count(o => o == "answered") + outcomes.Count(o => o == "selfServed")) / (double)outcomes.Count;
        Assert.Equal(report[AssessmentIndicator.EffectiveConnectionRate].Value!.Value, effective, 12);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { "answered", "selfServed", "abandoned", "other" }));
    }

    [Fact]
    public async Task The_tickets_export_has_chinese_headers_and_no_full_phone_numbers()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);

        var text = Encoding.UTF8.GetString(await official.GetByteArrayAsync("/api/reports/tickets/2026-11.csv", Ct));

        Assert.StartsWith("\uFEFF受理单号,受理时间,渠道", text);
        Assert.DoesNotMatch(@"1[3-9]\d{9}", text);
        Assert.True(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1);
    }

    [Fact]
    public async Task Only_an_official_confirms_a_finished_month_once_and_then_it_is_frozen()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var anonymous = server.Api(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/reports/assessment/2026-08/confirmation", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await backOffice.PostAsync("/api/reports/assessment/2026-08/confirmation", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await official.PostAsync("/api/reports/assessment/2026-11/confirmation", null, Ct)).StatusCode);
        using var confirmed = await official.PostAsync("/api/reports/assessment/2026-08/confirmation", null, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await official.PostAsync("/api/reports/assessment/2026-08/confirmation", null, Ct)).StatusCode);

        var report = await ReportAsync("2026-08");
        Assert.NotNull(report.Confirmation);
        var (rows, _) = await server.Service<AuditLog>().SearchAsync(new AuditQuery { Action = AuditActions.AssessmentConfirmed }, Ct);
        Assert.Contains(rows, r => r.Target == "assessment/2026-08");
    }

    [Fact]
    public async Task The_page_asks_for_sign_in_and_refuses_roles_that_do_not_read_it()
    {
        using var anonymous = server.Browser();
        using var department = server.Browser();
        await Accounts.SignInAsync(department, "department01");

        using var first = await anonymous.GetAsync("/reports/assessment", Ct);
        using var second = await department.GetAsync("/reports/assessment", Ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("/login", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("/access-denied", second.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_supervisor_signed_in_reads_the_page()
    {
        using var supervisor = server.Browser();
        await Accounts.SignInAsync(supervisor, "supervisor01");

        using var response = await supervisor.GetAsync("/reports/assessment", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("月度考核", await response.Content.ReadAsStringAsync(Ct));
    }
}
