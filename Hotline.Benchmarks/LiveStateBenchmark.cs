using System.Diagnostics;
using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;

namespace Hotline.Benchmarks;

/// <summary>
/// How many events per second <see cref="LiveState.Apply"/> takes on one core, over ~2M pre-generated events of a
/// realistic mix (90 seats, arrivals, IVR, self-service, queueing, ringing, answers, abandons incl. while ringing,
/// ends, wrap-up, breaks) spanning several days, so midnight rollovers are included. Target: 1,000,000/s.
/// Arguments: [events] (default 2,000,000).
/// </summary>
public static class LiveStateBenchmark
{
    private const double TargetPerSecond = 1_000_000;
    private const int Runs = 5;
    private const int Seats = 90;
    private const int CallIds = 8192;

    public static void Run(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2_000_000;
        var events = Generate(count, seed: 12345);
        Console.WriteLine($"LiveState.Apply: {events.Length:N0} events from {events[0].At:yyyy-MM-dd HH:mm} to {events[^1].At:yyyy-MM-dd HH:mm} UTC");

        Measure(events); // warm-up: lets tiered JIT settle
        var last = new LiveState(new HotlineOptions());
        foreach (var e in events) last.Apply(e);
        var day = last.Snapshot(events[^1].At);
        Console.WriteLine($"  last day {day.Day}: offered {day.Today.Offered}, answered {day.Today.Answered}, self-served {day.Today.SelfServed}, " +
            $"abandoned {day.Today.Abandoned} (short {day.Today.ShortAbandoned}), 15 s {day.Today.ServiceLevel15s:P1}, ASA {day.Today.AverageSpeedOfAnswerSeconds:F1} s, " +
            $"AHT {day.Today.AverageHandleTimeSeconds:F0} s, seats {day.Seats.Count}, waiting {day.Queues.Sum(q => q.Waiting)}");
        var rates = new List<double>();
        long allocated = 0;
        for (var run = 0; run < Runs; run++)
        {
            var (rate, bytes) = Measure(events);
            rates.Add(rate);
            allocated = bytes;
            Console.WriteLine($"  run {run + 1}: {rate:N0} events/s");
        }

        rates.Sort();
        var median = rates[Runs / 2];
        Console.WriteLine($"  median {median:N0} events/s (target >= {TargetPerSecond:N0}/s): {(median >= TargetPerSecond ? "OK" : "BELOW TARGET")}");
        Console.WriteLine($"  allocated {allocated / (double)events.Length:N2} bytes/event in the last run");
    }

    private static (double EventsPerSecond, long AllocatedBytes) Measure(TelephonyEvent[] events)
    {
        var state = new LiveState(new HotlineOptions());
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        foreach (var e in events) state.Apply(e);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var snapshot = state.Snapshot(events[^1].At);
        if (snapshot.EventsApplied != events.Length) throw new InvalidOperationException("not every event was applied");
        return (events.Length / watch.Elapsed.TotalSeconds, allocated);
    }

    /// <summary>
    /// A small discrete simulation: Poisson arrivals (mean 2.3 s apart: a busy day, seats about 93 % occupied), 12 % self-served, 4 % hang up in the IVR, the
    /// rest queue FIFO for the first free seat; callers abandon after an exponential patience (mean 90 s), sometimes
    /// while the seat rings; exponential talk (mean 180 s), 30 s wrap-up, and a 10-minute break every 40th call.
    /// </summary>
    private static TelephonyEvent[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, CallIds).Select(i => $"1773100800.{i}").ToArray();
        var callers = Enumerable.Range(0, 1000).Select(i => $"138{i:D8}").ToArray();
        var agents = Enumerable.Range(1, Seats).Select(i => $"A{i:D3}").ToArray();

        var timeline = new List<(double At, long Sequence, TelephonyEvent Event)>(count + 1000);
        long sequence = 0;
        void Add(double at, TelephonyEvent e) => timeline.Add((at, sequence++, e));
        DateTimeOffset T(double seconds) => start.AddSeconds(seconds);
        double Exponential(double mean) => -mean * Math.Log(1 - random.NextDouble());

        var seatFree = new PriorityQueue<int, double>();
        Add(0, new SwitchLinkUp(T(0), "pbx-1"));
        for (var s = 0; s < Seats; s++)
        {
            Add(0, new SeatLoggedIn(T(0), agents[s], $"坐席{s + 1}", $"8{s + 1:D3}"));
            Add(1, new SeatReady(T(1), agents[s]));
            seatFree.Enqueue(s, 1);
        }

        var now = 2.0;
        for (var call = 0; timeline.Count < count; call++)
        {
            now += Exponential(2.3);
            var id = ids[call % CallIds];
            var arrived = now;
            Add(arrived, new CallArrived(T(arrived), id, callers[random.Next(callers.Length)], "12345"));
            Add(arrived, new CallEnteredIvr(T(arrived), id));
            var kind = random.NextDouble();
            if (kind < 0.12)
            {
                Add(arrived + 40, new CallSelfServed(T(arrived + 40), id, "社保查询"));
                continue;
            }

            if (kind < 0.16)
            {
                Add(arrived + 8, new CallDisconnected(T(arrived + 8), id));
                continue;
            }

            var queued = arrived + 15;
            Add(queued, new CallQueued(T(queued), id, "12345", 1));
            seatFree.TryDequeue(out var seat, out var freeAt);
            var agent = agents[seat];
            var ring = Math.Max(queued, freeAt);
            var answered = ring + 4;
            var patience = Exponential(90);
            if (queued + patience < ring)
            {
                var gaveUp = queued + patience;
                Add(gaveUp, new CallAbandoned(T(gaveUp), id, "12345", patience, 1));
                seatFree.Enqueue(seat, freeAt);
                continue;
            }

            Add(ring, new CallOffered(T(ring), id, agent));
            Add(ring, new SeatRinging(T(ring), agent, id));
            if (queued + patience < answered)
            {
                var gaveUp = queued + patience;
                Add(gaveUp, new CallAbandoned(T(gaveUp), id, "12345", patience, 1));
                Add(gaveUp, new SeatReady(T(gaveUp), agent));
                seatFree.Enqueue(seat, gaveUp);
                continue;
            }

            var wait = answered - queued;
            Add(answered, new CallAnswered(T(answered), id, agent, "12345", wait));
            Add(answered, new SeatOnCall(T(answered), agent, id));
            var talk = Exponential(180);
            var ended = answered + talk;
            Add(ended, new CallEnded(T(ended), id, agent, talk, HangupParty.Caller));
            Add(ended, new SeatWrapUp(T(ended), agent));
            var ready = ended + 30;
            if (call % 40 == 0)
            {
                Add(ready, new SeatNotReady(T(ready), agent, "小休"));
                ready += 600;
            }

            Add(ready, new SeatReady(T(ready), agent));
            seatFree.Enqueue(seat, ready);
        }

        timeline.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Sequence.CompareTo(b.Sequence));
        return timeline.Take(count).Select(x => x.Event).ToArray();
    }
}
