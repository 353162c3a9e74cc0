using System.Diagnostics.CodeAnalysis;

namespace Hotline.Core.Tickets;

/// <summary>Either the new ticket plus its history row, or a failure saying why.</summary>
public sealed record TransitionResult
{
    private TransitionResult(Ticket? ticket, TicketHistoryEntry? history, TransitionFailure? failure)
    {
        Ticket = ticket;
        History = history;
        Failure = failure;
    }

    public Ticket? Ticket { get; }
    public TicketHistoryEntry? History { get; }
    public TransitionFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Ticket), nameof(History))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static TransitionResult Success(Ticket ticket, TicketHistoryEntry history) =>
        new(ticket ?? throw new ArgumentNullException(nameof(ticket)), history ?? throw new ArgumentNullException(nameof(history)), null);

    public static TransitionResult Fail(TransitionFailure failure) =>
        new(null, null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
