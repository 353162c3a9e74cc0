using Hotline.Core.Live;
using Hotline.Web.Live;
using Microsoft.AspNetCore.Components;

namespace Hotline.Web.Components.Shared;

/// <summary>
/// A page fed by <see cref="LiveFeed"/> in-process: re-renders on every published snapshot, and once a
/// second by itself so that the data age keeps growing (and the page turns stale) if the feed stops.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;

    [Inject]
    protected LiveFeed Feed { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    /// <summary>The latest snapshot, or null before the first one.</summary>
    protected LiveSnapshot? Snapshot { get; private set; }

    protected DateTimeOffset Now => Time.GetUtcNow();

    protected override void OnInitialized()
    {
        Snapshot = Feed.Current;
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _subscription = Feed.Subscribe(snapshot => InvokeAsync(() =>
        {
            Snapshot = snapshot;
            OnSnapshot(snapshot);
            StateHasChanged();
        }));
        _ = TickAsync(_stop.Token);
    }

    /// <summary>Called on the renderer's thread for each new snapshot, before rendering.</summary>
    protected virtual void OnSnapshot(LiveSnapshot snapshot)
    {
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Tick, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between two ticks.
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _stop.Cancel();
        _stop.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
