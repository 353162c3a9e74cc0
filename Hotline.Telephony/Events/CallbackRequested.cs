namespace Hotline.Telephony;

/// <summary>
/// A queued caller left a callback request and hung up (queue overflow). <see cref="QueuedAt"/> is the original
/// enqueue time, kept so the worklist orders and ages requests by how long the citizen has really been waiting.
/// The call counts as a callback request, not as abandoned.
/// </summary>
public sealed record CallbackRequested(DateTimeOffset At, string CallId, string Queue, string CallerNumber, DateTimeOffset QueuedAt, double WaitSeconds) : TelephonyEvent(At);
