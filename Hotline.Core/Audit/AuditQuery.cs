namespace Hotline.Core.Audit;

/// <summary>A search of the audit log: every filter is optional; newest first.</summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Action = null,
    string? Target = null,
    int Page = 1,
    int PageSize = 50);
