using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using System.Threading.RateLimiting;

namespace Hotline.Web.Security;

/// <summary>
/// Rate-limiting policies per client address: <see cref="SignIn"/> on the sign-in form post, <see cref="Machine"/> on
/// endpoints other systems call (the tickets API; webhooks should use it too). Refused requests get 429 and a Chinese page.
/// </summary>
public static class HotlineRateLimits
{
    public const string SignIn = "sign-in";
    public const string Machine = "machine";

    public const string TooManyMessage = "请求过于频繁，请稍后再试。";

    public static void Add(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(SignIn, context => PerMinute(context, SignIn, s => s.SignInPermitsPerMinute));
        options.AddPolicy(Machine, context => PerMinute(context, Machine, s => s.MachinePermitsPerMinute));
        options.OnRejected = RejectAsync;
    }

    private static RateLimitPartition<string> PerMinute(HttpContext context, string policy, Func<SecurityOptions, int> permits)
    {
        var limit = permits(context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue);
        var key = $"{policy}|{context.Connection.RemoteIpAddress}|{limit}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        var request = rejected.HttpContext.Request;
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs"))
        {
            await response.WriteAsJsonAsync(
                new { title = "请求过于频繁", status = 429, detail = TooManyMessage }, cancellationToken);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>请求过于频繁</title></head>
            <body style="font-family:sans-serif;text-align:center;padding-top:20vh">
            <h1 data-part="too-many">{TooManyMessage}</h1><p>请一分钟后<a href="/login">重新登录</a>。</p>
            </body></html>
            """, cancellationToken);
    }
}
