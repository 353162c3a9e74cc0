using Hotline.Core;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Web.Configuration;
using Hotline.Web.Security;
using Hotline.Web.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;

namespace Hotline.Web.Apis;

/// <summary>
/// Tickets for other systems (the city 12345 platform) and for signed-in users: register, read, list, and one
/// transitions endpoint whose body names the action. API keys (<c>Authorization: Bearer</c>) or the cookie;
/// <see cref="TicketWorkflow"/> decides per action, the service restricts departments to their own tickets.
/// </summary>
public static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets")
            .RequireAuthorization(HotlinePolicies.TicketsApi)
            .RequireRateLimiting(HotlineRateLimits.Machine)
            .WithTags("Tickets");
        api.MapPost("/", RegisterAsync)
            .WithSummary("受理：登记一张工单")
            .WithDescription("Body: a ticket draft. With `answer` the ticket is answered directly (直接答复) and closed in the same call "
                + "(status Closed, the answer as its reply); without it the ticket stays Registered for dispatch. "
                + "201 with the ticket; 400 names each bad field (a blank `answer` too); 403 for roles that may not register.");
        api.MapGet("/{number}", GetAsync)
            .WithSummary("工单详情、时间线与当前可执行的操作")
            .WithDescription("404 when the ticket does not exist or is not the caller's department's.");
        api.MapGet("/{number}/caller", RevealCallerAsync)
            .RequireAuthorization(HotlinePolicies.RevealNumbers)
            .WithSummary("显示完整来电号码（留痕）")
            .WithDescription("Every other response masks the caller number (138****1234). This one returns the full number to the roles "
                + "that may see it (Agent, BackOffice, Supervisor, Admin) and writes a number-revealed audit row naming the key or user. "
                + "403 for other roles; 404 when the ticket does not exist or is not visible.");
        api.MapGet("/", SearchAsync)
            .WithSummary("工单列表（分页、筛选、检索）")
            .WithDescription("Query: status (comma-separated), type, category, department, street, urgency, overdue, dueWithinHours, "
                + "from, to (yyyy-MM-dd local days or ISO 8601), q (ticket number, phone number or content words), page, pageSize.");
        api.MapPost("/{number}/transitions", TransitionAsync)
            .WithSummary("执行一个流转操作（派单、签收、退单、延期、答复、审核、回访、办结、催办、并单…）")
            .WithDescription("400 names each bad field; 409 when the action is not allowed in the ticket's state (naming it) or "
                + "when expectedVersion is stale (with the current version); 403 when the role may not; 404 when not visible.");
        return app;
    }

    private static async Task<Results<Created<Ticket>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        TicketDraft draft, ClaimsPrincipal user, TicketService tickets, EmergencyAlerts alerts, CancellationToken cancellationToken)
    {
        var actor = TicketActor.From(user);
        // With an answer the ticket is answered directly and closed in the same call, as on the agent's form.
        var outcome = draft.Answer is null
            ? await tickets.RegisterAsync(draft, actor, cancellationToken)
            : await tickets.RegisterAndAnswerAsync(draft, draft.Answer, actor, cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Failure is not { } failure)
            {
                return TypedResults.Problem("登记失败", statusCode: StatusCodes.Status500InternalServerError);
            }

            return failure.Kind == TransitionFailureKind.Invalid ? Invalid(failure) : Problem(failure, outcome.Ticket);
        }

        if (outcome.Ticket.EmergencyRaisedAt is not null)
        {
            alerts.Invalidate();
        }

        return TypedResults.Created($"/api/tickets/{outcome.Ticket.Number}", ForActor(outcome.Ticket, actor));
    }

    private static async Task<Results<Ok<TicketsApiDetails>, ProblemHttpResult>> GetAsync(
        string number, ClaimsPrincipal user, TicketService tickets, TimeProvider time, AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = TicketActor.From(user);
        var ticket = await tickets.GetAsync(number, actor, cancellationToken);
        var history = ticket is null ? null : await tickets.HistoryAsync(number, actor, cancellationToken);
        if (ticket is null || history is null)
        {
            return NotFound(number);
        }

        if (actor.Role == Hotline.Core.Security.Roles.Department)
        {
            await audit.WriteOnceAsync(actor.UserName, actor.Role, Hotline.Core.Audit.AuditActions.TicketViewed, ticket.Number, "api", cancellationToken);
        }

        return TypedResults.Ok(new TicketsApiDetails(
            ForActor(ticket, actor),
            ticket.IsOverdue(time.GetUtcNow()),
            TicketWorkflow.AvailableActions(ticket, actor),
            history));
    }

    private static async Task<Results<Ok<TicketsApiCaller>, ProblemHttpResult>> RevealCallerAsync(
        string number, ClaimsPrincipal user, TicketService tickets, AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = TicketActor.From(user);
        var ticket = await tickets.GetAsync(number, actor, cancellationToken);
        if (ticket is null)
        {
            return NotFound(number);
        }

        // The policy already refuses the others; checked again so a policy change cannot leak numbers (confidential tickets above all).
        if (!TicketActor.SeesFullCallerNumber(actor) || actor.Role == Hotline.Core.Security.Roles.Department)
        {
            return TypedResults.Problem(title: "Forbidden", detail: "您的角色不能查看完整号码", statusCode: StatusCodes.Status403Forbidden);
        }

        await audit.WriteAsync(actor.UserName, actor.Role, Hotline.Core.Audit.AuditActions.NumberRevealed, ticket.Number, "caller number via the tickets api", cancellationToken);
        return TypedResults.Ok(new TicketsApiCaller(ticket.Number, ticket.CallerNumber ?? "", ticket.CallerName));
    }

    private static async Task<Results<Ok<TicketsApiPage>, ValidationProblem>> SearchAsync(
        HttpRequest request, ClaimsPrincipal user, TicketService tickets, HotlineOptions options, CancellationToken cancellationToken)
    {
        var zone = TimeZones.TryFind(options.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var (query, errors) = TicketsApiQuery.Parse(request.Query, zone);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "查询参数有误");
        }

        var actor = TicketActor.From(user);
        var page = await tickets.SearchAsync(query, actor, cancellationToken);
        return TypedResults.Ok(new TicketsApiPage(
            [.. page.Items.Select(t => ForActor(t, actor))], page.Total, page.TotalCapped, page.Page, page.PageSize));
    }

    private static async Task<Results<Ok<TicketsApiDetails>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        string number, TicketsApiTransition body, ClaimsPrincipal user, TicketService tickets, EmergencyAlerts alerts,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (command, errors) = ToCommand(body);
        if (command is null)
        {
            return TypedResults.ValidationProblem(errors, title: "请检查填写的内容");
        }

        var actor = TicketActor.From(user);
        var outcome = await tickets.ApplyAsync(number, command, actor, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound(number);
        }

        if (!outcome.Succeeded)
        {
            if (outcome.Failure is not { } failure)
            {
                return NotFound(number);
            }

            return failure.Kind == TransitionFailureKind.Invalid ? Invalid(failure) : Problem(failure, outcome.Ticket);
        }

        if (command.Action is TicketAction.AcknowledgeEmergency or TicketAction.EscalateEmergency)
        {
            alerts.Invalidate();
        }

        var history = await tickets.HistoryAsync(number, actor, cancellationToken) ?? [];
        return TypedResults.Ok(new TicketsApiDetails(
            ForActor(outcome.Ticket, actor),
            outcome.Ticket.IsOverdue(time.GetUtcNow()),
            TicketWorkflow.AvailableActions(outcome.Ticket, actor),
            history));
    }

    /// <summary>The command, or the fields of the body that cannot make one.</summary>
    internal static (TicketCommand? Command, Dictionary<string, string[]> Errors) ToCommand(TicketsApiTransition? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors["action"] = ["请求体不能为空"];
            return (null, errors);
        }

        var actions = string.Join(", ", Enum.GetNames<TicketAction>().Where(a => a != nameof(TicketAction.Register)));
        TicketAction action = default;
        if (string.IsNullOrWhiteSpace(body.Action))
            errors["action"] = [$"请指定操作（可用：{actions}）"];
        else if (!Enum.TryParse(body.Action.Trim(), ignoreCase: true, out action) || char.IsDigit(body.Action.Trim()[0])
            || !Enum.IsDefined(action) || action == TicketAction.Register)
            errors["action"] = [$"未知的操作：{body.Action}（可用：{actions}）"];

        FollowUpResult? followUp = null;
        if (!string.IsNullOrWhiteSpace(body.FollowUpResult))
        {
            if (Enum.TryParse<FollowUpResult>(body.FollowUpResult.Trim(), ignoreCase: true, out var result)
                && !char.IsDigit(body.FollowUpResult.Trim()[0]) && Enum.IsDefined(result))
                followUp = result;
            else
                errors["followUpResult"] = [$"未知的回访结果：{body.FollowUpResult}（可用：{string.Join(", ", Enum.GetNames<FollowUpResult>())}）"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new TicketCommand(action)
        {
            Note = body.Note,
            LeadDepartmentId = body.LeadDepartmentId,
            AssistingDepartmentIds = body.AssistingDepartmentIds ?? [],
            FollowUpResult = followUp,
            ObjectiveReason = body.ObjectiveReason,
            MergeIntoNumber = body.MergeIntoNumber,
            ExpectedVersion = body.ExpectedVersion,
        }, errors);
    }

    /// <summary>
    /// As on the pages, the number is masked for every role and key; the full number only through the audited
    /// <c>/{number}/caller</c>. The service has already removed a confidential ticket's caller for departments.
    /// </summary>
    private static Ticket ForActor(Ticket ticket, Actor actor)
    {
        // Departments never get a confidential ticket's caller, even if a service path forgot to strip it.
        var visible = actor.Role == Hotline.Core.Security.Roles.Department ? ticket.ForDepartmentView() : ticket;
        return visible with { CallerNumber = PhoneMask.Mask(visible.CallerNumber) ?? "" };
    }

    private static ProblemHttpResult NotFound(string number)
        => TypedResults.Problem(title: "工单不存在", detail: $"没有编号为 {number} 的工单，或您无权查看", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Invalid → 400 naming the fields; NotAllowedInState → 409 naming the state; VersionConflict → 409 with the current version; Forbidden → 403.</summary>
    private static ValidationProblem Invalid(TransitionFailure failure)
        => TypedResults.ValidationProblem(failure.FieldErrors, detail: failure.Message, title: "请检查填写的内容");

    private static ProblemHttpResult Problem(TransitionFailure failure, Ticket? current)
    {
        var extensions = new Dictionary<string, object?> { ["kind"] = failure.Kind.ToString() };
        if (failure.StatusName is { } state)
        {
            extensions["state"] = state;
        }

        return failure.Kind switch
        {
            TransitionFailureKind.NotAllowedInState => TypedResults.Problem(
                title: $"Action not allowed in state {failure.StatusName}", detail: failure.Message,
                statusCode: StatusCodes.Status409Conflict, extensions: extensions),
            TransitionFailureKind.VersionConflict => TypedResults.Problem(
                title: "The ticket was changed by someone else", detail: failure.Message,
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?>(extensions) { ["currentVersion"] = current?.Version }),
            _ => TypedResults.Problem(title: "Forbidden", detail: failure.Message, statusCode: StatusCodes.Status403Forbidden, extensions: extensions),
        };
    }
}
