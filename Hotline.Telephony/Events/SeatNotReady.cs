namespace Hotline.Telephony;

public sealed record SeatNotReady(DateTimeOffset At, string AgentId, string Reason) : TelephonyEvent(At);
