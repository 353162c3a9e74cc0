namespace Hotline.Core.Tickets;

/// <summary>
/// A citizen request (受理单 / 工单) as stored. Immutable: <see cref="TicketWorkflow"/> returns a new value
/// for every transition, with <see cref="Version"/> one higher (storage updates WHERE version = old).
/// </summary>
public sealed record Ticket
{
    /// <summary>E.g. YH20261127-0042 (see <see cref="TicketNumber"/>).</summary>
    public required string Number { get; init; }
    public TicketChannel Channel { get; init; }
    public string CallerNumber { get; init; } = "";
    public string? CallerName { get; init; }

    /// <summary>保密: the caller's identity is hidden from departments.</summary>
    public bool Confidential { get; init; }

    public string? Address { get; init; }

    /// <summary>街道.</summary>
    public string? Street { get; init; }

    /// <summary>社区.</summary>
    public string? Community { get; init; }

    public RequestType RequestType { get; init; }
    public long? CategoryId { get; init; }

    /// <summary>The category's path as shown, e.g. 城市管理/市容环境/占道经营 (kept so renamed categories do not rewrite history).</summary>
    public string? CategoryPath { get; init; }

    /// <summary>诉求内容.</summary>
    public required string Content { get; init; }

    public Urgency Urgency { get; init; }

    /// <summary>Calls (and through them recordings) this ticket came from.</summary>
    public IReadOnlyList<string> LinkedCallIds { get; init; } = [];

    /// <summary>The department the agent proposed at registration (a hint for back office).</summary>
    public string? ProposedDepartmentId { get; init; }

    /// <summary>主办单位, set at dispatch.</summary>
    public string? LeadDepartmentId { get; init; }

    /// <summary>协办单位.</summary>
    public IReadOnlyList<string> AssistingDepartmentIds { get; init; } = [];

    /// <summary>Deadline of the step the ticket is waiting for now (dispatch, sign-for, handling, follow-up); null when finished.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Sign-for deadline of the latest dispatch (for 按时签收率).</summary>
    public DateTimeOffset? SignForDeadline { get; init; }

    /// <summary>Handling deadline of the latest dispatch or redo, including approved extensions (for 按时办结率).</summary>
    public DateTimeOffset? HandlingDeadline { get; init; }

    /// <summary>Whether the citizen wants a follow-up call (回访).</summary>
    public bool FollowUpWanted { get; init; }

    public TicketStatus Status { get; init; }

    /// <summary>Optimistic concurrency: 1 at registration, +1 on every transition.</summary>
    public int Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>User name of whoever registered it.</summary>
    public string CreatedBy { get; init; } = "";

    public DateTimeOffset? DispatchedAt { get; init; }
    public DateTimeOffset? SignedForAt { get; init; }
    public DateTimeOffset? RepliedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The latest reply text (the department's, or the agent's direct answer).</summary>
    public string? Reply { get; init; }

    public FollowUpResult? FollowUpResult { get; init; }
    public int ExtensionCount { get; init; }
    public int RedoCount { get; init; }
    public int UrgeCount { get; init; }
    public DateTimeOffset? LastUrgedAt { get; init; }

    /// <summary>Set when this ticket was merged into another (并单).</summary>
    public string? MergedIntoNumber { get; init; }

    /// <summary>重大紧急突发信息: escalated to bureau leaders.</summary>
    public bool IsMajorEmergency { get; init; }

    /// <summary>When the emergency alert was raised (特急 at registration, or an escalation).</summary>
    public DateTimeOffset? EmergencyRaisedAt { get; init; }
    public DateTimeOffset? EmergencyAcknowledgedAt { get; init; }
    public string? EmergencyAcknowledgedBy { get; init; }

    /// <summary>Closed or merged: nothing more happens and no deadline runs.</summary>
    public bool IsFinished => Status is TicketStatus.Closed or TicketStatus.Merged;

    /// <summary>The emergency alert shows (supervisor view, wallboard, officials) until someone acknowledges it.</summary>
    public bool AwaitsEmergencyAcknowledgement => EmergencyRaisedAt is not null && EmergencyAcknowledgedAt is null;

    /// <summary>The current step's deadline has passed.</summary>
    public bool IsOverdue(DateTimeOffset now) => !IsFinished && Deadline is { } deadline && now > deadline;

    /// <summary>Not overdue yet, but the current step's deadline is at most <paramref name="threshold"/> away.</summary>
    public bool IsDueSoon(DateTimeOffset now, TimeSpan threshold) =>
        !IsFinished && Deadline is { } deadline && now <= deadline && deadline - now <= threshold;

    /// <summary>Whether the department is the lead or an assisting one.</summary>
    public bool IsHandledBy(string? departmentId) =>
        !string.IsNullOrEmpty(departmentId)
        && (LeadDepartmentId == departmentId || AssistingDepartmentIds.Contains(departmentId));

    /// <summary>The ticket as a department may see it: a confidential caller's number and name are removed.</summary>
    public Ticket ForDepartmentView() => Confidential ? this with { CallerNumber = "", CallerName = null } : this;
}
