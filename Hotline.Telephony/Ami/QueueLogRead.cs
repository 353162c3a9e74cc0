namespace Hotline.Telephony.Ami;

/// <summary>The entries read from a queue_log window, and how many malformed lines were skipped.</summary>
public sealed record QueueLogRead(IReadOnlyList<QueueLogEntry> Entries, int Skipped);
