namespace Hotline.Core.Tickets.Storage;

/// <summary>A user's autosaved form content and when it was saved.</summary>
public sealed record SavedTicketDraft(string UserName, TicketDraft Draft, DateTimeOffset SavedAt);
