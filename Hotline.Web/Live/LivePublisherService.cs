using Hotline.Core.Live;

namespace Hotline.Web.Live;

/// <summary>
/// Coalesces the live projection into snapshots for <see cref="LiveFeed"/>: every 250 ms when events were
/// applied since the last one (at most 4 per second), and at least once a second so ages keep ticking.
/// </summary>
public sealed class LivePublisherService(LiveProjection projection, LiveFeed feed, TimeProvider time, ILogger<LivePublisherService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(1);

    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        LiveSnapshot? last = null;
        try
        {
            do
            {
                var now = time.GetUtcNow();
                if (last is null || projection.EventsApplied != last.EventsApplied || now - last.GeneratedAt >= MaxSilence - Interval / 2)
                {
                    last = await PublishAsync(now) ?? last;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
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
