using System.Security.Claims;
using Hotline.Core.Assessment;
using Hotline.Core.Audit;
using Hotline.Core.Security;
using Hotline.Web.Assessment;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Web.Apis;

/// <summary>
/// The monthly assessment for other systems and for the page's downloads: the report as JSON, the workbook, the raw
/// call and ticket exports (streamed CSV) and the confirmation. Officials, admins and supervisors read; officials
/// confirm. Every download is audited.
/// </summary>
public static class AssessmentApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").RequireAuthorization(HotlinePolicies.AssessmentRead).WithTags("Assessment");
        api.MapGet("/assessment/{month}.xlsx", WorkbookAsync)
            .WithSummary("月度考核工作簿（Excel）")
            .WithDescription("month: yyyy-MM. Sheets 考核汇总, 每日话务, 坐席明细, 质检明细, 责任投诉, 人员变动, 扣款计算. 400 for a malformed month.");
        api.MapGet("/assessment/{month}", ReportAsync)
            .WithSummary("月度考核结果（JSON）");
        api.MapGet("/calls/{month}.csv", CallsAsync)
            .WithSummary("当月呼入话单原始数据（CSV，UTF-8 BOM）")
            .WithDescription("One row per inbound call: callId,arrivedAt,outcome (answered|selfServed|abandoned|other),waitSeconds,talkSeconds,agentId,… Caller numbers masked.");
        api.MapGet("/tickets/{month}.csv", TicketsAsync)
            .WithSummary("当月受理单原始数据（CSV，UTF-8 BOM）")
            .WithDescription("One row per ticket registered in the month. Caller numbers masked; confidential tickets without the caller.");
        api.MapPost("/assessment/{month}/confirmation", ConfirmAsync)
            .RequireAuthorization(HotlinePolicies.AssessmentConfirm)
            .WithSummary("确认当月考核结果（冻结）")
            .WithDescription("Officials only. 409 when the month is not over yet or already confirmed.");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> WorkbookAsync(
        string month, ClaimsPrincipal user, HttpContext http, AssessmentService assessment, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!AssessmentMonth.TryParse(month, out var m))
        {
            return BadMonth(month);
        }

        var report = await assessment.GetAsync(m, cancellationToken);
        using var buffer = new MemoryStream();
        AssessmentWorkbook.Write(report, assessment.Zone, buffer);
        await AuditAsync(audit, user, http, $"assessment/{m}.xlsx", $"扣款合计 {report.TotalDeduction}", cancellationToken);
        return TypedResults.File(buffer.ToArray(), XlsxType, AssessmentDownloads.WorkbookFileName(m));
    }

    private static async Task<Results<Ok<AssessmentReport>, ProblemHttpResult>> ReportAsync(string month, AssessmentService assessment, CancellationToken cancellationToken)
    {
        if (!AssessmentMonth.TryParse(month, out var m))
        {
            return BadMonth(month);
        }

        return TypedResults.Ok(await assessment.GetAsync(m, cancellationToken));
    }

    private static async Task<IResult> CallsAsync(string month, ClaimsPrincipal user, HttpContext http, AssessmentService assessment, RawExport export, AuditTrail audit)
    {
        if (!AssessmentMonth.TryParse(month, out var m))
        {
            return BadMonth(month);
        }

        await AuditAsync(audit, user, http, $"calls/{m}.csv", null, http.RequestAborted);
        return Results.Stream(stream => export.WriteCallsAsync(m, assessment.Zone, stream, PhoneMask.Mask, http.RequestAborted),
            "text/csv; charset=utf-8", $"calls-{m}.csv");
    }

    private static async Task<IResult> TicketsAsync(string month, ClaimsPrincipal user, HttpContext http, AssessmentService assessment, RawExport export, AuditTrail audit)
    {
        if (!AssessmentMonth.TryParse(month, out var m))
        {
            return BadMonth(month);
        }

        await AuditAsync(audit, user, http, $"tickets/{m}.csv", null, http.RequestAborted);
        return Results.Stream(stream => export.WriteTicketsAsync(m, assessment.Zone, stream, PhoneMask.Mask, http.RequestAborted),
            "text/csv; charset=utf-8", $"tickets-{m}.csv");
    }

    private static async Task<Results<Ok<AssessmentReport>, ProblemHttpResult>> ConfirmAsync(
        string month, ClaimsPrincipal user, HttpContext http, AssessmentService assessment, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!AssessmentMonth.TryParse(month, out var m))
        {
            return BadMonth(month);
        }

        var (report, error) = await assessment.ConfirmAsync(m, user.DisplayName(), cancellationToken);
        if (report is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status409Conflict);
        }

        await audit.WriteAsync(user, AuditActions.AssessmentConfirmed, $"assessment/{m}", $"扣款合计 {report.TotalDeduction}", cancellationToken);
        return TypedResults.Ok(report);
    }

    private static ProblemHttpResult BadMonth(string month) =>
        TypedResults.Problem($"月份“{month}”格式不正确，应为 yyyy-MM", statusCode: StatusCodes.Status400BadRequest);

    private static Task AuditAsync(AuditTrail audit, ClaimsPrincipal user, HttpContext http, string target, string? detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(user, AuditActions.Export, target, detail, cancellationToken);
}
