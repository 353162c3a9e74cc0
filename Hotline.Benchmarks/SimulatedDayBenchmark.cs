using System.Diagnostics;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;

namespace Hotline.Benchmarks;

/// <summary>
/// A full 77-seat day (default roster and day curve, about 5,000 calls) run accelerated on the simulation engine:
/// RunUntil over 24 hours, counting events. Target: under 2 s.
/// </summary>
public static class SimulatedDayBenchmark
{
    private const int Runs = 5;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);

    public static void Run(string[] args)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(new SimulationOptions().TimeZone);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var midnight = new DateTimeOffset(today.Date, today.Offset);

        var times = new List<TimeSpan>();
        int events = 0, calls = 0;
        for (int run = 0; run < Runs; run++)
        {
            events = 0;
            calls = 0;
            var watch = Stopwatch.StartNew();
            var engine = new SimulationEngine(new SimulationOptions { Seed = 12345 + run }, midnight);
            engine.RunUntil(midnight.AddDays(1), e =>
            {
                events++;
                if (e is CallArrived)
                {
                    calls++;
                }
            });
            watch.Stop();
            times.Add(watch.Elapsed);
            Console.WriteLine($"  run {run + 1}: {watch.Elapsed.TotalMilliseconds,8:F1} ms, {calls} calls, {events} events");
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(
            $"Simulated day (77 seats, ~5,000 calls): median {median.TotalMilliseconds:F1} ms over {Runs} runs " +
            $"(target < {Target.TotalSeconds:F0} s) {(median < Target ? "PASS" : "FAIL")}");
    }
}
