using System.Collections.Frozen;
using System.Globalization;
using Hotline.Core.Security;

namespace Hotline.Core.Tickets;

/// <summary>
/// The ticket state machine, pure: given a ticket, a command, who acts and when, it returns the next ticket
/// (version + 1, new status and deadline) with its history row, or a failure that says why. No I/O;
/// storage persists the result with an optimistic-concurrency check on <see cref="Ticket.Version"/>.
/// </summary>
/// <remarks>
/// Checks run in this order: role, department ownership, expected version, status, fields.
/// </remarks>
public sealed class TicketWorkflow
{
    /// <summary>Longest note (reason, reply, answer) accepted.</summary>
    public const int MaxNoteLength = 4000;

    private static readonly string[] IntakeRoles = [Roles.Agent, Roles.BackOffice, Roles.Supervisor, Roles.Admin];
    private static readonly string[] HotlineRoles = [Roles.BackOffice, Roles.Supervisor, Roles.Admin];
    private static readonly string[] DepartmentRoles = [Roles.Department];
    private static readonly string[] AcknowledgeRoles = [Roles.Official, Roles.Supervisor, Roles.Admin];

    private static readonly TicketStatus[] Active =
    [
        TicketStatus.Registered, TicketStatus.Dispatched, TicketStatus.SignedFor, TicketStatus.Returned,
        TicketStatus.ExtensionRequested, TicketStatus.Replied, TicketStatus.ReplyRejected,
        TicketStatus.FollowUpPending, TicketStatus.Redo,
    ];

    private static readonly FrozenDictionary<TicketAction, Rule> Rules = new Dictionary<TicketAction, Rule>
    {
        [TicketAction.Register] = new(IntakeRoles, []),
        [TicketAction.AnswerDirectly] = new(IntakeRoles, [TicketStatus.Registered]),
        [TicketAction.Dispatch] = new(HotlineRoles, [TicketStatus.Registered]),
        [TicketAction.SignFor] = new(DepartmentRoles, [TicketStatus.Dispatched, TicketStatus.Redo]),
        [TicketAction.Return] = new(DepartmentRoles, [TicketStatus.Dispatched, TicketStatus.SignedFor]),
        [TicketAction.Reassign] = new(HotlineRoles, [TicketStatus.Returned]),
        [TicketAction.InsistReturn] = new(HotlineRoles, [TicketStatus.Returned]),
        [TicketAction.RequestExtension] = new(DepartmentRoles, [TicketStatus.SignedFor]),
        [TicketAction.ApproveExtension] = new(HotlineRoles, [TicketStatus.ExtensionRequested]),
        [TicketAction.RefuseExtension] = new(HotlineRoles, [TicketStatus.ExtensionRequested]),
        [TicketAction.Reply] = new(DepartmentRoles, [TicketStatus.SignedFor, TicketStatus.ReplyRejected]),
        [TicketAction.AcceptReply] = new(HotlineRoles, [TicketStatus.Replied]),
        [TicketAction.RejectReply] = new(HotlineRoles, [TicketStatus.Replied]),
        [TicketAction.RecordFollowUp] = new(HotlineRoles, [TicketStatus.FollowUpPending]),
        [TicketAction.Close] = new(HotlineRoles, [TicketStatus.FollowUpPending]),
        [TicketAction.Urge] = new(HotlineRoles,
            [TicketStatus.Dispatched, TicketStatus.SignedFor, TicketStatus.ExtensionRequested, TicketStatus.ReplyRejected, TicketStatus.Redo]),
        [TicketAction.Merge] = new(HotlineRoles,
            [TicketStatus.Registered, TicketStatus.Dispatched, TicketStatus.SignedFor, TicketStatus.Returned]),
        [TicketAction.EscalateEmergency] = new(IntakeRoles, Active),
        [TicketAction.AcknowledgeEmergency] = new(AcknowledgeRoles, [.. Active, TicketStatus.Closed, TicketStatus.Merged]),
    }.ToFrozenDictionary();

    private readonly DeadlineCalculator _deadlines;
    private readonly TicketDraftValidator _validator;
    private readonly string _numberPrefix;

    public TicketWorkflow(DeadlineCalculator deadlines, TicketOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        options ??= new TicketOptions();
        _deadlines = deadlines;
        _validator = new TicketDraftValidator(options);
        _numberPrefix = options.NumberPrefix;
    }

    public DeadlineCalculator Deadlines => _deadlines;

    public TicketDraftValidator Validator => _validator;

    /// <summary>Statuses in which <paramref name="action"/> may be applied (empty for Register, which creates tickets).</summary>
    public static IReadOnlyCollection<TicketStatus> StatusesAllowing(TicketAction action) => Rules[action].States;

    /// <summary>Roles that may perform <paramref name="action"/> (Department only on its own tickets).</summary>
    public static IReadOnlyCollection<string> RolesAllowedTo(TicketAction action) => Rules[action].Roles;

    /// <summary>
    /// The actions <paramref name="actor"/> could take on <paramref name="ticket"/> now (for showing buttons);
    /// the command's fields are still validated by <see cref="Apply"/>.
    /// </summary>
    public static IReadOnlyList<TicketAction> AvailableActions(Ticket ticket, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(actor);
        return [.. Enum.GetValues<TicketAction>().Where(a => Precheck(ticket, a, actor, expectedVersion: null) is null)];
    }

    /// <summary>Creates a ticket (status Registered, version 1) from a complete draft; <paramref name="number"/> comes from storage.</summary>
    public TransitionResult Register(TicketDraft draft, string number, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrEmpty(number);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Rules[TicketAction.Register].Roles.Contains(actor.Role))
            return Forbidden(TicketAction.Register, null);
        var errors = _validator.Validate(draft);
        if (errors.Count > 0)
            return Invalid(errors, null);

        var emergency = draft.MajorEmergency || draft.Urgency == Urgency.Critical;
        var ticket = new Ticket
        {
            Number = number,
            Channel = draft.Channel,
            CallerNumber = ChinesePhoneNumber.Normalize(draft.CallerNumber ?? ""),
            CallerName = Clean(draft.CallerName),
            Confidential = draft.Confidential,
            Address = Clean(draft.Address),
            Street = Clean(draft.Street),
            Community = Clean(draft.Community),
            RequestType = draft.RequestType!.Value,
            CategoryId = draft.CategoryId,
            CategoryPath = Clean(draft.CategoryPath),
            Content = draft.Content!.Trim(),
            Urgency = draft.Urgency,
            LinkedCallIds = [.. (draft.LinkedCallIds ?? []).Select(c => c.Trim())],
            ProposedDepartmentId = Clean(draft.ProposedDepartmentId),
            FollowUpWanted = draft.FollowUpWanted,
            Status = TicketStatus.Registered,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = actor.UserName,
            Deadline = _deadlines.DispatchDeadline(draft.Urgency, now),
            IsMajorEmergency = draft.MajorEmergency,
            EmergencyRaisedAt = emergency ? now : null,
        };
        var detail = $"{ticket.RequestType.ToDisplayName()}，{ticket.Urgency.ToDisplayName()}"
            + (draft.MajorEmergency ? "，重大紧急上报" : "")
            + $"，派单期限 {Local(ticket.Deadline.Value)}";
        return TransitionResult.Success(ticket, History(ticket, TicketAction.Register, null, actor, now, null, detail));
    }

    /// <summary>Applies one action to an existing ticket.</summary>
    public TransitionResult Apply(Ticket ticket, TicketCommand command, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        if (Precheck(ticket, command.Action, actor, command.ExpectedVersion) is { } refused)
            return TransitionResult.Fail(refused);

        var errors = new Dictionary<string, string[]>();
        var note = Clean(command.Note);
        if (note is not null && note.Length > MaxNoteLength)
            errors["note"] = [$"说明不能超过 {MaxNoteLength} 个字"];
        if (NoteRequiredMessage(command.Action) is { } required && note is null)
            errors["note"] = [required];

        var next = ticket with { Version = ticket.Version + 1, UpdatedAt = now };
        string? detail = null;
        switch (command.Action)
        {
            case TicketAction.AnswerDirectly:
                next = next with { Status = TicketStatus.Closed, Reply = note, RepliedAt = now, ClosedAt = now, Deadline = null };
                break;

            case TicketAction.Dispatch:
            case TicketAction.Reassign:
                if (ValidateDepartments(command, errors) is { } lead)
                {
                    next = Dispatch(next, lead, [.. (command.AssistingDepartmentIds ?? []).Select(d => d.Trim())], now);
                    detail = DispatchDetail(next);
                }
                break;

            case TicketAction.InsistReturn:
                // Same departments; the sign-for clock restarts, the handling deadline stands.
                var signFor = _deadlines.SignForDeadline(ticket.Urgency, now);
                next = next with { Status = TicketStatus.Dispatched, DispatchedAt = now, SignForDeadline = signFor, Deadline = signFor };
                detail = $"签收期限 {Local(signFor)}";
                break;

            case TicketAction.SignFor:
                next = next with { Status = TicketStatus.SignedFor, SignedForAt = now, Deadline = ticket.HandlingDeadline };
                break;

            case TicketAction.Return:
                // Back to the hotline, which has the dispatch time limit to reassign or insist.
                next = next with { Status = TicketStatus.Returned, Deadline = _deadlines.DispatchDeadline(ticket.Urgency, now) };
                break;

            case TicketAction.RequestExtension:
                next = next with { Status = TicketStatus.ExtensionRequested };
                break;

            case TicketAction.ApproveExtension:
                var extended = _deadlines.ExtendedDeadline(ticket.HandlingDeadline ?? now);
                next = next with
                {
                    Status = TicketStatus.SignedFor,
                    HandlingDeadline = extended,
                    Deadline = extended,
                    ExtensionCount = ticket.ExtensionCount + 1,
                };
                detail = $"延期 {_deadlines.ExtensionWorkingDays} 个工作日，办理期限 {Local(extended)}";
                break;

            case TicketAction.RefuseExtension:
                next = next with { Status = TicketStatus.SignedFor, Deadline = ticket.HandlingDeadline };
                break;

            case TicketAction.Reply:
                var followUp = _deadlines.FollowUpDeadline(ticket.Urgency, now);
                next = next with { Status = TicketStatus.Replied, Reply = note, RepliedAt = now, Deadline = followUp };
                break;

            case TicketAction.AcceptReply:
                next = ticket.FollowUpWanted
                    ? next with { Status = TicketStatus.FollowUpPending }
                    : next with { Status = TicketStatus.Closed, ClosedAt = now, Deadline = null };
                detail = ticket.FollowUpWanted ? null : "市民无需回访，直接办结";
                break;

            case TicketAction.RejectReply:
                // The department answers again against the handling deadline it already had.
                next = next with { Status = TicketStatus.ReplyRejected, Deadline = ticket.HandlingDeadline };
                break;

            case TicketAction.RecordFollowUp:
                if (command.FollowUpResult is not { } result || !Enum.IsDefined(result))
                {
                    errors["followUpResult"] = ["请选择回访结果"];
                    break;
                }
                var redo = result == FollowUpResult.Dissatisfied && command.ObjectiveReason;
                next = redo
                    ? Redo(next with { FollowUpResult = result }, now)
                    : next with { Status = TicketStatus.Closed, FollowUpResult = result, ClosedAt = now, Deadline = null };
                detail = $"回访结果：{result.ToDisplayName()}"
                    + (result == FollowUpResult.Dissatisfied ? (command.ObjectiveReason ? "（客观原因，重办）" : "（非客观原因）") : "");
                break;

            case TicketAction.Close:
                next = next with { Status = TicketStatus.Closed, ClosedAt = now, Deadline = null };
                break;

            case TicketAction.Urge:
                next = next with { UrgeCount = ticket.UrgeCount + 1, LastUrgedAt = now };
                detail = ticket.IsOverdue(now) ? "已超期" : null;
                break;

            case TicketAction.Merge:
                var target = command.MergeIntoNumber?.Trim();
                if (string.IsNullOrEmpty(target))
                    errors["mergeIntoNumber"] = ["请填写并入的工单编号"];
                else if (!TicketNumber.IsValid(target, _numberPrefix))
                    errors["mergeIntoNumber"] = ["工单编号格式不正确"];
                else if (target == ticket.Number)
                    errors["mergeIntoNumber"] = ["不能并入工单自身"];
                else
                {
                    next = next with { Status = TicketStatus.Merged, MergedIntoNumber = target, ClosedAt = now, Deadline = null };
                    detail = $"并入 {target}";
                }
                break;

            case TicketAction.EscalateEmergency:
                // A new alert even if an earlier 特急 alert was acknowledged: leaders must see the escalation.
                next = next with { IsMajorEmergency = true, EmergencyRaisedAt = now, EmergencyAcknowledgedAt = null, EmergencyAcknowledgedBy = null };
                break;

            case TicketAction.AcknowledgeEmergency:
                next = next with { EmergencyAcknowledgedAt = now, EmergencyAcknowledgedBy = actor.UserName };
                break;

            default:
                throw new InvalidOperationException($"No transition for {command.Action}.");
        }

        if (errors.Count > 0)
            return Invalid(errors, ticket.Status);
        return TransitionResult.Success(next, History(next, command.Action, ticket.Status, actor, now, note, detail));
    }

    private static TransitionFailure? Precheck(Ticket ticket, TicketAction action, Actor actor, int? expectedVersion)
    {
        var rule = Rules[action];
        if (!rule.Roles.Contains(actor.Role))
            return Forbidden(action, ticket.Status).Failure;
        if (actor.Role == Roles.Department && !ticket.IsHandledBy(actor.DepartmentId))
        {
            return new TransitionFailure(TransitionFailureKind.Forbidden,
                $"该工单不属于本单位，不能执行“{action.ToDisplayName()}”", ticket.Status, NoFields);
        }
        if (expectedVersion is { } expected && expected != ticket.Version)
        {
            return new TransitionFailure(TransitionFailureKind.VersionConflict,
                $"工单已被他人更新（当前状态：{ticket.Status.ToDisplayName()}），请刷新后重试", ticket.Status, NoFields);
        }
        if (!rule.States.Contains(ticket.Status))
            return NotAllowed(ticket, $"工单当前状态为“{ticket.Status.ToDisplayName()}”，不能执行“{action.ToDisplayName()}”");
        if (action == TicketAction.EscalateEmergency && ticket.IsMajorEmergency)
            return NotAllowed(ticket, "该工单已上报为重大紧急事件");
        if (action == TicketAction.AcknowledgeEmergency && !ticket.AwaitsEmergencyAcknowledgement)
            return NotAllowed(ticket, "该工单没有待确认的紧急信息");
        return null;
    }

    private Ticket Dispatch(Ticket ticket, string lead, IReadOnlyList<string> assisting, DateTimeOffset now)
    {
        var signFor = _deadlines.SignForDeadline(ticket.Urgency, now);
        return ticket with
        {
            Status = TicketStatus.Dispatched,
            LeadDepartmentId = lead,
            AssistingDepartmentIds = assisting,
            DispatchedAt = now,
            SignedForAt = null,
            SignForDeadline = signFor,
            HandlingDeadline = _deadlines.HandlingDeadline(ticket.Urgency, ticket.RequestType, now),
            Deadline = signFor,
        };
    }

    // Redo is a fresh assignment to the same departments: sign for it again, full handling time from now.
    private Ticket Redo(Ticket ticket, DateTimeOffset now) => Dispatch(ticket, ticket.LeadDepartmentId!, ticket.AssistingDepartmentIds, now) with
    {
        Status = TicketStatus.Redo,
        RedoCount = ticket.RedoCount + 1,
    };

    private static string? ValidateDepartments(TicketCommand command, Dictionary<string, string[]> errors)
    {
        var lead = command.LeadDepartmentId?.Trim();
        if (string.IsNullOrEmpty(lead))
        {
            errors["leadDepartmentId"] = ["请选择主办单位"];
            return null;
        }
        var assisting = command.AssistingDepartmentIds ?? [];  // JSON may send null
        if (assisting.Any(string.IsNullOrWhiteSpace))
            errors["assistingDepartmentIds"] = ["协办单位不能为空"];
        else if (assisting.Any(d => d.Trim() == lead))
            errors["assistingDepartmentIds"] = ["协办单位不能包含主办单位"];
        else if (assisting.Select(d => d.Trim()).Distinct().Count() != assisting.Count)
            errors["assistingDepartmentIds"] = ["协办单位不能重复"];
        return errors.ContainsKey("assistingDepartmentIds") ? null : lead;
    }

    private static string? NoteRequiredMessage(TicketAction action) => action switch
    {
        TicketAction.AnswerDirectly => "请填写答复内容",
        TicketAction.Return => "请填写退单理由",
        TicketAction.InsistReturn => "请填写维持原派单的理由",
        TicketAction.RequestExtension => "请填写延期理由",
        TicketAction.RefuseExtension => "请填写不同意延期的理由",
        TicketAction.Reply => "请填写答复内容",
        TicketAction.RejectReply => "请填写退回理由",
        TicketAction.Close => "请填写办结说明",
        _ => null,
    };

    private string DispatchDetail(Ticket ticket) =>
        $"主办：{ticket.LeadDepartmentId}"
        + (ticket.AssistingDepartmentIds.Count > 0 ? $"；协办：{string.Join("、", ticket.AssistingDepartmentIds)}" : "")
        + $"；签收期限 {Local(ticket.SignForDeadline!.Value)}；办理期限 {Local(ticket.HandlingDeadline!.Value)}";

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _deadlines.Calendar.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static TicketHistoryEntry History(
        Ticket ticket, TicketAction action, TicketStatus? from, Actor actor, DateTimeOffset now, string? note, string? detail) => new()
        {
            TicketNumber = ticket.Number,
            At = now,
            Action = action,
            FromStatus = from,
            ToStatus = ticket.Status,
            ActorUserName = actor.UserName,
            ActorDisplayName = actor.DisplayName,
            ActorRole = actor.Role,
            ActorDepartmentId = actor.DepartmentId,
            Note = note,
            Detail = detail,
            Version = ticket.Version,
        };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static readonly IReadOnlyDictionary<string, string[]> NoFields = FrozenDictionary<string, string[]>.Empty;

    private static TransitionResult Forbidden(TicketAction action, TicketStatus? status) =>
        TransitionResult.Fail(new TransitionFailure(TransitionFailureKind.Forbidden,
            $"当前角色无权执行“{action.ToDisplayName()}”", status, NoFields));

    private static TransitionFailure NotAllowed(Ticket ticket, string message) =>
        new(TransitionFailureKind.NotAllowedInState, message, ticket.Status, NoFields);

    private static TransitionResult Invalid(Dictionary<string, string[]> errors, TicketStatus? status) =>
        TransitionResult.Fail(new TransitionFailure(TransitionFailureKind.Invalid,
            "请检查填写的内容：" + string.Join("；", errors.Values.SelectMany(m => m)), status, errors));

    private sealed record Rule(string[] Roles, TicketStatus[] States);
}
