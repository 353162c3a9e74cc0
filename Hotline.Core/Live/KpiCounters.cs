namespace Hotline.Core.Live;

/// <summary>
/// Mutable counters for one bucket (a day, a half hour or a minute) of calls attributed by arrival time.
/// A class on purpose: a call keeps references to the buckets of its arrival, so its later outcomes update
/// them directly, and a bucket that has been replaced (a new day, a reused minute slot) simply stops being read.
/// </summary>
internal sealed class KpiCounters
{
    public int Offered;
    public int OfferedToAgents;
    public int Answered;
    public int SelfServed;
    public int Abandoned;
    public int ShortAbandoned;
    /// <summary>Queued callers who left a callback request instead of waiting (not abandons).</summary>
    public int CallbacksRequested;
    public int AnsweredWithinServiceLevel;
    public double WaitSecondsOfAnswered;
    /// <summary>Calls that ended after being answered.</summary>
    public int Handled;
    /// <summary>Talk plus wrap-up seconds of handled calls.</summary>
    public double HandleSeconds;

    public void AddTo(KpiCounters total)
    {
        total.Offered += Offered;
        total.OfferedToAgents += OfferedToAgents;
        total.Answered += Answered;
        total.SelfServed += SelfServed;
        total.Abandoned += Abandoned;
        total.ShortAbandoned += ShortAbandoned;
        total.CallbacksRequested += CallbacksRequested;
        total.AnsweredWithinServiceLevel += AnsweredWithinServiceLevel;
        total.WaitSecondsOfAnswered += WaitSecondsOfAnswered;
        total.Handled += Handled;
        total.HandleSeconds += HandleSeconds;
    }

    public KpiFigures ToFigures() => new(
        Offered,
        OfferedToAgents,
        Answered,
        SelfServed,
        Abandoned,
        ShortAbandoned,
        AnsweredWithinServiceLevel,
        EffectiveConnectionRate: Ratio(Answered + SelfServed, Offered),
        AgentConnectionRate: Ratio(Answered, OfferedToAgents),
        ServiceLevel15s: Ratio(AnsweredWithinServiceLevel, Answered),
        AbandonRate: Ratio(Abandoned, OfferedToAgents),
        AverageSpeedOfAnswerSeconds: Ratio(WaitSecondsOfAnswered, Answered),
        AverageHandleTimeSeconds: Ratio(HandleSeconds, Handled),
        CallbacksRequested: CallbacksRequested);

    private static double Ratio(double numerator, int denominator) => denominator == 0 ? 0 : numerator / denominator;
}
