using Hotline.Telephony;
using Hotline.Telephony.Simulation;

namespace Hotline.Tests.Simulation;

/// <summary>Shared settings and helpers for the simulation tests.</summary>
internal static class SimulationScenarios
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Local midnight of a plain working day in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset Midnight = new(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// The textbook M/M/N queue: a constant rate, exponential talk times, no IVR, no ringing, no wrap-up,
    /// no abandonment, no roster (seats only by command).
    /// </summary>
    public static SimulationOptions Textbook(double callsPerHalfHour, double handleSeconds, int seed = 1) => new()
    {
        Seed = seed,
        DayCurve = Enumerable.Repeat(callsPerHalfHour, 48).ToArray(),
        HandleDistribution = HandleTimeDistribution.Exponential,
        MeanHandleSeconds = handleSeconds,
        MeanWrapUpSeconds = 0,
        MeanPatienceSeconds = null,
        RingSeconds = 0,
        IvrSeconds = 0,
        SelfServiceShare = 0,
        IvrDisconnectShare = 0,
        Shifts = [],
        TakeBreaks = false,
    };

    /// <summary>Logs in and readies agents A001… by command.</summary>
    public static void StaffByCommand(SimulationEngine engine, int seats, Action<TelephonyEvent> emit)
    {
        for (int i = 1; i <= seats; i++)
        {
            string agentId = $"A{i:D3}";
            engine.LogIn(agentId, $"{8000 + i}", emit);
            engine.SetReady(agentId, emit);
        }
    }

    public static List<TelephonyEvent> Run(SimulationOptions options, DateTimeOffset from, TimeSpan length)
    {
        var events = new List<TelephonyEvent>();
        var engine = new SimulationEngine(options, from);
        engine.RunUntil(from + length, events.Add);
        return events;
    }
}
