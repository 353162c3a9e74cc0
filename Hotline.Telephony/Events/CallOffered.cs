namespace Hotline.Telephony;

/// <summary>The call was offered to (rings at) an agent's seat.</summary>
public sealed record CallOffered(DateTimeOffset At, string CallId, string AgentId) : TelephonyEvent(At);
