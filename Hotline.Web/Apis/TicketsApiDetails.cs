using Hotline.Core.Tickets;

namespace Hotline.Web.Apis;

/// <summary>A ticket as the caller may see it, its timeline, and what the caller may do with it now.</summary>
public sealed record TicketsApiDetails(
    Ticket Ticket,
    bool Overdue,
    IReadOnlyList<TicketAction> AvailableActions,
    IReadOnlyList<TicketHistoryEntry> History);
