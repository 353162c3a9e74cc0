using Hotline.Core;
using Hotline.Core.Audit;
using Hotline.Web.Audit;
using Hotline.Web.Configuration;
using Hotline.Web.Security;
using System.Globalization;
using System.Security.Claims;
using System.Text;

namespace Hotline.Web.Apis;

/// <summary>The audit log export for admins (CSV, streamed); the export itself is audited.</summary>
public static class AuditApi
{
    public const string ExportPath = "/admin/audit/export.csv";

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization(HotlinePolicies.Admin).ExcludeFromDescription();
        return app;
    }

    private static async Task ExportAsync(
        HttpContext http, ClaimsPrincipal user, AuditLog log, HotlineOptions options, CancellationToken cancellationToken)
    {
        var q = http.Request.Query;
        var filter = new AuditFilter(q["actor"], q["action"], AuditFilter.ParseDay(q["from"]), AuditFilter.ParseDay(q["to"]));
        var zone = TimeZones.TryFind(options.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        // Written first, so the export contains its own row.
        await log.WriteAsync(user.Identity?.Name ?? "(unknown)", user.FindFirstValue(ClaimTypes.Role),
            http.Connection.RemoteIpAddress?.ToString(), AuditActions.Export, "audit_log", "CSV " + filter.ToQueryString(), cancellationToken);

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        // UTF-8 with a BOM and CRLF: Excel opens it with the Chinese intact.
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync("编号,时间,用户,角色,地址,操作,对象,详情");
        await foreach (var entry in log.ReadAllAsync(filter.ToQuery(zone), cancellationToken))
        {
            var at = TimeZoneInfo.ConvertTime(entry.At, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await writer.WriteLineAsync(string.Join(',',
                entry.Id.ToString(CultureInfo.InvariantCulture), at, Csv(entry.Actor), Csv(entry.Role), Csv(entry.Address),
                Csv(AuditActionNames.Of(entry.Action)), Csv(entry.Target), Csv(entry.Detail)));
        }
    }

    /// <summary>Quoted when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula.</summary>
    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
