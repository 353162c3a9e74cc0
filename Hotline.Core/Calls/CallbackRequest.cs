namespace Hotline.Core.Calls;

/// <summary>A callback request as the ingest stores it (<c>callbacks</c> table), with the caller's original enqueue time.</summary>
public sealed record CallbackRequest(string CallId, string CallerNumber, string Queue, DateTimeOffset QueuedAt, DateTimeOffset RequestedAt);
