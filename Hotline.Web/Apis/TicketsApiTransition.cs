using Hotline.Core.Tickets;

namespace Hotline.Web.Apis;

/// <summary>
/// The body of <c>POST /api/tickets/{number}/transitions</c>: the action by name and the fields it needs
/// (see <see cref="TicketCommand"/>); <see cref="ExpectedVersion"/> is the version the client last saw.
/// </summary>
public sealed record TicketsApiTransition
{
    /// <summary>A <see cref="TicketAction"/> name, e.g. "Dispatch", "SignFor", "Reply".</summary>
    public string? Action { get; init; }
    public string? Note { get; init; }
    public string? LeadDepartmentId { get; init; }
    public IReadOnlyList<string>? AssistingDepartmentIds { get; init; }

    /// <summary>Satisfied, BasicallySatisfied or Dissatisfied (RecordFollowUp).</summary>
    public string? FollowUpResult { get; init; }
    public bool ObjectiveReason { get; init; }
    public string? MergeIntoNumber { get; init; }
    public int? ExpectedVersion { get; init; }
}
