using Hotline.Core.Live;
using Hotline.Web.Hubs;
using Hotline.Web.Live;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Hotline.Web.Apis;

/// <summary>The live snapshot for other systems: <c>GET /api/live/snapshot</c> and the hub at <c>/hubs/live</c>.</summary>
public static class LiveApi
{
    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/live").RequireAuthorization(HotlinePolicies.LiveData);
        api.MapGet("/snapshot", GetSnapshot);
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }

    /// <summary>A fresh snapshot (not the last coalesced one): pollers get current data.</summary>
    private static Ok<LiveSnapshot> GetSnapshot(ClaimsPrincipal user, LiveProjection projection, TimeProvider time)
        => TypedResults.Ok(SnapshotView.For(user, projection.Snapshot(time.GetUtcNow())));
}
