using Hotline.Core.Calls;

namespace Hotline.Core.Assessment;

/// <summary>The columns of a stored inbound call that the monthly figures need (read straight from the database).</summary>
public readonly record struct CallFacts(
    DateTimeOffset ArrivedAt,
    CallOutcome Outcome,
    bool Queued,
    bool AnsweredAtSet,
    bool Ended,
    double WaitSeconds,
    double TalkSeconds,
    double WrapUpSeconds,
    string? AgentId)
{
    public static CallFacts From(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new CallFacts(record.ArrivedAt, record.Outcome, record.QueuedAt is not null, record.AnsweredAt is not null,
            record.EndedAt is not null, record.WaitSeconds, record.TalkSeconds, record.WrapUpSeconds, record.AgentId);
    }
}
