using Hotline.Core.Live;
using Hotline.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Web.Live;

/// <summary>
/// Singleton notifier: holds the latest coalesced snapshot, hands it to in-process subscribers (Blazor
/// components) and pushes it to the SignalR groups of <see cref="LiveHub"/>.
/// </summary>
public sealed class LiveFeed(IHubContext<LiveHub, ILiveClient> hub, LiveHubConnections connections, ILogger<LiveFeed> logger)
{
    private readonly Lock _gate = new();
    // Copy-on-write: publishing iterates without a lock while components come and go.
    private Subscription[] _subscribers = [];
    private LiveSnapshot? _current;

    /// <summary>The latest published snapshot, or null before the first one.</summary>
    public LiveSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Calls <paramref name="handler"/> with every published snapshot until the returned handle is disposed.
    /// Handlers should only schedule work (e.g. <c>InvokeAsync(StateHasChanged)</c>): they are not awaited in turn.
    /// </summary>
    public IDisposable Subscribe(Func<LiveSnapshot, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    public async Task PublishAsync(LiveSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        foreach (var subscription in Volatile.Read(ref _subscribers))
        {
            Notify(subscription.Handler, snapshot);
        }

        await PushToHubAsync(snapshot);
    }

    private async Task PushToHubAsync(LiveSnapshot snapshot)
    {
        try
        {
            var shared = SnapshotView.Masked(snapshot);
            await hub.Clients.Groups(LiveHub.WallboardGroup, LiveHub.SupervisorsGroup).ReceiveSnapshot(shared);
            Dictionary<string, SeatSnapshot>? seats = null;
            foreach (var agentId in connections.ConnectedAgents())
            {
                // Index once per publish: a province has thousands of seats, each agent wants one.
                seats ??= snapshot.Seats.ToDictionary(s => s.AgentId);
                var own = snapshot with { Seats = seats.TryGetValue(agentId, out var seat) ? [seat] : [] };
                await hub.Clients.Group(LiveHub.AgentGroup(agentId)).ReceiveSnapshot(own);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Pushing the live snapshot to hub clients failed");
        }
    }

    private void Notify(Func<LiveSnapshot, Task> handler, LiveSnapshot snapshot)
    {
        Task task;
        try
        {
            task = handler(snapshot);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live subscriber failed");
            return;
        }

        if (!task.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(task);
        }
    }

    private async Task ObserveAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live subscriber failed");
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => !ReferenceEquals(s, subscription)).ToArray();
        }
    }

    private sealed class Subscription(LiveFeed feed, Func<LiveSnapshot, Task> handler) : IDisposable
    {
        public Func<LiveSnapshot, Task> Handler { get; } = handler;

        public void Dispose() => feed.Remove(this);
    }
}
