using Hotline.Core;
using Hotline.Core.Agents;
using Hotline.Core.Calls;
using Hotline.Core.Ivr;
using Hotline.Core.Recordings;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Hotline.Web.Recordings;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Live;

/// <summary>
/// The one ordered consumer of <see cref="ITelephony.Events"/>: applies each event to the live projection
/// and the call recorder, and writes the recorded calls, seat intervals and recordings index to the database in batches.
/// On start it restores today's totals from the database before the switch produces anything; on stop it
/// stops the switch, applies what is left in the channel and flushes everything.
/// </summary>
public sealed class TelephonyIngestService(
    ITelephony telephony,
    LiveProjection projection,
    CallStore store,
    IOptions<HotlineOptions> hotline,
    IOptions<DemoOptions> demo,
    TimeProvider time,
    ILogger<TelephonyIngestService> logger,
    RecordingStore? recordings = null,
    RecordingFiles? recordingFiles = null,
    IvrMenuStore? ivrMenus = null) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(500);

    // Kept across failed flushes: a database outage delays writes but never drops them.
    private readonly Dictionary<string, CallRecord> _pendingCalls = [];
    private readonly List<SeatInterval> _pendingIntervals = [];
    private readonly List<CallbackRequest> _pendingCallbacks = [];
    private readonly List<CallRecord> _drainedCalls = [];
    private readonly Dictionary<(string, string), RecordingRecord> _pendingRecordings = [];
    private readonly List<RecordingRecord> _drainedRecordings = [];
    // Not disposed on purpose: the periodic flush and the final one on stop may overlap with disposal.
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _switchStarted;
    private DateTimeOffset _dayStart;
    private int _restoredCalls;

    /// <summary>
    /// Completes once the switch has started and everything it produced while starting (the demo
    /// fast-forward of the day so far) has been applied: from then on snapshots show the day so far.
    /// </summary>
    public Task CaughtUp => _caughtUp.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Restore before the host reports started, so the first screen and API call show today's totals.
        var now = time.GetUtcNow();
        TimeZones.TryFind(hotline.Value.TimeZone, out var zone);
        var (start, end) = TimeZones.LocalDay(now, zone ?? TimeZoneInfo.Utc);
        _dayStart = start;
        // Calls the previous process left InProgress will never get their end: close them first.
        var interrupted = await store.MarkInterruptedAsync(now, cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} calls were cut off by the previous stop; stored as ended with unknown outcome", interrupted);
        }

        var calls = await store.LoadCallsAsync(start, end, cancellationToken);
        projection.Restore(calls, now);
        _restoredCalls = calls.Count;
        logger.LogInformation("Restored {Count} calls of today (since {DayStart:O})", calls.Count, start);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The consumer runs before the switch starts: a fast-forward may produce more than the channel holds.
        var consume = ConsumeAsync(stoppingToken);
        var flush = FlushPeriodicallyAsync(stoppingToken);
        try
        {
            await StartSwitchAsync(stoppingToken);
            _switchStarted = true;
            CompleteCaughtUpIfIdle();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _caughtUp.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The switch failed to start");
            _caughtUp.TrySetException(ex);
        }

        await Task.WhenAll(consume, flush);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await telephony.StopAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Stopping the switch failed");
        }

        await base.StopAsync(cancellationToken);

        // Whatever the switch wrote before it stopped is still in the channel: apply it so nothing is lost,
        // and store the seat time up to now.
        while (projection.ApplyAvailable(telephony.Events) > 0)
        {
        }

        projection.CloseOpenIntervals(time.GetUtcNow());

        await FlushUntilDoneAsync(cancellationToken);
    }

    private async Task StartSwitchAsync(CancellationToken cancellationToken)
    {
        if (telephony is SimulatedSwitch simulated && ivrMenus is not null)
        {
            simulated.UseIvrMenu(await ivrMenus.LoadAsync(cancellationToken)); // simulated callers press the stored menu's keys
        }

        if (demo.Value.Enabled && _restoredCalls == 0 && telephony is SimulatedSwitch simulation)
        {
            // A fresh demo shows a realistic day so far instead of an empty board.
            logger.LogInformation("Demo mode with an empty day: simulating from {DayStart:O} to now", _dayStart);
            await simulation.FastForwardAsync(_dayStart, cancellationToken);
            return;
        }

        await telephony.StartAsync(cancellationToken);
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        var reader = telephony.Events;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                projection.ApplyAvailable(reader);
                CompleteCaughtUpIfIdle();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // Not every channel can count (a single-reader unbounded one cannot): peek where counting is not offered.
    private static bool HasWaitingEvents(System.Threading.Channels.ChannelReader<TelephonyEvent> reader)
        => reader.CanCount ? reader.Count > 0 : reader.CanPeek && reader.TryPeek(out _);

    private void CompleteCaughtUpIfIdle()
    {
        if (!_switchStarted || _caughtUp.Task.IsCompleted || HasWaitingEvents(telephony.Events))
        {
            return;
        }

        // An empty channel may still have a batch being applied: the projection's lock waits it out.
        _ = projection.EventsApplied;
        _caughtUp.TrySetResult();
    }

    /// <summary>
    /// The periodic flush, on one thread of its own for the service's life: SQLite's async API runs synchronously, so a
    /// flush (tens of ms at 2,000 events/s) would hold a thread-pool worker, and on a small machine the live snapshots'
    /// hub sends would queue behind it. Blocking waits are fine on a dedicated thread.
    /// </summary>
    private Task FlushPeriodicallyAsync(CancellationToken cancellationToken) => Task.Factory.StartNew(() =>
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (timer.WaitForNextTickAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                FlushAsync(cancellationToken).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private async Task FlushUntilDoneAsync(CancellationToken cancellationToken)
    {
        while (!await FlushAsync(CancellationToken.None))
        {
            try
            {
                await Task.Delay(FlushInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                logger.LogCritical(
                    "Shutdown timed out with {Calls} call records and {Intervals} seat intervals not written",
                    _pendingCalls.Count, _pendingIntervals.Count);
                return;
            }
        }
    }

    /// <summary>Drains the recorder and writes everything pending; false when the database refused.</summary>
    internal async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushGate.WaitAsync(CancellationToken.None);
        try
        {
            _drainedCalls.Clear();
            projection.Drain(_drainedCalls, _pendingIntervals, _pendingCallbacks);
            foreach (var call in _drainedCalls)
            {
                _pendingCalls[call.CallId] = call;
            }

            _drainedRecordings.Clear();
            projection.DrainRecordings(_drainedRecordings);
            // Without a recordings store (a bare test host) they are dropped rather than kept forever.
            foreach (var recording in recordings is null ? [] : _drainedRecordings)
            {
                // The file is complete once the recording stopped: note its size when it is on a local path.
                _pendingRecordings[(recording.CallId, recording.FileName)] = recording.EndedAt is not null && recording.Bytes is null
                    ? recording with { Bytes = recordingFiles?.LocalLength(recording.Node, recording.FileName) }
                    : recording;
            }

            if (_pendingCalls.Count > 0 || _pendingIntervals.Count > 0 || _pendingCallbacks.Count > 0)
            {
                // One transaction: calls, intervals and callback requests are stored together or kept together for the retry.
                await store.SaveAsync(_pendingCalls.Values.ToList(), _pendingIntervals.ToList(), _pendingCallbacks.ToList(), cancellationToken);
                _pendingCalls.Clear();
                _pendingIntervals.Clear();
                _pendingCallbacks.Clear();
            }

            if (_pendingRecordings.Count > 0 && recordings is not null)
            {
                await recordings.SaveAsync(_pendingRecordings.Values.ToList(), cancellationToken);
                _pendingRecordings.Clear();
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Writing {Calls} call records and {Intervals} seat intervals failed; keeping them to retry",
                _pendingCalls.Count, _pendingIntervals.Count);
            return false;
        }
        finally
        {
            _flushGate.Release();
        }
    }
}
