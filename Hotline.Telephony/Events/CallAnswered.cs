namespace Hotline.Telephony;

/// <summary>An agent answered; <see cref="WaitSeconds"/> is the time from joining the queue to the answer.</summary>
public sealed record CallAnswered(DateTimeOffset At, string CallId, string AgentId, string Queue, double WaitSeconds) : TelephonyEvent(At);
