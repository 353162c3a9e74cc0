namespace Hotline.Core.Assessment;

/// <summary>
/// Tickets over a period: registered (created in it), closed (closed in it) and overdue (open, with the current step's
/// deadline before the period's end or now, whichever is earlier — as the tickets stand now).
/// </summary>
public sealed record TicketFigures(int Registered, int Closed, int Overdue);
