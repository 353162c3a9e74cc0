using Hotline.Core.Live;

namespace Hotline.Web.Live;

/// <summary>
/// Coalesces the live projection into snapshots for <see cref="LiveFeed"/>: at most one per <see cref="Interval"/>
/// (4 per second), at least one per <see cref="MaxSilence"/> so ages keep ticking. Leading edge: an event that comes
/// when the last snapshot is 250 ms old or older goes out at once; one that comes sooner goes out 250 ms after it,
/// never later, and is not held for a fixed tick.
/// </summary>
public sealed class LivePublisherService(LiveProjection projection, LiveFeed feed, TimeProvider time, ILogger<LivePublisherService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(1);

    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Events in the last published snapshot; -1 before the first, so a failed first one is retried.
        long seen = -1;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var cycle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                // The snapshot's time is read before the timers start, so the next snapshot is at least Interval after
                // this one by the snapshots' own times too.
                var now = time.GetUtcNow();
                var earliest = Task.Delay(Interval, time, cycle.Token);
                var latest = Task.Delay(MaxSilence, time, cycle.Token);
                if (await PublishAsync(now) is { } snapshot)
                {
                    seen = snapshot.EventsApplied;
                }

                await earliest;
                await Task.WhenAny(projection.WhenAppliedBeyond(seen), latest);
                await cycle.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<LiveSnapshot?> PublishAsync(DateTimeOffset now)
    {
        try
        {
            var snapshot = projection.Snapshot(now);
            await feed.PublishAsync(snapshot);
            _failing = false;
            return snapshot;
        }
        catch (Exception ex)
        {
            // A failing snapshot must not stop the feed; the screens' data age shows the gap. Logged once
            // per run of failures, not four times a second.
            if (!_failing)
            {
                logger.LogError(ex, "Taking the live snapshot failed");
            }

            _failing = true;
            return null;
        }
    }
}
