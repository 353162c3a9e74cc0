namespace Hotline.Telephony;

/// <summary>An outbound call (平台外呼) was originated for an agent, optionally for a ticket.</summary>
public sealed record OutboundCallStarted(DateTimeOffset At, string CallId, string AgentId, string Number, string? TicketNumber) : TelephonyEvent(At);
