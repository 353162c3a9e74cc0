using Hotline.Core.Tickets;
using static Hotline.Tests.Tickets.TicketTestKit;

namespace Hotline.Tests.Tickets;

/// <summary>The closed loop's paths, one behaviour each.</summary>
public class TicketLoopTests
{
    private readonly TicketTestKit _kit = new();

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    [Fact]
    public void A_complaint_goes_from_registration_through_reply_and_a_satisfied_follow_up_to_closed()
    {
        var ticket = _kit.Register();
        Assert.Equal((TicketStatus.Registered, 1, At(11, 2, 17, 30)), (ticket.Status, ticket.Version, ticket.Deadline));

        ticket = _kit.Do(ticket, TicketAction.Dispatch);
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal("D1", ticket.LeadDepartmentId);
        Assert.Equal(["D2"], ticket.AssistingDepartmentIds);
        Assert.Equal(At(11, 3, 17, 30), ticket.SignForDeadline);
        Assert.Equal(At(11, 16, 17, 30), ticket.HandlingDeadline);   // 10 working days after Mon Nov 2
        Assert.Equal(ticket.SignForDeadline, ticket.Deadline);

        _kit.Now = At(11, 3, 9);
        ticket = _kit.Do(ticket, TicketAction.SignFor);
        Assert.Equal((TicketStatus.SignedFor, At(11, 3, 9)), (ticket.Status, ticket.SignedForAt));
        Assert.Equal(ticket.HandlingDeadline, ticket.Deadline);

        _kit.Now = At(11, 6, 15);
        ticket = _kit.Do(ticket, new TicketCommand(TicketAction.Reply) { Note = "已联系城管中队清理摊贩，并加强巡查。" }, LeadDepartment);
        Assert.Equal(TicketStatus.Replied, ticket.Status);
        Assert.Equal("已联系城管中队清理摊贩，并加强巡查。", ticket.Reply);
        Assert.Equal(At(11, 9, 17, 30), ticket.Deadline);   // follow-up within 1 working day: Friday → Monday

        ticket = _kit.Do(ticket, TicketAction.AcceptReply);
        Assert.Equal(TicketStatus.FollowUpPending, ticket.Status);

        var result = _kit.Try(ticket, new TicketCommand(TicketAction.RecordFollowUp) { FollowUpResult = FollowUpResult.Satisfied }, BackOffice);
        Assert.True(result.Succeeded);
        Assert.Equal(TicketStatus.Closed, result.Ticket.Status);
        Assert.Equal(FollowUpResult.Satisfied, result.Ticket.FollowUpResult);
        Assert.Equal(_kit.Now, result.Ticket.ClosedAt);
        Assert.Null(result.Ticket.Deadline);
        Assert.Equal(6, result.Ticket.Version);
        Assert.Equal((TicketStatus?)TicketStatus.FollowUpPending, result.History.FromStatus);
        Assert.Equal(TicketStatus.Closed, result.History.ToStatus);
        Assert.Contains("满意", result.History.Detail);
    }

    [Fact]
    public void Every_transition_returns_a_history_row_naming_who_when_and_both_statuses()
    {
        var ticket = _kit.InStatus(TicketStatus.Dispatched);
        _kit.Now = At(11, 2, 11, 5);
        var result = _kit.Try(ticket, new TicketCommand(TicketAction.Return) { Note = "不属于本单位职责" }, LeadDepartment);
        Assert.True(result.Succeeded);
        var row = result.History;
        Assert.Equal(ticket.Number, row.TicketNumber);
        Assert.Equal(At(11, 2, 11, 5), row.At);
        Assert.Equal((TicketAction.Return, "city-mgmt", "Department", "D1"), (row.Action, row.ActorUserName, row.ActorRole, row.ActorDepartmentId));
        Assert.Equal((TicketStatus?)TicketStatus.Dispatched, row.FromStatus);
        Assert.Equal(TicketStatus.Returned, row.ToStatus);
        Assert.Equal("不属于本单位职责", row.Note);
        Assert.Equal(result.Ticket.Version, row.Version);
    }

    [Fact]
    public void Registration_writes_a_first_history_row_without_a_from_status()
    {
        var result = _kit.Workflow.Register(Draft(), "YH20261102-0001", Agent, _kit.Now);
        Assert.True(result.Succeeded);
        Assert.Null(result.History.FromStatus);
        Assert.Equal((TicketAction.Register, TicketStatus.Registered, "agent1"), (result.History.Action, result.History.ToStatus, result.Ticket.CreatedBy));
    }

    [Fact]
    public void A_consultation_answered_directly_is_closed_with_the_answer()
    {
        var ticket = _kit.Register(Draft(type: RequestType.Consultation));
        ticket = _kit.Do(ticket, new TicketCommand(TicketAction.AnswerDirectly) { Note = "居住证办理需携带身份证和租房合同。" }, Agent);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal("居住证办理需携带身份证和租房合同。", ticket.Reply);
        Assert.Equal(_kit.Now, ticket.ClosedAt);
        Assert.Null(ticket.LeadDepartmentId);
    }

    [Fact]
    public void A_returned_ticket_reassigned_goes_to_the_new_department_with_fresh_deadlines()
    {
        var returned = _kit.InStatus(TicketStatus.Returned);
        Assert.Equal(At(11, 2, 17, 30), returned.Deadline);   // the hotline reassigns the same day
        _kit.Now = At(11, 4, 10);
        var ticket = _kit.Do(returned, new TicketCommand(TicketAction.Reassign) { LeadDepartmentId = "D9" }, BackOffice);
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal("D9", ticket.LeadDepartmentId);
        Assert.Empty(ticket.AssistingDepartmentIds);
        Assert.Equal(At(11, 5, 17, 30), ticket.SignForDeadline);
        Assert.Equal(At(11, 18, 17, 30), ticket.HandlingDeadline);
        Assert.True(_kit.Try(ticket, new TicketCommand(TicketAction.SignFor), OtherDepartment).Succeeded);
        Assert.Equal(TransitionFailureKind.Forbidden, _kit.Try(ticket, new TicketCommand(TicketAction.SignFor), LeadDepartment).Failure!.Kind);
    }

    [Fact]
    public void Insisting_on_a_return_sends_it_back_to_the_same_department_keeping_the_handling_deadline()
    {
        var returned = _kit.InStatus(TicketStatus.Returned);
        _kit.Now = At(11, 3, 10);
        var ticket = _kit.Do(returned, new TicketCommand(TicketAction.InsistReturn) { Note = "属于贵单位职责范围" }, BackOffice);
        Assert.Equal((TicketStatus.Dispatched, "D1"), (ticket.Status, ticket.LeadDepartmentId));
        Assert.Equal(At(11, 4, 17, 30), ticket.Deadline);
        Assert.Equal(returned.HandlingDeadline, ticket.HandlingDeadline);
    }

    [Fact]
    public void An_approved_extension_moves_the_handling_deadline_by_five_working_days()
    {
        var requested = _kit.InStatus(TicketStatus.ExtensionRequested);
        Assert.Equal(At(11, 16, 17, 30), requested.HandlingDeadline);
        var ticket = _kit.Do(requested, TicketAction.ApproveExtension);
        Assert.Equal(TicketStatus.SignedFor, ticket.Status);
        Assert.Equal(At(11, 23, 17, 30), ticket.HandlingDeadline);
        Assert.Equal(ticket.HandlingDeadline, ticket.Deadline);
        Assert.Equal(1, ticket.ExtensionCount);
    }

    [Fact]
    public void A_refused_extension_returns_to_handling_with_the_old_deadline_and_the_reason_recorded()
    {
        var requested = _kit.InStatus(TicketStatus.ExtensionRequested);
        var result = _kit.Try(requested, new TicketCommand(TicketAction.RefuseExtension) { Note = "理由不充分" }, BackOffice);
        Assert.True(result.Succeeded);
        Assert.Equal(TicketStatus.SignedFor, result.Ticket.Status);
        Assert.Equal(requested.HandlingDeadline, result.Ticket.Deadline);
        Assert.Equal(0, result.Ticket.ExtensionCount);
        Assert.Equal("理由不充分", result.History.Note);
    }

    [Fact]
    public void A_rejected_reply_goes_back_to_the_department_which_replies_again()
    {
        var rejected = _kit.InStatus(TicketStatus.ReplyRejected);
        Assert.Equal(rejected.HandlingDeadline, rejected.Deadline);
        var ticket = _kit.Do(rejected, new TicketCommand(TicketAction.Reply) { Note = "补充：已于 11 月 5 日完成整改。" }, LeadDepartment);
        Assert.Equal(TicketStatus.Replied, ticket.Status);
        Assert.Equal("补充：已于 11 月 5 日完成整改。", ticket.Reply);
    }

    [Fact]
    public void Dissatisfied_for_an_objective_reason_sends_the_ticket_back_for_redo_with_a_new_handling_deadline()
    {
        var pending = _kit.InStatus(TicketStatus.FollowUpPending);
        _kit.Now = At(11, 10, 10);
        var command = new TicketCommand(TicketAction.RecordFollowUp) { FollowUpResult = FollowUpResult.Dissatisfied, ObjectiveReason = true, Note = "摊贩仍在" };
        var redo = _kit.Do(pending, command, BackOffice);
        Assert.Equal((TicketStatus.Redo, 1, "D1"), (redo.Status, redo.RedoCount, redo.LeadDepartmentId));
        Assert.Equal(FollowUpResult.Dissatisfied, redo.FollowUpResult);
        Assert.Equal(At(11, 11, 17, 30), redo.Deadline);
        Assert.Equal(At(11, 24, 17, 30), redo.HandlingDeadline);

        var signed = _kit.Do(redo, TicketAction.SignFor);
        Assert.Equal(TicketStatus.SignedFor, signed.Status);
        Assert.Equal(At(11, 24, 17, 30), signed.Deadline);
    }

    [Fact]
    public void Dissatisfied_without_an_objective_reason_is_closed()
    {
        var pending = _kit.InStatus(TicketStatus.FollowUpPending);
        var ticket = _kit.Do(pending, new TicketCommand(TicketAction.RecordFollowUp) { FollowUpResult = FollowUpResult.Dissatisfied }, BackOffice);
        Assert.Equal((TicketStatus.Closed, 0), (ticket.Status, ticket.RedoCount));
        Assert.Equal(FollowUpResult.Dissatisfied, ticket.FollowUpResult);
    }

    [Fact]
    public void An_accepted_reply_is_closed_at_once_when_the_citizen_wants_no_follow_up_call()
    {
        var ticket = _kit.Do(_kit.Register(Draft(followUp: false)), TicketAction.Dispatch);
        ticket = _kit.Do(_kit.Do(_kit.Do(ticket, TicketAction.SignFor), TicketAction.Reply), TicketAction.AcceptReply);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Null(ticket.FollowUpResult);
    }

    [Fact]
    public void A_follow_up_without_a_result_is_invalid()
    {
        var pending = _kit.InStatus(TicketStatus.FollowUpPending);
        var result = _kit.Try(pending, new TicketCommand(TicketAction.RecordFollowUp), BackOffice);
        Assert.Equal(TransitionFailureKind.Invalid, result.Failure!.Kind);
        Assert.Equal(["请选择回访结果"], result.Failure.FieldErrors["followUpResult"]);
    }

    [Fact]
    public void A_citizen_who_cannot_be_reached_is_closed_with_a_reason()
    {
        var pending = _kit.InStatus(TicketStatus.FollowUpPending);
        var ticket = _kit.Do(pending, new TicketCommand(TicketAction.Close) { Note = "三次回访均未接通" }, BackOffice);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void A_merged_duplicate_points_to_the_ticket_it_was_merged_into()
    {
        var ticket = _kit.Do(_kit.Register(), new TicketCommand(TicketAction.Merge) { MergeIntoNumber = "YH20261101-0007" }, BackOffice);
        Assert.Equal((TicketStatus.Merged, "YH20261101-0007"), (ticket.Status, ticket.MergedIntoNumber));
        Assert.True(ticket.IsFinished);
        Assert.Null(ticket.Deadline);
    }

    [Theory]
    [InlineData("", "请填写并入的工单编号")]
    [InlineData("20261101-7", "工单编号格式不正确")]
    [InlineData("YH20261102-0001", "不能并入工单自身")]
    public void Merging_needs_another_valid_ticket_number(string target, string message)
    {
        var result = _kit.Try(_kit.Register(), new TicketCommand(TicketAction.Merge) { MergeIntoNumber = target }, BackOffice);
        Assert.Equal(TransitionFailureKind.Invalid, result.Failure!.Kind);
        Assert.Equal([message], result.Failure.FieldErrors["mergeIntoNumber"]);
    }

    [Fact]
    public void Urging_records_a_history_row_without_changing_the_status()
    {
        var signed = _kit.InStatus(TicketStatus.SignedFor);
        _kit.Now = At(11, 20, 9);
        var result = _kit.Try(signed, new TicketCommand(TicketAction.Urge) { Note = "请尽快办理" }, Supervisor);
        Assert.True(result.Succeeded);
        Assert.Equal(TicketStatus.SignedFor, result.Ticket.Status);
        Assert.Equal((1, At(11, 20, 9)), (result.Ticket.UrgeCount, result.Ticket.LastUrgedAt));
        Assert.Equal(signed.Version + 1, result.Ticket.Version);
        Assert.Equal((TicketAction.Urge, (TicketStatus?)TicketStatus.SignedFor, TicketStatus.SignedFor),
            (result.History.Action, result.History.FromStatus, result.History.ToStatus));
        Assert.Equal("已超期", result.History.Detail);
    }

    [Fact]
    public void A_critical_ticket_raises_an_emergency_alert_until_an_official_acknowledges_it()
    {
        var ticket = _kit.Register(Draft(Urgency.Critical));
        Assert.True(ticket.AwaitsEmergencyAcknowledgement);
        Assert.False(ticket.IsMajorEmergency);

        _kit.Now = At(11, 2, 10, 3);
        ticket = _kit.Do(ticket, new TicketCommand(TicketAction.AcknowledgeEmergency), Official);
        Assert.False(ticket.AwaitsEmergencyAcknowledgement);
        Assert.Equal((At(11, 2, 10, 3), "official1"), (ticket.EmergencyAcknowledgedAt, ticket.EmergencyAcknowledgedBy));
        Assert.Equal(TicketStatus.Registered, ticket.Status);

        var again = _kit.Try(ticket, new TicketCommand(TicketAction.AcknowledgeEmergency), Supervisor);
        Assert.Equal(TransitionFailureKind.NotAllowedInState, again.Failure!.Kind);
    }

    [Fact]
    public void An_ordinary_ticket_escalated_as_a_major_emergency_raises_a_new_alert_once()
    {
        var ticket = _kit.InStatus(TicketStatus.SignedFor);
        Assert.False(ticket.AwaitsEmergencyAcknowledgement);
        ticket = _kit.Do(ticket, new TicketCommand(TicketAction.EscalateEmergency) { Note = "涉及群体性事件" }, Agent);
        Assert.True(ticket.IsMajorEmergency);
        Assert.True(ticket.AwaitsEmergencyAcknowledgement);
        Assert.Equal(TicketStatus.SignedFor, ticket.Status);

        var twice = _kit.Try(ticket, new TicketCommand(TicketAction.EscalateEmergency), BackOffice);
        Assert.Equal(TransitionFailureKind.NotAllowedInState, twice.Failure!.Kind);
    }

    [Fact]
    public void A_major_emergency_can_be_flagged_at_registration()
    {
        var draft = Draft();
        draft.MajorEmergency = true;
        var ticket = _kit.Register(draft);
        Assert.True(ticket.IsMajorEmergency);
        Assert.True(ticket.AwaitsEmergencyAcknowledgement);
    }

    [Fact]
    public void A_department_acting_on_a_ticket_that_is_not_its_own_is_forbidden()
    {
        var dispatched = _kit.InStatus(TicketStatus.Dispatched);
        var result = _kit.Try(dispatched, new TicketCommand(TicketAction.SignFor), OtherDepartment);
        Assert.Equal(TransitionFailureKind.Forbidden, result.Failure!.Kind);
        Assert.Contains("不属于本单位", result.Failure.Message);
    }

    [Fact]
    public void An_assisting_department_may_act_on_the_ticket() =>
        Assert.True(_kit.Try(_kit.InStatus(TicketStatus.Dispatched), new TicketCommand(TicketAction.SignFor), AssistingDepartment).Succeeded);

    [Fact]
    public void A_department_user_without_a_department_is_forbidden()
    {
        var result = _kit.Try(_kit.InStatus(TicketStatus.Dispatched), new TicketCommand(TicketAction.SignFor), LeadDepartment with { DepartmentId = null });
        Assert.Equal(TransitionFailureKind.Forbidden, result.Failure!.Kind);
    }

    [Fact]
    public void A_return_without_a_reason_is_invalid_on_the_note_field()
    {
        var result = _kit.Try(_kit.InStatus(TicketStatus.Dispatched), new TicketCommand(TicketAction.Return) { Note = "  " }, LeadDepartment);
        Assert.Equal(TransitionFailureKind.Invalid, result.Failure!.Kind);
        Assert.Equal(["请填写退单理由"], result.Failure.FieldErrors["note"]);
    }

    [Fact]
    public void Dispatching_without_a_lead_department_is_invalid()
    {
        var result = _kit.Try(_kit.Register(), new TicketCommand(TicketAction.Dispatch), BackOffice);
        Assert.Equal(["请选择主办单位"], result.Failure!.FieldErrors["leadDepartmentId"]);
    }

    [Fact]
    public void The_lead_department_cannot_also_be_an_assisting_one()
    {
        var command = new TicketCommand(TicketAction.Dispatch) { LeadDepartmentId = "D1", AssistingDepartmentIds = ["D2", "D1"] };
        var result = _kit.Try(_kit.Register(), command, BackOffice);
        Assert.Equal(["协办单位不能包含主办单位"], result.Failure!.FieldErrors["assistingDepartmentIds"]);
    }

    [Fact]
    public void A_dispatch_from_JSON_with_null_assisting_departments_means_none()
    {
        var command = new TicketCommand(TicketAction.Dispatch) { LeadDepartmentId = "D1", AssistingDepartmentIds = null! };
        Assert.Empty(_kit.Do(_kit.Register(), command, BackOffice).AssistingDepartmentIds);
    }

    [Fact]
    public void A_command_based_on_a_stale_version_is_a_version_conflict_naming_the_current_status()
    {
        var ticket = _kit.InStatus(TicketStatus.Dispatched);
        var result = _kit.Try(ticket, new TicketCommand(TicketAction.SignFor) { ExpectedVersion = ticket.Version - 1 }, LeadDepartment);
        Assert.Equal(TransitionFailureKind.VersionConflict, result.Failure!.Kind);
        Assert.Equal(TicketStatus.Dispatched, result.Failure.Status);
        Assert.Contains("已派单", result.Failure.Message);
        Assert.True(_kit.Try(ticket, new TicketCommand(TicketAction.SignFor) { ExpectedVersion = ticket.Version }, LeadDepartment).Succeeded);
    }

    [Fact]
    public void An_incomplete_draft_is_not_registered_and_the_errors_name_the_fields()
    {
        var draft = Draft();
        draft.Content = "";
        draft.RequestType = null;
        var result = _kit.Workflow.Register(draft, "YH20261102-0001", Agent, _kit.Now);
        Assert.Equal(TransitionFailureKind.Invalid, result.Failure!.Kind);
        Assert.Equal(["content", "requestType"], result.Failure.FieldErrors.Keys.Order());
    }

    [Fact]
    public void A_department_sees_a_confidential_ticket_without_the_caller()
    {
        var draft = Draft();
        draft.Confidential = true;
        var view = _kit.Register(draft).ForDepartmentView();
        Assert.Equal("", view.CallerNumber);
        Assert.Null(view.CallerName);
        Assert.Equal("13800138000", _kit.Register().ForDepartmentView().CallerNumber);
    }

    [Fact]
    public void The_lead_department_is_offered_sign_for_and_return_on_a_dispatched_ticket() =>
        Assert.Equal([TicketAction.SignFor, TicketAction.Return],
            TicketWorkflow.AvailableActions(_kit.InStatus(TicketStatus.Dispatched), LeadDepartment));

    [Fact]
    public void A_dispatched_ticket_not_signed_for_by_its_deadline_is_overdue()
    {
        var ticket = _kit.InStatus(TicketStatus.Dispatched);   // sign for by Tue Nov 3 17:30
        Assert.False(ticket.IsOverdue(At(11, 3, 17, 30)));
        Assert.True(ticket.IsDueSoon(At(11, 3, 15), TimeSpan.FromHours(4)));
        Assert.False(ticket.IsDueSoon(At(11, 3, 9), TimeSpan.FromHours(4)));
        Assert.True(ticket.IsOverdue(At(11, 3, 17, 31)));
        Assert.False(ticket.IsDueSoon(At(11, 3, 17, 31), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void A_finished_ticket_is_never_overdue() =>
        Assert.False(_kit.InStatus(TicketStatus.Closed).IsOverdue(At(12, 31, 23)));
}
