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
        // A malformed request (a missing antiforgery token, an unreadable body) is the client's fault: 400, not 500.
        var badRequest = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad;
        var status = badRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
        var title = badRequest ? "请求无效" : "服务器内部错误";
        var message = badRequest ? "请求无效，请刷新页面后重试。" : Message;
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
            || context.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "application/problem+json; charset=utf-8";
            await context.Response.WriteAsJsonAsync(new { title, status, detail = message, traceId }, options: null,
                contentType: "application/problem+json; charset=utf-8");
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>
            <body style="font-family:sans-serif;text-align:center;padding-top:20vh">
            <h1 data-part="server-error">{message}</h1><p>追踪编号：{System.Net.WebUtility.HtmlEncode(traceId)}</p><p><a href="/">返回首页</a></p>
            </body></html>
            """);
    }
}
