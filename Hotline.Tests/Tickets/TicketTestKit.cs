using Hotline.Core.Calendar;
using Hotline.Core.Security;
using Hotline.Core.Tickets;

namespace Hotline.Tests.Tickets;

/// <summary>A workflow on the shipped calendar, standard actors, and tickets driven into any status.</summary>
internal sealed class TicketTestKit
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Monday 2026-11-02 10:00 in Shanghai: an ordinary working day.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 10, 0, 0, China);

    public static readonly Actor Agent = new("agent1", Roles.Agent, DisplayName: "话务员一");
    public static readonly Actor BackOffice = new("back1", Roles.BackOffice);
    public static readonly Actor Supervisor = new("sup1", Roles.Supervisor);
    public static readonly Actor Admin = new("admin", Roles.Admin);
    public static readonly Actor Official = new("official1", Roles.Official);
    public static readonly Actor Wallboard = new("wall", Roles.Wallboard);
    public static readonly Actor LeadDepartment = new("city-mgmt", Roles.Department, "D1");
    public static readonly Actor AssistingDepartment = new("env", Roles.Department, "D2");
    public static readonly Actor OtherDepartment = new("water", Roles.Department, "D9");

    public TicketTestKit(TicketTimeLimitOptions? limits = null) =>
        Workflow = new TicketWorkflow(new DeadlineCalculator(WorkCalendar.CreateDefault(), limits ?? new TicketTimeLimitOptions()));

    public TicketWorkflow Workflow { get; }

    public DateTimeOffset Now { get; set; } = Monday;

    public static TicketDraft Draft(Urgency urgency = Urgency.Normal, RequestType type = RequestType.Complaint, bool followUp = true) => new()
    {
        Channel = TicketChannel.Phone,
        CallerNumber = "13800138000",
        CallerName = "张先生",
        RequestType = type,
        CategoryId = 12,
        CategoryPath = "城市管理/市容环境/占道经营",
        Content = "小区门口长期有流动摊贩占道经营，影响通行。",
        Street = "城关街道",
        Community = "幸福社区",
        Address = "幸福路 18 号",
        Urgency = urgency,
        FollowUpWanted = followUp,
        LinkedCallIds = ["call-1"],
    };

    public Ticket Register(TicketDraft? draft = null, string number = "YH20261102-0001")
    {
        var result = Workflow.Register(draft ?? Draft(), number, Agent, Now);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Ticket;
    }

    public TransitionResult Try(Ticket ticket, TicketCommand command, Actor actor) => Workflow.Apply(ticket, command, actor, Now);

    public Ticket Do(Ticket ticket, TicketCommand command, Actor actor)
    {
        var result = Try(ticket, command, actor);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(ticket.Version + 1, result.Ticket.Version);
        return result.Ticket;
    }

    public Ticket Do(Ticket ticket, TicketAction action) => Do(ticket, ValidCommand(action), ActorFor(action));

    /// <summary>A command for <paramref name="action"/> with every field it needs filled correctly.</summary>
    public static TicketCommand ValidCommand(TicketAction action) => action switch
    {
        TicketAction.Dispatch or TicketAction.Reassign => new(action) { LeadDepartmentId = "D1", AssistingDepartmentIds = ["D2"] },
        TicketAction.RecordFollowUp => new(action) { FollowUpResult = FollowUpResult.Satisfied },
        TicketAction.Merge => new(action) { MergeIntoNumber = "YH20261101-0007" },
        _ => new(action) { Note = "说明：" + action.ToDisplayName() },
    };

    /// <summary>Someone whose role may perform <paramref name="action"/> (departments act on their own ticket).</summary>
    public static Actor ActorFor(TicketAction action) => action switch
    {
        TicketAction.Register or TicketAction.AnswerDirectly => Agent,
        TicketAction.SignFor or TicketAction.Return or TicketAction.RequestExtension or TicketAction.Reply => LeadDepartment,
        TicketAction.AcknowledgeEmergency => Official,
        _ => BackOffice,
    };

    /// <summary>A ticket driven through the workflow into <paramref name="status"/>.</summary>
    public Ticket InStatus(TicketStatus status, Urgency urgency = Urgency.Normal)
    {
        var registered = Register(Draft(urgency));
        return status switch
        {
            TicketStatus.Registered => registered,
            TicketStatus.Dispatched => Do(registered, TicketAction.Dispatch),
            TicketStatus.SignedFor => Do(InStatus(TicketStatus.Dispatched, urgency), TicketAction.SignFor),
            TicketStatus.Returned => Do(InStatus(TicketStatus.Dispatched, urgency), TicketAction.Return),
            TicketStatus.ExtensionRequested => Do(InStatus(TicketStatus.SignedFor, urgency), TicketAction.RequestExtension),
            TicketStatus.Replied => Do(InStatus(TicketStatus.SignedFor, urgency), TicketAction.Reply),
            TicketStatus.ReplyRejected => Do(InStatus(TicketStatus.Replied, urgency), TicketAction.RejectReply),
            TicketStatus.FollowUpPending => Do(InStatus(TicketStatus.Replied, urgency), TicketAction.AcceptReply),
            TicketStatus.Redo => Do(InStatus(TicketStatus.FollowUpPending, urgency),
                new TicketCommand(TicketAction.RecordFollowUp) { FollowUpResult = FollowUpResult.Dissatisfied, ObjectiveReason = true }, BackOffice),
            TicketStatus.Closed => Do(InStatus(TicketStatus.FollowUpPending, urgency), TicketAction.RecordFollowUp),
            TicketStatus.Merged => Do(registered, TicketAction.Merge),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }
}
