using System.Collections.Concurrent;

namespace Hotline.Web.Recordings;

/// <summary>
/// Which playbacks are new, for the audit: a browser's player may fetch the same recording from byte 0 more than once
/// (a prerendered element, then the interactive one; a seek back to the start), which is one listening, not several.
/// A user's playback of a recording counts again after <see cref="Window"/> without a new start.
/// </summary>
public sealed class RecordingPlaybacks(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string User, long Recording, bool Download), DateTimeOffset> _started = new();

    /// <summary>True when this start is a new playback (to audit); records it either way.</summary>
    public bool Starts(string user, long recording, bool download)
    {
        var now = time.GetUtcNow();
        var key = (user, recording, download);
        var isNew = !_started.TryGetValue(key, out var last) || now - last >= Window;
        _started[key] = now;
        if (_started.Count > 10_000) Prune(now);
        return isNew;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, at) in _started)
        {
            if (now - at >= Window) _started.TryRemove(key, out _);
        }
    }
}
