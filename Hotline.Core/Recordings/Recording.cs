namespace Hotline.Core.Recordings;

/// <summary>A stored recording with what access checks need from its call (the agent who took it, its ticket).</summary>
public sealed record Recording
{
    public required long Id { get; init; }
    public required string CallId { get; init; }
    public required string Node { get; init; }
    public required string FileName { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public long? Bytes { get; init; }
    /// <summary>Set when the retention job deleted the file; the row stays as the index of what existed.</summary>
    public DateTimeOffset? DeletedAt { get; init; }
    /// <summary>The agent who answered the call (null when unanswered or the call is not stored).</summary>
    public string? AgentId { get; init; }
    public string? TicketNumber { get; init; }
}
