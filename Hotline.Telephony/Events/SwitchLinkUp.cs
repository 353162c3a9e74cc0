namespace Hotline.Telephony;

public sealed record SwitchLinkUp(DateTimeOffset At, string Node) : TelephonyEvent(At);
