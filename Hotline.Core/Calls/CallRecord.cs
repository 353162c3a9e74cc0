namespace Hotline.Core.Calls;

/// <summary>One call as stored: written when it arrives and updated at each milestone.</summary>
public sealed record CallRecord
{
    public required string CallId { get; init; }
    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string Direction { get; init; } = "inbound";
    public string CallerNumber { get; init; } = "";
    public string? Queue { get; init; }
    public required DateTimeOffset ArrivedAt { get; init; }
    public DateTimeOffset? QueuedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public CallOutcome Outcome { get; init; }
    /// <summary>Seconds in queue until answered or abandoned.</summary>
    public double WaitSeconds { get; init; }
    public double TalkSeconds { get; init; }
    public double WrapUpSeconds { get; init; }
    public string? AgentId { get; init; }
    public string? HungUpBy { get; init; }
    /// <summary>Self-service calls: the IVR node that served them.</summary>
    public string? IvrNode { get; init; }
    /// <summary>Calls that left the IVR for the queue: the keys pressed (<see cref="Hotline.Telephony.CallLeftIvr.Keys"/>).</summary>
    public string? IvrKeys { get; init; }
    public int? AbandonPosition { get; init; }
    public string? TicketNumber { get; init; }
}
