using System.Net;
using ClosedXML.Excel;
using Hotline.Core.Assessment;
using Hotline.Core.Audit;
using Hotline.Core.Tickets.Storage;

namespace Hotline.Tests.AssessmentWeb;

/// <summary>The daily and weekly operation report workbooks on a real server with the demo history, through API keys.</summary>
public sealed class OperationReportsApiTests(AssessmentServerFixture server) : IClassFixture<AssessmentServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/reports/daily/2026-10-12.xlsx")]
    [InlineData("/api/reports/weekly/2026-10-12.xlsx")]
    public async Task Without_a_key_the_operation_reports_answer_401(string path)
    {
        using var anonymous = server.Api(null);

        using var response = await anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoTicketData.DepartmentApiKey, "/api/reports/daily/2026-10-12.xlsx")]
    [InlineData(DemoTicketData.BackOfficeApiKey, "/api/reports/weekly/2026-10-12.xlsx")]
    public async Task Roles_other_than_the_assessment_readers_get_403(string key, string path)
    {
        using var client = server.Api(key);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_day_is_a_400()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);

        using var response = await official.GetAsync("/api/reports/daily/2026-10-32.xlsx", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_daily_workbook_holds_the_days_hours_as_the_service_computes_them()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        var report = await server.Service<OperationReportService>().DailyAsync(new DateOnly(2026, 10, 12), Ct);

        using var response = await official.GetAsync("/api/reports/daily/2026-10-12.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType!.MediaType);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("运营日报");
        Assert.True(report.Calls.Offered > 0, "the demo day has calls");
        for (var hour = 0; hour < 24; hour++)
        {
            Assert.Equal(report.Rows[hour].Calls.Offered, sheet.Cell(AssessmentWorkbook.HeaderRow + 1 + hour, 2).GetValue<int>());
            Assert.Equal(report.Rows[hour].Calls.Answered, sheet.Cell(AssessmentWorkbook.HeaderRow + 1 + hour, 4).GetValue<int>());
        }

        Assert.Equal(report.Calls.Offered, sheet.Cell(AssessmentWorkbook.HeaderRow + 25, 2).GetValue<int>());
        Assert.Equal(report.Calls.EffectiveConnectionRate, sheet.Cell(AssessmentWorkbook.HeaderRow + 25, 8).GetDouble(), 12);
    }

    [Fact]
    public async Task The_weekly_workbook_runs_monday_to_sunday_and_totals_as_the_month_days()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);
        var month = await server.Service<AssessmentService>().ComputeAsync(new AssessmentMonth(2026, 10), Ct);

        using var response = await official.GetAsync("/api/reports/weekly/2026-10-14.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2026-10-12", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("运营周报");
        Assert.Equal("2026-10-12 周一", sheet.Cell(AssessmentWorkbook.HeaderRow + 1, 1).GetString());
        Assert.Equal("2026-10-18 周日", sheet.Cell(AssessmentWorkbook.HeaderRow + 7, 1).GetString());
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(month.Days[11 + i].Calls.Offered, sheet.Cell(AssessmentWorkbook.HeaderRow + 1 + i, 2).GetValue<int>());
        }

        Assert.Equal(month.Days.Skip(11).Take(7).Sum(d => d.Calls.Offered), sheet.Cell(AssessmentWorkbook.HeaderRow + 8, 2).GetValue<int>());
    }

    [Fact]
    public async Task Operation_report_downloads_are_audited()
    {
        using var official = server.Api(DemoTicketData.OfficialApiKey);

        (await official.GetAsync("/api/reports/daily/2026-10-05.xlsx", Ct)).Dispose();
        (await official.GetAsync("/api/reports/weekly/2026-10-07.xlsx", Ct)).Dispose();

        var (rows, _) = await server.Service<AuditLog>().SearchAsync(new AuditQuery { Action = AuditActions.Export }, Ct);
        Assert.Contains(rows, r => r.Target == "daily/2026-10-05.xlsx" && r.Role == "Official");
        Assert.Contains(rows, r => r.Target == "weekly/2026-10-05.xlsx");
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
