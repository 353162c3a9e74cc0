namespace Hotline.Core.Live;

/// <summary>Counters and rates over one period. Rates are fractions 0..1 (0 when the denominator is 0).
/// <see cref="CallbacksRequested"/>: queued callers who left a callback request (offered and offered to agents,
/// neither answered nor abandoned).</summary>
public sealed record KpiFigures(
    int Offered,
    int OfferedToAgents,
    int Answered,
    int SelfServed,
    int Abandoned,
    int ShortAbandoned,
    int AnsweredWithin15s,
    double EffectiveConnectionRate,
    double AgentConnectionRate,
    double ServiceLevel15s,
    double AbandonRate,
    double AverageSpeedOfAnswerSeconds,
    double AverageHandleTimeSeconds,
    int CallbacksRequested = 0);
