namespace Hotline.Telephony;

/// <summary>The caller finished in an IVR self-service node (counts in 有效接通率).</summary>
public sealed record CallSelfServed(DateTimeOffset At, string CallId, string IvrNode) : TelephonyEvent(At);
