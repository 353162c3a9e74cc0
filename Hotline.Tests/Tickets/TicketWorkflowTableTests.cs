using Hotline.Core.Security;
using Hotline.Core.Tickets;
using static Hotline.Core.Tickets.TicketAction;
using static Hotline.Core.Tickets.TicketStatus;

namespace Hotline.Tests.Tickets;

/// <summary>Every status × every action, and every role × every action, against explicit tables.</summary>
public class TicketWorkflowTableTests
{
    // The tables are written out here on purpose, independent of TicketWorkflow's own rules.
    private static readonly Dictionary<TicketStatus, TicketAction[]> AllowedByStatus = new()
    {
        [Registered] = [AnswerDirectly, Dispatch, Merge, EscalateEmergency, AcknowledgeEmergency],
        [Dispatched] = [SignFor, TicketAction.Return, Urge, Merge, EscalateEmergency, AcknowledgeEmergency],
        [SignedFor] = [TicketAction.Return, RequestExtension, Reply, Urge, Merge, EscalateEmergency, AcknowledgeEmergency],
        [Returned] = [Reassign, InsistReturn, Merge, EscalateEmergency, AcknowledgeEmergency],
        [ExtensionRequested] = [ApproveExtension, RefuseExtension, Urge, EscalateEmergency, AcknowledgeEmergency],
        [Replied] = [AcceptReply, RejectReply, EscalateEmergency, AcknowledgeEmergency],
        [ReplyRejected] = [Reply, Urge, EscalateEmergency, AcknowledgeEmergency],
        [FollowUpPending] = [RecordFollowUp, TicketAction.Close, EscalateEmergency, AcknowledgeEmergency],
        [Redo] = [SignFor, Urge, EscalateEmergency, AcknowledgeEmergency],
        [Closed] = [AcknowledgeEmergency],
        [Merged] = [AcknowledgeEmergency],
    };

    private static readonly Dictionary<TicketAction, string[]> AllowedRoles = new()
    {
        [Register] = [Roles.Agent, Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [AnswerDirectly] = [Roles.Agent, Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [Dispatch] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [SignFor] = [Roles.Department],
        [TicketAction.Return] = [Roles.Department],
        [Reassign] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [InsistReturn] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [RequestExtension] = [Roles.Department],
        [ApproveExtension] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [RefuseExtension] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [Reply] = [Roles.Department],
        [AcceptReply] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [RejectReply] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [RecordFollowUp] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [TicketAction.Close] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [Urge] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [Merge] = [Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [EscalateEmergency] = [Roles.Agent, Roles.BackOffice, Roles.Supervisor, Roles.Admin],
        [AcknowledgeEmergency] = [Roles.Official, Roles.Supervisor, Roles.Admin],
    };

    [Fact]
    public void The_tables_cover_every_status_and_every_action()
    {
        Assert.Equal(Enum.GetValues<TicketStatus>().Order(), AllowedByStatus.Keys.Order());
        Assert.Equal(Enum.GetValues<TicketAction>().Order(), AllowedRoles.Keys.Order());
    }

    [Fact]
    public void Every_action_in_every_status_is_allowed_exactly_when_the_table_says_so()
    {
        var kit = new TicketTestKit();
        var mismatches = new List<string>();
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            // 特急 so that an emergency alert is pending and acknowledging it is a real possibility in every status.
            var ticket = kit.InStatus(status, Urgency.Critical);
            Assert.Equal(status, ticket.Status);
            foreach (var action in Enum.GetValues<TicketAction>())
            {
                var result = kit.Try(ticket, TicketTestKit.ValidCommand(action), TicketTestKit.ActorFor(action));
                var expected = AllowedByStatus[status].Contains(action);
                if (result.Succeeded != expected)
                    mismatches.Add($"{status} × {action}: expected {(expected ? "allowed" : "refused")}, got {result.Failure?.Message ?? "allowed"}");
                else if (!expected && (result.Failure!.Kind != ExpectedRefusal(ticket, action) || result.Failure.Status != status))
                    mismatches.Add($"{status} × {action}: refused as {result.Failure.Kind} instead of {ExpectedRefusal(ticket, action)}");
            }
        }
        Assert.Empty(mismatches);
    }

    // A department cannot act on (or learn the status of) a ticket never dispatched to it.
    private static TransitionFailureKind ExpectedRefusal(Ticket ticket, TicketAction action) =>
        AllowedRoles[action].SequenceEqual([Roles.Department]) && ticket.LeadDepartmentId is null
            ? TransitionFailureKind.Forbidden
            : TransitionFailureKind.NotAllowedInState;

    [Fact]
    public void A_refusal_for_the_status_names_the_status_in_English_and_in_Chinese()
    {
        var kit = new TicketTestKit();
        var closed = kit.InStatus(Closed);
        var result = kit.Try(closed, TicketTestKit.ValidCommand(Dispatch), TicketTestKit.BackOffice);
        Assert.Equal(TransitionFailureKind.NotAllowedInState, result.Failure!.Kind);
        Assert.Equal("Closed", result.Failure.StatusName);
        Assert.Contains("已办结", result.Failure.Message);
        Assert.Contains("派单", result.Failure.Message);
    }

    [Fact]
    public void Every_role_may_perform_exactly_the_actions_the_table_gives_it()
    {
        var kit = new TicketTestKit();
        var actors = new[]
        {
            TicketTestKit.Agent, TicketTestKit.BackOffice, TicketTestKit.Supervisor, TicketTestKit.Admin,
            TicketTestKit.Official, TicketTestKit.Wallboard, TicketTestKit.LeadDepartment,
        };
        var mismatches = new List<string>();
        foreach (var action in Enum.GetValues<TicketAction>().Where(a => a != Register))
        {
            var status = AllowedByStatus.First(s => s.Value.Contains(action)).Key;
            var ticket = kit.InStatus(status, Urgency.Critical);
            foreach (var actor in actors)
            {
                var result = kit.Try(ticket, TicketTestKit.ValidCommand(action), actor);
                var expected = AllowedRoles[action].Contains(actor.Role);
                if (result.Succeeded != expected)
                    mismatches.Add($"{actor.Role} × {action}: expected {(expected ? "allowed" : "refused")}, got {result.Failure?.Kind.ToString() ?? "allowed"}");
                else if (!expected && result.Failure!.Kind != TransitionFailureKind.Forbidden)
                    mismatches.Add($"{actor.Role} × {action}: refused as {result.Failure.Kind} instead of Forbidden");
            }
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Only_intake_roles_may_register_a_ticket()
    {
        var kit = new TicketTestKit();
        foreach (var role in Roles.UserRoles.Append(Roles.Wallboard))
        {
            var result = kit.Workflow.Register(TicketTestKit.Draft(), "YH20261102-0001", new Actor("u", role, "D1"), kit.Now);
            Assert.Equal(AllowedRoles[Register].Contains(role), result.Succeeded);
            if (!result.Succeeded)
                Assert.Equal(TransitionFailureKind.Forbidden, result.Failure.Kind);
        }
    }

    [Fact]
    public void The_rules_the_workflow_publishes_match_the_tables()
    {
        foreach (var action in Enum.GetValues<TicketAction>())
        {
            Assert.Equal(AllowedByStatus.Where(s => s.Value.Contains(action)).Select(s => s.Key).Order(),
                TicketWorkflow.StatusesAllowing(action).Order());
            Assert.Equal(AllowedRoles[action].Order(), TicketWorkflow.RolesAllowedTo(action).Order());
        }
    }
}
