namespace Hotline.Core.Tickets.Storage;

/// <summary>A <see cref="TicketQuery"/> after the service resolved visibility, the category branch and the clock.</summary>
internal sealed record TicketSearch
{
    public required TicketQuery Query { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required string NumberPrefix { get; init; }

    /// <summary>Department actors: only tickets this department handles.</summary>
    public string? VisibleToDepartment { get; init; }

    /// <summary>The category and its descendants, when the query filters by category.</summary>
    public IReadOnlyList<long>? CategoryIds { get; init; }
}
