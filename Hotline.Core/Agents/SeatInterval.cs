using Hotline.Telephony;

namespace Hotline.Core.Agents;

/// <summary>A closed interval an agent's seat spent in one state.</summary>
public sealed record SeatInterval(string AgentId, SeatState State, string? Reason, DateTimeOffset StartedAt, DateTimeOffset EndedAt);
