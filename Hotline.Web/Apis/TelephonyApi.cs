using Hotline.Web.Security;
using Hotline.Web.Telephony;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Web.Apis;

/// <summary>The switch nodes' state for supervisors: <c>GET /api/telephony/nodes</c> (ARI configured, up or down).</summary>
public static class TelephonyApi
{
    public static IEndpointRouteBuilder MapTelephonyApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/telephony").RequireAuthorization(HotlinePolicies.Supervisor).WithTags("Telephony")
            .MapGet("/nodes", (AriNodeMonitor monitor) => TypedResults.Ok(monitor.States))
            .WithSummary("交换机节点的 ARI 状态（未配置 / 正常 / 无法连接）");
        return app;
    }
}
