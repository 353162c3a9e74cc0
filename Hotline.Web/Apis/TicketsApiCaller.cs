namespace Hotline.Web.Apis;

/// <summary>A ticket's full caller number and name, returned only by the audited reveal.</summary>
public sealed record TicketsApiCaller(string Number, string CallerNumber, string? CallerName);
