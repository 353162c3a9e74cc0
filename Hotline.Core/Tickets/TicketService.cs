using Dapper;
using Hotline.Core.Calendar;
using Hotline.Core.Data;
using Hotline.Core.Departments;
using Hotline.Core.Security;
using Hotline.Core.Tickets.Storage;

namespace Hotline.Core.Tickets;

/// <summary>
/// Tickets in the database: registration with per-day numbers, transitions through <see cref="TicketWorkflow"/>
/// saved with optimistic concurrency and an append-only history row in the same transaction, reading and
/// searching with the actor's visibility applied.
/// </summary>
/// <remarks>
/// Visibility: a <see cref="Security.Roles.Department"/> actor sees only tickets where its department is lead or
/// assisting (anything else is "not found"), and confidential tickets through <see cref="Ticket.ForDepartmentView"/>.
/// Every other role sees every ticket; the wallboard role sees none.
/// </remarks>
public sealed class TicketService
{
    // Register validates with a stand-in number; storage allocates the real one only for a valid draft.
    private const string PendingNumber = "PENDING";

    private static readonly IReadOnlyDictionary<string, string[]> NoFields = new Dictionary<string, string[]>();

    private readonly ConnectionFactory _connections;
    private readonly CalendarStore _calendars;
    private readonly TicketOptions _options;
    private readonly TimeProvider _time;
    private readonly TicketStore _store;
    private readonly DepartmentStore _departments;
    private readonly CategoryStore _categories;
    private (WorkCalendar Calendar, TicketWorkflow Workflow)? _workflow;

    public TicketService(ConnectionFactory connections, CalendarStore calendars, TicketOptions options, TimeProvider time)
    {
        _connections = connections;
        _calendars = calendars;
        _options = options;
        _time = time;
        _store = new TicketStore(connections.Dialect);
        _departments = new DepartmentStore(connections);
        _categories = new CategoryStore(connections);
    }

    /// <summary>
    /// Validates the draft, allocates the next number of the local day (YH20261127-0042, unique and gap-free
    /// under concurrency) and stores the ticket with its Register history row. Failures: Forbidden (role),
    /// Invalid (field errors keyed like the JSON fields).
    /// </summary>
    public async Task<TicketOutcome> RegisterAsync(TicketDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var workflow = await WorkflowAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var result = workflow.Register(draft, PendingNumber, actor, now);
        if (!result.Succeeded)
        {
            return TicketOutcome.Fail(result.Failure);
        }

        var day = TicketNumber.DayOf(now, workflow.Deadlines.Calendar.TimeZone);
        using var gate = await _connections.EnterWriteGateAsync(cancellationToken);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sequence = await _store.NextSequenceAsync(connection, transaction, day, cancellationToken);
        var number = TicketNumber.Format(day, sequence, _options.NumberPrefix);
        var ticket = result.Ticket with { Number = number };
        var history = result.History with { TicketNumber = number };
        await _store.InsertAsync(connection, transaction, ticket, [history], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TicketOutcome.Success(ticket, history);
    }

    /// <summary>
    /// Registers the draft and answers it directly (直接答复) in one transaction: the ticket is stored closed, with its
    /// Register and AnswerDirectly history rows, or not at all. Invalid names the draft's fields and <c>answer</c>.
    /// </summary>
    public async Task<TicketOutcome> RegisterAndAnswerAsync(TicketDraft draft, string? answer, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var workflow = await WorkflowAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var registered = workflow.Register(draft, PendingNumber, actor, now);
        if (!registered.Succeeded)
        {
            if (registered.Failure.Kind != TransitionFailureKind.Invalid)
            {
                return TicketOutcome.Fail(registered.Failure);
            }

            // The draft's errors and a missing answer at once, the answer keyed like the draft's JSON field.
            var errors = new Dictionary<string, string[]>(registered.Failure.FieldErrors);
            if (string.IsNullOrWhiteSpace(answer))
            {
                errors["answer"] = ["请填写答复内容"];
            }

            return TicketOutcome.Fail(InvalidFields(errors));
        }

        var answered = workflow.Apply(registered.Ticket!, new TicketCommand(TicketAction.AnswerDirectly) { Note = answer }, actor, now);
        if (!answered.Succeeded)
        {
            return TicketOutcome.Fail(answered.Failure.Kind == TransitionFailureKind.Invalid
                ? InvalidFields(answered.Failure.FieldErrors.ToDictionary(e => e.Key == "note" ? "answer" : e.Key, e => e.Value))
                : answered.Failure);
        }

        var day = TicketNumber.DayOf(now, workflow.Deadlines.Calendar.TimeZone);
        using var gate = await _connections.EnterWriteGateAsync(cancellationToken);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sequence = await _store.NextSequenceAsync(connection, transaction, day, cancellationToken);
        var number = TicketNumber.Format(day, sequence, _options.NumberPrefix);
        var ticket = answered.Ticket! with { Number = number };
        var history = answered.History! with { TicketNumber = number };
        await _store.InsertAsync(connection, transaction, ticket, [registered.History! with { TicketNumber = number }, history], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TicketOutcome.Success(ticket, history);
    }

    private static TransitionFailure InvalidFields(Dictionary<string, string[]> errors) =>
        new(TransitionFailureKind.Invalid, "请检查填写的内容：" + string.Join("；", errors.Values.SelectMany(m => m)), null, errors);

    /// <summary>
    /// Applies one action. NotFound when the ticket does not exist or the actor may not see it. Failures carry the
    /// current ticket: Forbidden, NotAllowedInState, Invalid (also: unknown lead/assisting department, merge target
    /// missing), VersionConflict (the command's ExpectedVersion is stale, or someone saved in between).
    /// </summary>
    public async Task<TicketOutcome> ApplyAsync(string number, TicketCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        var workflow = await WorkflowAsync(cancellationToken);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var found = await _store.FindAsync(connection, number?.Trim() ?? "", cancellationToken);
        if (found is not var (id, ticket) || !CanSee(actor, ticket))
        {
            return TicketOutcome.Missing;
        }

        var result = workflow.Apply(ticket, command, actor, _time.GetUtcNow());
        if (!result.Succeeded)
        {
            return TicketOutcome.Fail(result.Failure, View(ticket, actor));
        }

        // Checks that need the database, after the workflow's (role and state errors come first).
        var fieldErrors = await ReferenceErrorsAsync(connection, command, cancellationToken);
        if (fieldErrors.Count > 0)
        {
            return TicketOutcome.Fail(new TransitionFailure(TransitionFailureKind.Invalid,
                "请检查填写的内容：" + string.Join("；", fieldErrors.Values.SelectMany(m => m)), ticket.Status, fieldErrors), View(ticket, actor));
        }

        using (await _connections.EnterWriteGateAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (await _store.UpdateAsync(connection, transaction, id, ticket, result.Ticket, result.History, cancellationToken))
            {
                await transaction.CommitAsync(cancellationToken);
                return TicketOutcome.Success(View(result.Ticket, actor), result.History);
            }
        }

        // Someone saved between our read and our write: never overwrite, hand back what is stored now.
        var current = await _store.FindAsync(connection, ticket.Number, cancellationToken);
        var status = current?.Ticket.Status ?? ticket.Status;
        return TicketOutcome.Fail(
            new TransitionFailure(TransitionFailureKind.VersionConflict,
                $"工单已被他人更新（当前状态：{status.ToDisplayName()}），请刷新后重试", status, NoFields),
            current is { } c ? View(c.Ticket, actor) : null);
    }

    /// <summary>The ticket as the actor may see it, or null (not found or not visible).</summary>
    public async Task<Ticket?> GetAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!SeesAnything(actor))
        {
            return null;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        var found = await _store.FindAsync(connection, number?.Trim() ?? "", cancellationToken);
        return found is { } f && CanSee(actor, f.Ticket) ? View(f.Ticket, actor) : null;
    }

    /// <summary>The timeline, oldest first; null when the ticket is not visible to the actor.</summary>
    public async Task<IReadOnlyList<TicketHistoryEntry>?> HistoryAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!SeesAnything(actor))
        {
            return null;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        var found = await _store.FindAsync(connection, number?.Trim() ?? "", cancellationToken);
        if (found is not { } f || !CanSee(actor, f.Ticket))
        {
            return null;
        }

        return await _store.HistoryAsync(connection, f.Ticket.Number, cancellationToken);
    }

    /// <summary>One page of matching tickets, newest first, restricted to the department's own for department actors.</summary>
    public async Task<TicketPage> SearchAsync(TicketQuery query, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(actor);
        var pageSize = Math.Clamp(query.PageSize, 1, TicketQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        if (!SeesAnything(actor))
        {
            return new TicketPage([], 0, page, pageSize);
        }

        var categories = query.CategoryId is { } categoryId ? await _categories.SubtreeIdsAsync(categoryId, cancellationToken) : null;
        var search = new TicketSearch
        {
            Query = query,
            Now = _time.GetUtcNow(),
            NumberPrefix = _options.NumberPrefix,
            VisibleToDepartment = actor.Role == Roles.Department ? actor.DepartmentId : null,
            CategoryIds = categories,
        };
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var (items, total, capped) = await _store.SearchAsync(connection, search, (page - 1) * pageSize, pageSize, cancellationToken);
        return new TicketPage([.. items.Select(t => View(t, actor))], total, page, pageSize, capped);
    }

    /// <summary>
    /// Earlier tickets from the same caller number (newest first, at most <paramref name="limit"/>), without
    /// <paramref name="excludeNumber"/>; for the agent form's "previous tickets" panel.
    /// </summary>
    public async Task<IReadOnlyList<Ticket>> RelatedByCallerAsync(
        string callerNumber, string? excludeNumber, int limit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var caller = ChinesePhoneNumber.Normalize(callerNumber ?? "");
        if (caller.Length == 0 || limit <= 0 || !SeesAnything(actor))
        {
            return [];
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        var department = actor.Role == Roles.Department ? actor.DepartmentId : null;
        var tickets = await _store.ByCallerAsync(connection, caller, excludeNumber, department, Math.Min(limit, TicketQuery.MaxPageSize), cancellationToken);
        return [.. tickets.Select(t => View(t, actor))];
    }

    /// <summary>Tickets whose emergency alert nobody acknowledged yet, oldest alert first (supervisor view, wallboard, officials).</summary>
    public async Task<IReadOnlyList<Ticket>> ListUnacknowledgedEmergenciesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await _store.UnacknowledgedEmergenciesAsync(connection, cancellationToken);
    }

    /// <summary>The workflow on the current stored calendar (for available actions and deadline display).</summary>
    public async Task<TicketWorkflow> WorkflowAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await _calendars.LoadAsync(cancellationToken);
        var cached = _workflow;
        if (cached is { } c && ReferenceEquals(c.Calendar, calendar))
        {
            return c.Workflow;
        }

        var workflow = new TicketWorkflow(new DeadlineCalculator(calendar, _options.TimeLimits), _options);
        _workflow = (calendar, workflow);
        return workflow;
    }

    /// <summary>Loads many tickets with their history at once (benchmarks): see <see cref="TicketStore.BulkInsertAsync"/>.</summary>
    internal async Task BulkLoadAsync(IReadOnlyList<Ticket> tickets, IReadOnlyList<TicketHistoryEntry> history, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var firstId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(id), 0) + 1 FROM tickets", transaction: transaction, cancellationToken: cancellationToken));
        await _store.BulkInsertAsync(connection, transaction, tickets, history, firstId, _options.NumberPrefix, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Dictionary<string, string[]>> ReferenceErrorsAsync(
        System.Data.Common.DbConnection connection, TicketCommand command, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.Action is TicketAction.Dispatch or TicketAction.Reassign)
        {
            var active = (await _departments.ListAsync(includeInactive: false, cancellationToken)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            if (!active.Contains(command.LeadDepartmentId!.Trim()))
            {
                errors["leadDepartmentId"] = ["主办单位不存在或已停用"];
            }

            if ((command.AssistingDepartmentIds ?? []).Any(d => !active.Contains(d.Trim())))
            {
                errors["assistingDepartmentIds"] = ["协办单位不存在或已停用"];
            }
        }
        else if (command.Action == TicketAction.Merge)
        {
            var target = await _store.FindAsync(connection, command.MergeIntoNumber!.Trim(), cancellationToken);
            if (target is null)
            {
                errors["mergeIntoNumber"] = ["并入的工单不存在"];
            }
            else if (target.Value.Ticket.Status == TicketStatus.Merged)
            {
                errors["mergeIntoNumber"] = [$"该工单已并入 {target.Value.Ticket.MergedIntoNumber}，请并入该工单"];
            }
        }

        return errors;
    }

    // Users of the hotline see every ticket; a department only its own; devices and unknown roles nothing.
    private static bool SeesAnything(Actor actor) => actor.Role switch
    {
        Roles.Department => !string.IsNullOrEmpty(actor.DepartmentId),
        Roles.Agent or Roles.BackOffice or Roles.Supervisor or Roles.Official or Roles.Admin => true,
        _ => false,
    };

    private static bool CanSee(Actor actor, Ticket ticket) =>
        SeesAnything(actor) && (actor.Role != Roles.Department || ticket.IsHandledBy(actor.DepartmentId));

    private static Ticket View(Ticket ticket, Actor actor) => actor.Role == Roles.Department ? ticket.ForDepartmentView() : ticket;
}
