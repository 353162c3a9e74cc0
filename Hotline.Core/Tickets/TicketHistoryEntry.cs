namespace Hotline.Core.Tickets;

/// <summary>One append-only row of a ticket's timeline: who did what, when, from which status to which.</summary>
public sealed record TicketHistoryEntry
{
    public required string TicketNumber { get; init; }
    public required DateTimeOffset At { get; init; }
    public required TicketAction Action { get; init; }

    /// <summary>Null for <see cref="TicketAction.Register"/>.</summary>
    public TicketStatus? FromStatus { get; init; }

    /// <summary>Equal to <see cref="FromStatus"/> for actions that do not move the ticket (urge, emergency).</summary>
    public required TicketStatus ToStatus { get; init; }

    public required string ActorUserName { get; init; }
    public string? ActorDisplayName { get; init; }
    public required string ActorRole { get; init; }
    public string? ActorDepartmentId { get; init; }

    /// <summary>What the person typed: reason, reply, answer, follow-up remark.</summary>
    public string? Note { get; init; }

    /// <summary>A generated Chinese summary of the action's data (departments, new deadline, follow-up result).</summary>
    public string? Detail { get; init; }

    /// <summary>The ticket's version after this action.</summary>
    public int Version { get; init; }
}
