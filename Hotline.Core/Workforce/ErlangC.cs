namespace Hotline.Core.Workforce;

/// <summary>
/// Erlang C (M/M/N, callers wait forever, first come first served): turns offered traffic and a handle
/// time into waiting probability, service level, average speed of answer and agents needed.
/// Erlang B is computed by its recursion B(n) = A·B(n−1) / (n + A·B(n−1)), which never forms A^N or N!
/// and so stays accurate for provincial sizes (thousands of agents).
/// </summary>
public static class ErlangC
{
    /// <summary>Offered traffic in Erlang: calls per interval × handle time ÷ interval length.</summary>
    public static double TrafficIntensity(double callsPerInterval, double intervalSeconds, double averageHandleSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(callsPerInterval);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(averageHandleSeconds);
        return callsPerInterval * averageHandleSeconds / intervalSeconds;
    }

    /// <summary>Erlang B blocking probability for <paramref name="agents"/> servers and <paramref name="erlangs"/> offered.</summary>
    public static double ErlangB(int agents, double erlangs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        ArgumentOutOfRangeException.ThrowIfNegative(erlangs);
        double b = 1.0;
        for (int n = 1; n <= agents; n++)
        {
            b = erlangs * b / (n + erlangs * b);
        }

        return b;
    }

    /// <summary>Probability that a call has to wait (Erlang C). 1 when the agents cannot carry the traffic.</summary>
    public static double ProbabilityOfWaiting(int agents, double erlangs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        ArgumentOutOfRangeException.ThrowIfNegative(erlangs);
        if (erlangs == 0)
        {
            return 0;
        }

        if (agents <= erlangs)
        {
            return 1;
        }

        return FromErlangB(agents, erlangs, ErlangB(agents, erlangs));
    }

    /// <summary>Share of calls answered within <paramref name="targetAnswerSeconds"/> (0 to 1).</summary>
    public static double ServiceLevel(int agents, double erlangs, double averageHandleSeconds, double targetAnswerSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(averageHandleSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(targetAnswerSeconds);
        double pWait = ProbabilityOfWaiting(agents, erlangs);
        if (pWait == 0)
        {
            return 1;
        }

        if (agents <= erlangs)
        {
            return 0;
        }

        return ServiceLevelFrom(pWait, agents, erlangs, averageHandleSeconds, targetAnswerSeconds);
    }

    /// <summary>Average speed of answer in seconds over all calls; +∞ when the agents cannot carry the traffic.</summary>
    public static double AverageSpeedOfAnswer(int agents, double erlangs, double averageHandleSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(averageHandleSeconds);
        double pWait = ProbabilityOfWaiting(agents, erlangs);
        if (pWait == 0)
        {
            return 0;
        }

        if (agents <= erlangs)
        {
            return double.PositiveInfinity;
        }

        return pWait * averageHandleSeconds / (agents - erlangs);
    }

    /// <summary>
    /// The smallest number of agents whose service level reaches <paramref name="targetServiceLevel"/>
    /// (a fraction, e.g. 0.8 for 80 %) within <paramref name="targetAnswerSeconds"/>.
    /// </summary>
    public static int AgentsNeeded(double erlangs, double averageHandleSeconds, double targetAnswerSeconds, double targetServiceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(erlangs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(averageHandleSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(targetAnswerSeconds);
        if (targetServiceLevel is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(targetServiceLevel), targetServiceLevel, "The target service level must lie strictly between 0 and 1.");
        }

        if (erlangs == 0)
        {
            return 0;
        }

        // One pass of the Erlang B recursion, testing each n on the way, instead of restarting it per n.
        const int limit = 1_000_000;
        double b = 1.0;
        for (int n = 1; n <= limit; n++)
        {
            b = erlangs * b / (n + erlangs * b);
            if (n <= erlangs)
            {
                continue;
            }

            double pWait = FromErlangB(n, erlangs, b);
            if (ServiceLevelFrom(pWait, n, erlangs, averageHandleSeconds, targetAnswerSeconds) >= targetServiceLevel)
            {
                return n;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(erlangs), erlangs, "The traffic needs more agents than can be computed.");
    }

    private static double FromErlangB(int agents, double erlangs, double erlangB) =>
        agents * erlangB / (agents - erlangs * (1 - erlangB));

    private static double ServiceLevelFrom(double pWait, int agents, double erlangs, double averageHandleSeconds, double targetAnswerSeconds) =>
        1 - pWait * Math.Exp(-(agents - erlangs) * targetAnswerSeconds / averageHandleSeconds);
}
