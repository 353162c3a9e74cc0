namespace Hotline.Web.Security;

/// <summary>
/// Failed sign-ins with user names that do not exist, counted and locked exactly like a real account's, so that the
/// "locked" answer does not tell a guesser which names exist. In memory and bounded (the oldest names are dropped first):
/// a restart forgets them, as it would not for a real account, which only shortens a guesser's lock.
/// </summary>
public sealed class UnknownNameLockout
{
    private const int MaxNames = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _order = new();

    public bool IsLocked(string name, DateTimeOffset now)
    {
        lock (_gate) return _names.TryGetValue(name, out var entry) && entry.LockedUntil > now;
    }

    /// <summary>Counts a failure; true when it reaches <paramref name="maxFailures"/> and locks the name until <paramref name="lockUntil"/>.</summary>
    public bool RecordFailure(string name, int maxFailures, DateTimeOffset lockUntil)
    {
        lock (_gate)
        {
            if (!_names.TryGetValue(name, out var entry))
            {
                while (_names.Count >= MaxNames && _order.TryDequeue(out var oldest)) _names.Remove(oldest);
                entry = new Entry();
                _names.Add(name, entry);
                _order.Enqueue(name);
            }

            entry.Failures++;
            if (entry.Failures < maxFailures) return false;
            entry.Failures = 0;
            entry.LockedUntil = lockUntil;
            return true;
        }
    }

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset LockedUntil;
    }
}
