namespace Hotline.Telephony;

public sealed record SeatOnCall(DateTimeOffset At, string AgentId, string CallId) : TelephonyEvent(At);
