using Microsoft.AspNetCore.SignalR;
using System.Collections.Concurrent;

namespace Hotline.Web.Hubs;

/// <summary>
/// Which agents have a hub connection, so per-agent snapshots are only built for them; and every open connection,
/// so <see cref="LiveHubSessionCheck"/> can close those whose user was disabled, changed role or signed out.
/// </summary>
public sealed class LiveHubConnections
{
    private readonly ConcurrentDictionary<string, int> _agents = new();
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public void AgentConnected(string agentId) => _agents.AddOrUpdate(agentId, 1, (_, n) => n + 1);

    public void AgentDisconnected(string agentId)
    {
        var remaining = _agents.AddOrUpdate(agentId, 0, (_, n) => n - 1);
        if (remaining <= 0)
        {
            _agents.TryRemove(new KeyValuePair<string, int>(agentId, remaining));
        }
    }

    public IEnumerable<string> ConnectedAgents() => _agents.Keys;

    public void Opened(HubCallerContext context) => _open[context.ConnectionId] = context;

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public IReadOnlyCollection<HubCallerContext> Open() => [.. _open.Values];
}
