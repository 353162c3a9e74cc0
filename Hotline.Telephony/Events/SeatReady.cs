namespace Hotline.Telephony;

public sealed record SeatReady(DateTimeOffset At, string AgentId) : TelephonyEvent(At);
