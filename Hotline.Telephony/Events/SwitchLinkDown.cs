namespace Hotline.Telephony;

public sealed record SwitchLinkDown(DateTimeOffset At, string Node, string Reason) : TelephonyEvent(At);
