using System.Globalization;
using System.Security.Claims;
using Hotline.Core.Assessment;
using Hotline.Core.Audit;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Web.Apis;

/// <summary>The daily and weekly operation report workbooks: the same readers as the assessment; every download is audited.</summary>
public static class OperationReportsApi
{
    public static IEndpointRouteBuilder MapOperationReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").RequireAuthorization(HotlinePolicies.AssessmentRead).WithTags("Assessment");
        api.MapGet("/daily/{day}.xlsx", DailyAsync)
            .WithSummary("运营日报工作簿（Excel，按小时）")
            .WithDescription("day: yyyy-MM-dd, a local day in Hotline:TimeZone. 400 for a malformed day.");
        api.MapGet("/weekly/{day}.xlsx", WeeklyAsync)
            .WithSummary("运营周报工作簿（Excel，周一至周日按日）")
            .WithDescription("day: yyyy-MM-dd, any day of the week (Monday to Sunday). 400 for a malformed day.");
        return app;
    }

    public static string DailyUrl(DateOnly day) => $"/api/reports/daily/{Text(day)}.xlsx";

    public static string WeeklyUrl(DateOnly day) => $"/api/reports/weekly/{Text(OperationReport.WeekStart(day))}.xlsx";

    public static string FileName(OperationReport report) => $"12345{report.Name}-{Text(report.FirstDay)}.xlsx";

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> DailyAsync(
        string day, ClaimsPrincipal user, HttpContext http, OperationReportService reports, AuditTrail audit, CancellationToken cancellationToken) =>
        WorkbookAsync(day, d => reports.DailyAsync(d, cancellationToken), user, http, reports, audit, cancellationToken);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> WeeklyAsync(
        string day, ClaimsPrincipal user, HttpContext http, OperationReportService reports, AuditTrail audit, CancellationToken cancellationToken) =>
        WorkbookAsync(day, d => reports.WeeklyAsync(d, cancellationToken), user, http, reports, audit, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> WorkbookAsync(string day, Func<DateOnly, Task<OperationReport>> load,
        ClaimsPrincipal user, HttpContext http, OperationReportService reports, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!TryParseDay(day, out var d))
        {
            return TypedResults.Problem($"日期“{day}”格式不正确，应为 yyyy-MM-dd", statusCode: StatusCodes.Status400BadRequest);
        }

        var report = await load(d);
        using var buffer = new MemoryStream();
        OperationWorkbook.Write(report, reports.Zone, buffer);
        await audit.WriteAsync(user, AuditActions.Export, $"{(report.Weekly ? "weekly" : "daily")}/{Text(report.FirstDay)}.xlsx", $"呼入 {report.Calls.Offered}", cancellationToken);
        return TypedResults.File(buffer.ToArray(), AssessmentApi.XlsxType, FileName(report));
    }
}
