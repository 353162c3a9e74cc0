using Hotline.Core.Recordings;
using Hotline.Telephony;

namespace Hotline.Tests.Recordings;

public sealed class RecordingRecorderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private readonly RecordingRecorder _recorder = new();

    [Fact]
    public void A_recording_started_and_stopped_between_drains_is_drained_once_with_its_end()
    {
        _recorder.Apply(new RecordingStarted(T0, "c1", "pbx1", "c1.wav"));
        _recorder.Apply(new RecordingStopped(T0.AddSeconds(30), "c1", "c1.wav"));

        var drained = Drain();

        Assert.Equal(new RecordingRecord("c1", "c1.wav", "pbx1", T0, T0.AddSeconds(30), null), Assert.Single(drained));
        Assert.Equal(0, _recorder.OpenRecordings);
    }

    [Fact]
    public void A_recording_is_drained_when_it_starts_and_again_when_it_stops()
    {
        _recorder.Apply(new RecordingStarted(T0, "c1", "pbx1", "c1.wav"));
        Assert.Null(Assert.Single(Drain()).EndedAt);
        Assert.Empty(Drain());

        _recorder.Apply(new RecordingStopped(T0.AddSeconds(30), "c1", "c1.wav"));

        Assert.Equal(T0.AddSeconds(30), Assert.Single(Drain()).EndedAt);
    }

    [Fact]
    public void A_stop_for_a_recording_never_started_and_other_events_are_ignored()
    {
        _recorder.Apply(new RecordingStopped(T0, "c9", "c9.wav"));
        _recorder.Apply(new CallArrived(T0, "c1", "13800000000", "12345"));

        Assert.Empty(Drain());
    }

    private List<RecordingRecord> Drain()
    {
        var list = new List<RecordingRecord>();
        _recorder.Drain(list);
        return list;
    }
}
