namespace Hotline.Core.Assessment;

/// <summary>
/// Call figures over a period (a day, the month), by the same rules as the live figures (LiveState.Restore):
/// every inbound call is offered; answered when it has an answer time or the Answered outcome; self-served or
/// abandoned by outcome; a queued caller who left a callback request counts as offered to agents and is neither
/// answered nor abandoned; short abandons (wait &lt; 5 s by default) are also abandons; handled when answered and ended.
/// Rates are fractions, 0 when the denominator is 0.
/// </summary>
public sealed record CallFigures(
    int Offered,
    int OfferedToAgents,
    int Answered,
    int SelfServed,
    int Abandoned,
    int ShortAbandoned,
    int AnsweredWithin15s,
    int Handled,
    double WaitSecondsOfAnswered,
    double TalkSeconds,
    double HandleSeconds,
    int CallbacksRequested = 0)
{
    public static CallFigures Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>有效接通率 = (Answered + SelfServed) / Offered.</summary>
    public double EffectiveConnectionRate => Ratio(Answered + SelfServed, Offered);

    /// <summary>人工接通率 = Answered / OfferedToAgents.</summary>
    public double AgentConnectionRate => Ratio(Answered, OfferedToAgents);

    public double ServiceLevel15s => Ratio(AnsweredWithin15s, Answered);

    public double AbandonRate => Ratio(Abandoned, OfferedToAgents);

    public double AverageSpeedOfAnswerSeconds => Ratio(WaitSecondsOfAnswered, Answered);

    /// <summary>(talk + wrap-up) / handled calls.</summary>
    public double AverageHandleTimeSeconds => Ratio(HandleSeconds, Handled);

    private static double Ratio(double numerator, int denominator) => denominator == 0 ? 0 : numerator / denominator;
}
