namespace Hotline.Telephony;

/// <summary>An answered call ended.</summary>
public sealed record CallEnded(DateTimeOffset At, string CallId, string AgentId, double TalkSeconds, HangupParty HungUpBy) : TelephonyEvent(At);
