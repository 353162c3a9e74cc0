using System.Collections.Concurrent;

namespace Hotline.Web.Hubs;

/// <summary>Which agents have a hub connection, so per-agent snapshots are only built for them.</summary>
public sealed class LiveHubConnections
{
    private readonly ConcurrentDictionary<string, int> _agents = new();

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
}
