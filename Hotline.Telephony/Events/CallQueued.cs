namespace Hotline.Telephony;

/// <summary>The call joined a queue at the given position (1 = head).</summary>
public sealed record CallQueued(DateTimeOffset At, string CallId, string Queue, int Position) : TelephonyEvent(At);
