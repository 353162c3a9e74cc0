namespace Hotline.Core.Tickets;

/// <summary>Where a ticket stands in the closed loop 受理 → 派单 → 办理 → 答复 → 回访 → 办结.</summary>
/// <remarks>Stored by name; do not rename members.</remarks>
public enum TicketStatus
{
    /// <summary>已受理: registered, waiting to be answered directly or dispatched.</summary>
    Registered,

    /// <summary>已派单: dispatched, waiting for the department to sign for it.</summary>
    Dispatched,

    /// <summary>办理中 (已签收): the department signed for it and is handling it.</summary>
    SignedFor,

    /// <summary>已退单: the department returned it; the hotline reassigns or insists.</summary>
    Returned,

    /// <summary>延期申请中: the department asked for more time; the hotline approves or refuses.</summary>
    ExtensionRequested,

    /// <summary>已答复: the department replied; the hotline reviews the reply.</summary>
    Replied,

    /// <summary>答复退回: the hotline sent the reply back; the department replies again.</summary>
    ReplyRejected,

    /// <summary>待回访: reply accepted, waiting for the follow-up call to the citizen.</summary>
    FollowUpPending,

    /// <summary>重办: dissatisfied for an objective reason, back to the department (signs for it again).</summary>
    Redo,

    /// <summary>已办结: finished (answered directly, or after follow-up).</summary>
    Closed,

    /// <summary>已并单: a duplicate merged into another ticket.</summary>
    Merged,
}
