using Hotline.Core.Tickets;

namespace Hotline.Web.Apis;

/// <summary>One page of <c>GET /api/tickets</c>; <see cref="TotalCapped"/> means "more than <see cref="Total"/>".</summary>
public sealed record TicketsApiPage(IReadOnlyList<Ticket> Items, int Total, bool TotalCapped, int Page, int PageSize);
