using System.Diagnostics.CodeAnalysis;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// What <see cref="TicketService"/> did: the stored ticket and its history row, or why not.
/// On failure <see cref="Ticket"/> is the current stored ticket when there is one (a version conflict
/// returns the state the user must refresh to); null at registration or when not found.
/// </summary>
public sealed record TicketOutcome
{
    public Ticket? Ticket { get; init; }
    public TicketHistoryEntry? History { get; init; }
    public TransitionFailure? Failure { get; init; }

    /// <summary>No such ticket, or one the actor may not see (a department's view of another's ticket): 404.</summary>
    public bool NotFound { get; init; }

    [MemberNotNullWhen(true, nameof(Ticket), nameof(History))]
    public bool Succeeded => Failure is null && !NotFound && Ticket is not null && History is not null;

    public static TicketOutcome Success(Ticket ticket, TicketHistoryEntry history) => new() { Ticket = ticket, History = history };

    public static TicketOutcome Fail(TransitionFailure failure, Ticket? current = null) => new() { Failure = failure, Ticket = current };

    public static TicketOutcome Missing { get; } = new() { NotFound = true };
}
