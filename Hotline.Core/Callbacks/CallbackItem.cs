namespace Hotline.Core.Callbacks;

/// <summary>One row of the callback worklist.</summary>
public sealed record CallbackItem(
    string CallId,
    string CallerNumber,
    string? Queue,
    DateTimeOffset QueuedAt,
    DateTimeOffset RequestedAt,
    CallbackStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    string? LastAttemptBy,
    string? LastCallId,
    DateTimeOffset? ClosedAt,
    string? ClosedBy);
