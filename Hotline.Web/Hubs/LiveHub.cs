using Hotline.Core.Security;
using Hotline.Web.Live;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using System.Security.Claims;

namespace Hotline.Web.Hubs;

/// <summary>
/// Live snapshots for screens outside Blazor. Clients only listen: on connect they join their group and
/// get the current snapshot at once, then every published one (method <c>ReceiveSnapshot</c>).
/// </summary>
[Authorize(Policy = HotlinePolicies.LiveData)]
public sealed class LiveHub(LiveFeed feed, LiveHubConnections connections) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";
    public const string WallboardGroup = "wallboard";
    public const string SupervisorsGroup = "supervisors";

    public static string AgentGroup(string agentId) => $"agent:{agentId}";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User ?? new ClaimsPrincipal();
        connections.Opened(Context);
        if (GroupOf(user, out var agentId) is { } group)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        if (agentId is not null)
        {
            connections.AgentConnected(agentId);
        }

        if (feed.Current is { } current)
        {
            await Clients.Caller.ReceiveSnapshot(SnapshotView.For(user, current));
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context.ConnectionId);
        if (Context.User is { } user && GroupOf(user, out var agentId) is not null && agentId is not null)
        {
            connections.AgentDisconnected(agentId);
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// One group per connection: groups are disjoint (supervisors do not also join "wallboard", which gets
    /// the same masked snapshot) so that nobody receives a snapshot twice.
    /// </summary>
    internal static string? GroupOf(ClaimsPrincipal user, out string? agentId)
    {
        agentId = null;
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
        {
            return SupervisorsGroup;
        }

        if (user.IsInRole(Roles.Wallboard) || user.IsInRole(Roles.Official))
        {
            return WallboardGroup;
        }

        if (user.IsInRole(Roles.Agent) && user.FindFirstValue(HotlineClaims.AgentId) is { Length: > 0 } id)
        {
            agentId = id;
            return AgentGroup(id);
        }

        return null;
    }
}
