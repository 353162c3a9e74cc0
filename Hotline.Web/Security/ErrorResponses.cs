using System.Diagnostics;

namespace Hotline.Web.Security;

/// <summary>
/// What an unhandled exception shows: a short Chinese message and a trace id to quote, never the exception, a stack
/// trace or SQL (those go to the log only).
/// </summary>
public static class ErrorResponses
{
    public const string Message = "服务器内部错误，请稍后重试。如问题持续，请联系系统管理员并提供追踪编号。";

    public static async Task WriteAsync(HttpContext context)
    {
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
            || context.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "application/problem+json; charset=utf-8";
            await context.Response.WriteAsJsonAsync(new { title = "服务器内部错误", status = 500, detail = Message, traceId }, options: null,
                contentType: "application/problem+json; charset=utf-8");
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>服务器内部错误</title></head>
            <body style="font-family:sans-serif;text-align:center;padding-top:20vh">
            <h1 data-part="server-error">{Message}</h1><p>追踪编号：{System.Net.WebUtility.HtmlEncode(traceId)}</p><p><a href="/">返回首页</a></p>
            </body></html>
            """);
    }
}
