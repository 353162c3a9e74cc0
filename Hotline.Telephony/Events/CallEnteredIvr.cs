namespace Hotline.Telephony;

/// <summary>The call entered the IVR menu.</summary>
public sealed record CallEnteredIvr(DateTimeOffset At, string CallId) : TelephonyEvent(At);
