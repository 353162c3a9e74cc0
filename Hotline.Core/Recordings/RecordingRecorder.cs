using Hotline.Telephony;

namespace Hotline.Core.Recordings;

/// <summary>
/// Turns <see cref="RecordingStarted"/> / <see cref="RecordingStopped"/> into recording rows changed since the last
/// drain, like <see cref="Calls.CallRecorder"/> does for calls. Single consumer, not thread-safe. A recording is
/// forgotten after the drain that carries its end.
/// </summary>
public sealed class RecordingRecorder
{
    private readonly Dictionary<(string CallId, string FileName), RecordingRecord> _open = [];
    private readonly List<RecordingRecord> _changed = [];

    /// <summary>Recordings started and not yet drained with their end.</summary>
    public int OpenRecordings => _open.Count;

    public void Apply(TelephonyEvent e)
    {
        switch (e)
        {
            case RecordingStarted s when !_open.ContainsKey((s.CallId, s.FileName)):
                var started = new RecordingRecord(s.CallId, s.FileName, s.Node, s.At, null, null);
                _open[(s.CallId, s.FileName)] = started;
                _changed.Add(started);
                break;
            case RecordingStopped s when _open.TryGetValue((s.CallId, s.FileName), out var open) && open.EndedAt is null:
                var stopped = open with { EndedAt = s.At };
                _open[(s.CallId, s.FileName)] = stopped;
                _changed.Add(stopped);
                break;
        }
    }

    /// <summary>Moves the rows changed since the last drain (latest version of each) into <paramref name="recordings"/>.</summary>
    public void Drain(List<RecordingRecord> recordings)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = _changed.Count - 1; i >= 0; i--)
        {
            var r = _changed[i];
            if (!seen.Add((r.CallId, r.FileName))) continue;
            recordings.Add(r);
            if (r.EndedAt is not null) _open.Remove((r.CallId, r.FileName));
        }

        _changed.Clear();
    }
}
