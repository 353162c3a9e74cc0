namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// Filters and paging for <see cref="TicketService.SearchAsync"/>. Every filter is optional and they combine with AND.
/// Results are in registration order (the order of the ticket numbers), newest first.
/// </summary>
public sealed record TicketQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>
    /// A ticket number (exact match), a phone number (digits, optional +/-: exact or prefix of the caller number),
    /// or else words of the content (诉求内容), address and caller name: all terms must occur (substring match;
    /// full-text index for terms of 3+ characters).
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Any of these statuses (empty: all).</summary>
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];

    public RequestType? RequestType { get; init; }

    /// <summary>This category or any category below it in the tree.</summary>
    public long? CategoryId { get; init; }

    /// <summary>Tickets where this department is the lead or an assisting one.</summary>
    public string? DepartmentId { get; init; }

    /// <summary>街道 (exact).</summary>
    public string? Street { get; init; }

    public Urgency? Urgency { get; init; }

    /// <summary>Only unfinished tickets whose current deadline has passed.</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>Only unfinished tickets not yet overdue whose deadline is within this span from now.</summary>
    public TimeSpan? DueWithin { get; init; }

    /// <summary>Registered at or after (inclusive).</summary>
    public DateTimeOffset? RegisteredFrom { get; init; }

    /// <summary>Registered before (exclusive).</summary>
    public DateTimeOffset? RegisteredTo { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    /// <summary>1..<see cref="MaxPageSize"/> (clamped).</summary>
    public int PageSize { get; init; } = DefaultPageSize;
}
