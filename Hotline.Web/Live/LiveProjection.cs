using Hotline.Core.Agents;
using Hotline.Core.Calls;
using Hotline.Core.Live;
using Hotline.Core.Recordings;
using Hotline.Telephony;

namespace Hotline.Web.Live;

/// <summary>
/// The live projection, the call recorder and the recordings index behind one lock: the ingest applies events, the
/// publisher and the API take snapshots, the flusher drains records. Neither <see cref="LiveState"/> nor
/// <see cref="CallRecorder"/> nor <see cref="RecordingRecorder"/> is thread-safe on its own.
/// </summary>
public sealed class LiveProjection(LiveState state, CallRecorder recorder, RecordingRecorder? recordings = null)
{
    private readonly RecordingRecorder _recordings = recordings ?? new RecordingRecorder();

    // Bounds the time the lock is held while a burst is applied, so snapshots are not starved.
    private const int MaxBatch = 4096;

    private readonly Lock _gate = new();

    // Completed when events are applied; renewed by the waiter that finds it completed and nothing new.
    private TaskCompletionSource _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long EventsApplied
    {
        get
        {
            lock (_gate)
            {
                return state.EventsApplied;
            }
        }
    }

    public void Apply(TelephonyEvent e)
    {
        lock (_gate)
        {
            state.Apply(e);
            recorder.Apply(e);
            _recordings.Apply(e);
            _applied.TrySetResult();
        }
    }

    /// <summary>Completes as soon as more than <paramref name="seen"/> events have been applied (at once if they already are).</summary>
    public Task WhenAppliedBeyond(long seen)
    {
        lock (_gate)
        {
            if (state.EventsApplied > seen)
            {
                return Task.CompletedTask;
            }

            if (_applied.Task.IsCompleted)
            {
                _applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _applied.Task;
        }
    }

    /// <summary>Applies the events already waiting in <paramref name="reader"/>, in order; returns how many.</summary>
    public int ApplyAvailable(System.Threading.Channels.ChannelReader<TelephonyEvent> reader)
    {
        var applied = 0;
        lock (_gate)
        {
            while (applied < MaxBatch && reader.TryRead(out var e))
            {
                state.Apply(e);
                recorder.Apply(e);
                _recordings.Apply(e);
                applied++;
            }

            if (applied > 0)
            {
                // Continuations run asynchronously: the waiting publisher never runs inside this lock.
                _applied.TrySetResult();
            }
        }

        return applied;
    }

    public void Restore(IEnumerable<CallRecord> calls, DateTimeOffset now)
    {
        lock (_gate)
        {
            state.Restore(calls, now);
        }
    }

    public LiveSnapshot Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            return state.Snapshot(now);
        }
    }

    /// <summary>Closes the open seat intervals at <paramref name="at"/> so a shutdown stores seat time up to then.</summary>
    public void CloseOpenIntervals(DateTimeOffset at)
    {
        lock (_gate)
        {
            recorder.CloseOpenIntervals(at);
        }
    }

    public void Drain(List<CallRecord> calls, List<SeatInterval> intervals) => Drain(calls, intervals, []);

    /// <summary>Also moves out the callback requests made since the last drain.</summary>
    public void Drain(List<CallRecord> calls, List<SeatInterval> intervals, List<CallbackRequest> callbacks)
    {
        lock (_gate)
        {
            recorder.Drain(calls, intervals);
            recorder.DrainCallbacks(callbacks);
        }
    }

    /// <summary>The recording rows started or stopped since the last drain.</summary>
    public void DrainRecordings(List<RecordingRecord> recordings)
    {
        lock (_gate)
        {
            _recordings.Drain(recordings);
        }
    }
}
