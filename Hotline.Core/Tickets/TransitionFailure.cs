namespace Hotline.Core.Tickets;

/// <summary>A refused action: a machine-readable kind, a Chinese message for people, and details.</summary>
/// <param name="Kind">Why.</param>
/// <param name="Message">Chinese, ready to show.</param>
/// <param name="Status">The ticket's status when refused (null at registration).</param>
/// <param name="FieldErrors">For <see cref="TransitionFailureKind.Invalid"/>: field name (camelCase, as in JSON) → Chinese messages.</param>
public sealed record TransitionFailure(
    TransitionFailureKind Kind,
    string Message,
    TicketStatus? Status,
    IReadOnlyDictionary<string, string[]> FieldErrors)
{
    /// <summary>English name of the status for APIs (e.g. "Dispatched"), or null.</summary>
    public string? StatusName => Status?.ToString();
}
