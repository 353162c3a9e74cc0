using System.Diagnostics;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Benchmarks;

/// <summary>
/// End-to-end push latency: the real app on Kestrel (SQLite, real ingest, live feed and hub), 200 SignalR
/// clients connected with the wallboard token, and 2,000 events a second written into the switch's stream.
/// For every event and every client: the time from the event entering the stream to that client receiving the
/// first snapshot whose <c>eventsApplied</c> includes it. Target: p99 under 350 ms (coalescing included).
/// Arguments: [clients=200] [eventsPerSecond=2000] [seconds=20].
/// </summary>
public static class LiveLatencyBenchmark
{
    private const string Token = "bench-wallboard";
    private const double TargetP99Ms = 350;

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0]) : 200;
        var rate = args.Length > 1 ? int.Parse(args[1]) : 2000;
        var seconds = args.Length > 2 ? int.Parse(args[2]) : 20;
        const int warmUpSeconds = 3;

        var script = Script(rate * (seconds + warmUpSeconds + 2));
        var switcher = new ScriptedSwitch(script, rate, TimeProvider.System);
        var folder = Path.Combine(Path.GetTempPath(), "hotline-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var app = new BenchApp(folder, switcher);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var receivers = new Receiver[clients];
        var connections = new HubConnection[clients];
        for (var i = 0; i < clients; i++)
        {
            var receiver = receivers[i] = new Receiver(switcher);
            var connection = connections[i] = new HubConnectionBuilder()
                .WithUrl(new Uri(new Uri(address), "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(Token))
                .Build();
            // Like a real screen, a client reads the fields it needs into its own type.
            connection.On<SnapshotProbe>("ReceiveSnapshot", receiver.OnSnapshot);
            await connection.StartAsync();
        }

        Console.WriteLine($"Live push latency: {clients} SignalR clients, {rate:N0} events/s, {seconds} s measured after {warmUpSeconds} s warm-up");
        await Task.Delay(TimeSpan.FromSeconds(warmUpSeconds));
        foreach (var r in receivers)
        {
            r.Measuring = true;
        }

        await Task.Delay(TimeSpan.FromSeconds(seconds));
        foreach (var r in receivers)
        {
            r.Measuring = false;
        }

        var histogram = Sum(receivers.Select(r => r.Histogram));
        var delivery = Sum(receivers.Select(r => r.Delivery));

        var total = histogram.Sum();
        if (total == 0)
        {
            throw new InvalidOperationException("No event reached any client: the benchmark measured nothing.");
        }

        Console.WriteLine($"  samples {total:N0} (event × client), snapshots per client {receivers.Average(r => r.Snapshots) / (seconds + warmUpSeconds):F1}/s");
        Console.WriteLine($"  p50 {Percentile(histogram, 0.50)} ms, p90 {Percentile(histogram, 0.90)} ms, p99 {Percentile(histogram, 0.99)} ms, max {Percentile(histogram, 1.0)} ms " +
            $"(target p99 < {TargetP99Ms} ms: {(Percentile(histogram, 0.99) < TargetP99Ms ? "met" : "NOT met")})");

        Console.WriteLine($"  of which delivery (snapshot taken → client received): p50 {Percentile(delivery, 0.50)} ms, p99 {Percentile(delivery, 0.99)} ms");

        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }
    }

    /// <summary>Realistic events: a typhoon day of the simulated switch, times replaced when replayed.</summary>
    private static List<TelephonyEvent> Script(int count)
    {
        var options = new SimulationOptions { LoadFactor = 3, Seed = 99 };
        var start = new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero);
        var engine = new SimulationEngine(options, start);
        var events = new List<TelephonyEvent>(count);
        for (var hour = 1; events.Count < count && hour < 24 * 7; hour++)
        {
            engine.RunUntil(start.AddHours(hour), e =>
            {
                if (events.Count < count && e is not SwitchLinkUp and not SwitchLinkDown)
                {
                    events.Add(e);
                }
            });
        }

        return events;
    }

    private static long[] Sum(IEnumerable<long[]> histograms)
    {
        var sum = new long[Receiver.Buckets];
        foreach (var h in histograms)
        {
            for (var b = 0; b < sum.Length; b++)
            {
                sum[b] += h[b];
            }
        }

        return sum;
    }

    private static int Percentile(long[] histogram, double q)
    {
        var total = histogram.Sum();
        var target = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var b = 0; b < histogram.Length; b++)
        {
            seen += histogram[b];
            if (seen >= Math.Max(1, target))
            {
                return b;
            }
        }

        return histogram.Length;
    }

    /// <summary>One client's bookkeeping (a connection's handlers run one at a time).</summary>
    private sealed class Receiver(ScriptedSwitch switcher)
    {
        public const int Buckets = 10_000; // 1 ms each; later lands in the last one

        private long _seen;

        public long[] Histogram { get; } = new long[Buckets];

        public volatile bool Measuring;

        public int Snapshots { get; private set; }


        /// <summary>Snapshot taken → received by this client, 1 ms buckets.</summary>
        public long[] Delivery { get; } = new long[Buckets];

        public void OnSnapshot(SnapshotProbe snapshot)
        {
            var now = Stopwatch.GetTimestamp();
            var wallNow = DateTimeOffset.UtcNow;
            Snapshots++;
            if (Measuring)
            {
                var delivery = (int)(wallNow - snapshot.GeneratedAt).TotalMilliseconds;
                Delivery[Math.Clamp(delivery, 0, Buckets - 1)]++;
            }

            var applied = Math.Min(snapshot.EventsApplied, switcher.Written);
            for (var i = _seen + 1; i <= applied; i++)
            {
                if (Measuring)
                {
                    var ms = (int)Stopwatch.GetElapsedTime(switcher.WrittenAt[i], now).TotalMilliseconds;
                    Histogram[Math.Min(ms, Buckets - 1)]++;
                }
            }

            _seen = Math.Max(_seen, applied);
        }
    }

    /// <summary>The two snapshot fields this benchmark reads.</summary>
    private sealed record SnapshotProbe(DateTimeOffset GeneratedAt, long EventsApplied);

    private sealed class BenchApp(string folder, ScriptedSwitch switcher) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            UseKestrel(0);
            builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["ConnectionStrings:Hotline"] = $"Data Source={Path.Combine(folder, "hotline.db")}",
                ["Hotline:Demo:Enabled"] = "false",
                ["Hotline:Security:InitialAdminPassword"] = "Bench!Admin#2026", // no demo data: the first start needs the admin password
                ["Hotline:Wallboard:DeviceTokens:0"] = Token,
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "logs", "hotline-.log"),
            }));
            builder.ConfigureTestServices(services => services.AddSingleton<ITelephony>(switcher));
        }
    }
}
