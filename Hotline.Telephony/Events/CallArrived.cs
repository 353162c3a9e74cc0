namespace Hotline.Telephony;

/// <summary>An inbound call reached the hotline number.</summary>
public sealed record CallArrived(DateTimeOffset At, string CallId, string CallerNumber, string CalledNumber) : TelephonyEvent(At);
