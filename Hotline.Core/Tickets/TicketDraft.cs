namespace Hotline.Core.Tickets;

/// <summary>
/// What the agent's form (or an API client) fills before registration. Mutable so a form can bind to it
/// and the server can save it as the agent types; <see cref="TicketDraftValidator"/> decides if it is complete.
/// </summary>
public sealed class TicketDraft
{
    public TicketChannel Channel { get; set; } = TicketChannel.Phone;
    public string? CallerNumber { get; set; }
    public string? CallerName { get; set; }
    public bool Confidential { get; set; }
    public string? Address { get; set; }
    public string? Street { get; set; }
    public string? Community { get; set; }

    /// <summary>Null until the agent picks one (the form starts empty on purpose).</summary>
    public RequestType? RequestType { get; set; }

    public long? CategoryId { get; set; }
    public string? CategoryPath { get; set; }
    public string? Content { get; set; }
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public List<string> LinkedCallIds { get; set; } = [];
    public string? ProposedDepartmentId { get; set; }
    public bool FollowUpWanted { get; set; }

    /// <summary>重大紧急: escalate to bureau leaders at registration.</summary>
    public bool MajorEmergency { get; set; }

    /// <summary>
    /// The agent's direct answer (直接答复内容) while it is being typed, kept with the draft so it survives a dropped
    /// circuit. <see cref="TicketService.RegisterAsync"/> ignores it; <see cref="TicketService.RegisterAndAnswerAsync"/> (the form's
    /// 直接答复, and <c>POST /api/tickets</c> whenever the field is present) registers and closes with it.
    /// </summary>
    public string? Answer { get; set; }
}
