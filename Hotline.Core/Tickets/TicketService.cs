using Hotline.Core.Data;
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
    private readonly ConnectionFactory _connections;
    private readonly CalendarStore _calendars;
    private readonly TicketOptions _options;
    private readonly TimeProvider _time;

    public TicketService(ConnectionFactory connections, CalendarStore calendars, TicketOptions options, TimeProvider time)
    {
        _connections = connections;
        _calendars = calendars;
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Validates the draft, allocates the next number of the local day (YH20261127-0042, unique and gap-free
    /// under concurrency) and stores the ticket with its Register history row. Failures: Forbidden (role),
    /// Invalid (field errors keyed like the JSON fields).
    /// </summary>
    public Task<TicketOutcome> RegisterAsync(TicketDraft draft, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Applies one action. NotFound when the ticket does not exist or the actor may not see it. Failures carry the
    /// current ticket: Forbidden, NotAllowedInState, Invalid (also: unknown lead/assisting department, merge target
    /// missing), VersionConflict (the command's ExpectedVersion is stale, or someone saved in between).
    /// </summary>
    public Task<TicketOutcome> ApplyAsync(string number, TicketCommand command, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The ticket as the actor may see it, or null (not found or not visible).</summary>
    public Task<Ticket?> GetAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The timeline, oldest first; null when the ticket is not visible to the actor.</summary>
    public Task<IReadOnlyList<TicketHistoryEntry>?> HistoryAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>One page of matching tickets, newest first, restricted to the department's own for department actors.</summary>
    public Task<TicketPage> SearchAsync(TicketQuery query, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Earlier tickets from the same caller number (newest first, at most <paramref name="limit"/>), without
    /// <paramref name="excludeNumber"/>; for the agent form's "previous tickets" panel.
    /// </summary>
    public Task<IReadOnlyList<Ticket>> RelatedByCallerAsync(
        string callerNumber, string? excludeNumber, int limit, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Tickets whose emergency alert nobody acknowledged yet, oldest alert first (supervisor view, wallboard, officials).</summary>
    public Task<IReadOnlyList<Ticket>> ListUnacknowledgedEmergenciesAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The workflow on the current stored calendar (for available actions and deadline display).</summary>
    public Task<TicketWorkflow> WorkflowAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
