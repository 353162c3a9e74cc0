namespace Hotline.Telephony;

public sealed record SeatRinging(DateTimeOffset At, string AgentId, string CallId) : TelephonyEvent(At);
