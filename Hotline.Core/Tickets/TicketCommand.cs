namespace Hotline.Core.Tickets;

/// <summary>
/// A request to apply one <see cref="TicketAction"/>. Only the members the action needs are read:
/// <list type="bullet">
/// <item><see cref="Note"/>: required for AnswerDirectly (the answer), Return, InsistReturn, RequestExtension,
/// RefuseExtension, Reply (the reply), RejectReply, Close; optional otherwise.</item>
/// <item><see cref="LeadDepartmentId"/> / <see cref="AssistingDepartmentIds"/>: Dispatch, Reassign.</item>
/// <item><see cref="FollowUpResult"/> / <see cref="ObjectiveReason"/>: RecordFollowUp.</item>
/// <item><see cref="MergeIntoNumber"/>: Merge.</item>
/// </list>
/// </summary>
public sealed record TicketCommand(TicketAction Action)
{
    public string? Note { get; init; }
    public string? LeadDepartmentId { get; init; }
    public IReadOnlyList<string> AssistingDepartmentIds { get; init; } = [];
    public FollowUpResult? FollowUpResult { get; init; }

    /// <summary>Only for <see cref="Tickets.FollowUpResult.Dissatisfied"/>: the dissatisfaction has an objective reason → redo.</summary>
    public bool ObjectiveReason { get; init; }

    public string? MergeIntoNumber { get; init; }

    /// <summary>The version the user saw; when given and stale the command fails with <see cref="TransitionFailureKind.VersionConflict"/>.</summary>
    public int? ExpectedVersion { get; init; }
}
