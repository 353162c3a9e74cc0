namespace Hotline.Telephony;

/// <summary>The call ended without reaching a queue or finishing self-service (e.g. hung up in the IVR menu).</summary>
public sealed record CallDisconnected(DateTimeOffset At, string CallId) : TelephonyEvent(At);
