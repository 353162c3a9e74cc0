namespace Hotline.Telephony;

public sealed record SeatLoggedOut(DateTimeOffset At, string AgentId) : TelephonyEvent(At);
