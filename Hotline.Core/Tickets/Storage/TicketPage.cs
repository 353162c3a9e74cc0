namespace Hotline.Core.Tickets.Storage;

/// <summary>One page of <see cref="TicketService.SearchAsync"/>.</summary>
/// <param name="Items">The tickets of this page (departments get <see cref="Ticket.ForDepartmentView"/>).</param>
/// <param name="Total">Matching tickets, counted up to <see cref="MaxCountedTotal"/>.</param>
/// <param name="Page">1-based page number actually used.</param>
/// <param name="PageSize">Page size actually used.</param>
/// <param name="TotalCapped">
/// True when more than <see cref="Total"/> match (show "1000+"): counting stops at <see cref="MaxCountedTotal"/>, and for
/// content words of 1–2 characters (no index) at the end of the requested page, so a next page exists.
/// </param>
public sealed record TicketPage(IReadOnlyList<Ticket> Items, int Total, int Page, int PageSize, bool TotalCapped = false)
{
    /// <summary>
    /// Counting every match of a broad filter over millions of rows is slow; beyond this we say "more" ("1,000+ 条").
    /// Fifty pages of twenty are more than anyone pages through: narrower filters are the way on.
    /// </summary>
    public const int MaxCountedTotal = 1_000;

    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
