namespace Hotline.Core.Tickets;

/// <summary>Everything that can happen to a ticket; each one becomes a history row.</summary>
/// <remarks>Stored by name in history; do not rename members.</remarks>
public enum TicketAction
{
    /// <summary>受理: creates the ticket (<see cref="TicketWorkflow.Register"/>), never applied to an existing one.</summary>
    Register,

    /// <summary>直接答复: the agent answers at once (typically a consultation) and the ticket closes.</summary>
    AnswerDirectly,

    /// <summary>派单: to a lead department and optional assisting ones.</summary>
    Dispatch,

    /// <summary>签收 (department).</summary>
    SignFor,

    /// <summary>退单 with a reason (department).</summary>
    Return,

    /// <summary>改派: after reviewing a return, dispatch to other department(s).</summary>
    Reassign,

    /// <summary>维持原派单: after reviewing a return, send it back to the same department(s).</summary>
    InsistReturn,

    /// <summary>延期申请 with a reason (department).</summary>
    RequestExtension,

    /// <summary>同意延期: moves the handling deadline by the configured working days.</summary>
    ApproveExtension,

    /// <summary>不同意延期.</summary>
    RefuseExtension,

    /// <summary>答复 / 办理反馈 (department).</summary>
    Reply,

    /// <summary>审核通过: to follow-up, or closed when the citizen wants no follow-up call.</summary>
    AcceptReply,

    /// <summary>审核退回: the department must reply again.</summary>
    RejectReply,

    /// <summary>回访: records the citizen's satisfaction; dissatisfied with an objective reason → redo, else closed.</summary>
    RecordFollowUp,

    /// <summary>办结 without a follow-up result (e.g. the citizen could not be reached), with a reason.</summary>
    Close,

    /// <summary>催办 / 督办: a notice to the department; the status does not change.</summary>
    Urge,

    /// <summary>并单: this ticket is a duplicate of another.</summary>
    Merge,

    /// <summary>重大紧急上报: marks a major emergency and raises the alert for leaders.</summary>
    EscalateEmergency,

    /// <summary>确认紧急信息: someone on duty acknowledged the emergency alert.</summary>
    AcknowledgeEmergency,
}
