namespace Hotline.Telephony;

public sealed record SeatWrapUp(DateTimeOffset At, string AgentId) : TelephonyEvent(At);
