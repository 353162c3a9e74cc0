namespace Hotline.Telephony;

/// <summary>The caller hung up while waiting in the queue or while a seat was ringing.</summary>
public sealed record CallAbandoned(DateTimeOffset At, string CallId, string Queue, double WaitSeconds, int Position) : TelephonyEvent(At);
