using System.Diagnostics;
using Hotline.Core.Agents;
using Hotline.Core.Calls;
using Hotline.Core.Data;
using Hotline.Telephony;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Benchmarks;

/// <summary>
/// The storage side of the ingest: CallRecorder throughput, and how long one batch of 2,000 call records
/// (and 2,000 seat intervals) takes to write on SQLite and, when <c>HOTLINE_TEST_POSTGRES</c> is set, on PostgreSQL.
/// Targets: the recorder far above the ingest's thousands of events per second (≥ 1,000,000/s), and a
/// batch well inside the ingest's 500 ms write cycle (≤ 100 ms).
/// </summary>
public static class StorageBenchmark
{
    private const int Batch = 2000;
    private const int Repetitions = 7;

    public static void Run(string[] args)
    {
        _ = args;
        RunRecorder();

        var directory = Path.Combine(Path.GetTempPath(), "hotline-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            RunStore("SQLite", new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(directory, "bench.db")}" }).GetAwaiter().GetResult();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        if (Environment.GetEnvironmentVariable("HOTLINE_TEST_POSTGRES") is { Length: > 0 } postgres)
        {
            RunPostgres(postgres).GetAwaiter().GetResult();
        }
        else
        {
            Console.WriteLine("PostgreSQL: skipped (set HOTLINE_TEST_POSTGRES, e.g. from scripts/start-postgres.sh)");
        }
    }

    private static void RunRecorder()
    {
        // 100 seats, each taking answered calls: 8 call and seat events per call.
        var start = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        var events = new List<TelephonyEvent>();
        for (var seat = 0; seat < 100; seat++)
        {
            events.Add(new SeatLoggedIn(start, $"A{seat:D3}", "坐席", "8000"));
        }

        for (var i = 0; i < 50_000; i++)
        {
            var at = start.AddSeconds(i);
            var agent = $"A{i % 100:D3}";
            var id = $"call-{i}";
            events.Add(new CallArrived(at, id, "13800000000", "12345"));
            events.Add(new CallQueued(at.AddSeconds(5), id, "12345", 1));
            events.Add(new SeatRinging(at.AddSeconds(6), agent, id));
            events.Add(new CallAnswered(at.AddSeconds(8), id, agent, "12345", 3));
            events.Add(new SeatOnCall(at.AddSeconds(8), agent, id));
            events.Add(new CallEnded(at.AddSeconds(60), id, agent, 52, HangupParty.Caller));
            events.Add(new SeatWrapUp(at.AddSeconds(60), agent));
            events.Add(new SeatReady(at.AddSeconds(70), agent));
        }

        var calls = new List<CallRecord>();
        var intervals = new List<SeatInterval>();
        var times = new List<double>();
        for (var r = 0; r < Repetitions; r++)
        {
            var recorder = new CallRecorder();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < events.Count; i++)
            {
                recorder.Apply(events[i]);
                if ((i & 1023) == 1023)
                {
                    recorder.Drain(calls, intervals);
                    calls.Clear();
                    intervals.Clear();
                }
            }

            recorder.Drain(calls, intervals);
            calls.Clear();
            intervals.Clear();
            times.Add(events.Count / watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"CallRecorder: median {Median(times):N0} events/s including drains (target >= 1,000,000)");
    }

    // In a schema of its own, dropped afterwards, so the test database stays clean.
    private static async Task RunPostgres(string server)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
            await RunStore("PostgreSQL", new DatabaseOptions { Provider = "PostgreSql", ConnectionString = connectionString });
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunStore(string name, DatabaseOptions options)
    {
        var connections = new ConnectionFactory(options);
        await new Migrator(connections).MigrateAsync();
        var store = new CallStore(connections);
        var day = DateTimeOffset.UtcNow.Date.AddYears(-5);
        var insertTimes = new List<double>();
        var updateTimes = new List<double>();
        var intervalTimes = new List<double>();
        for (var r = 0; r < Repetitions; r++)
        {
            var prefix = $"bench-{Guid.NewGuid():N}-";
            var calls = new List<CallRecord>(Batch);
            var intervals = new List<SeatInterval>(Batch);
            for (var i = 0; i < Batch; i++)
            {
                var at = new DateTimeOffset(day.AddSeconds(i), TimeSpan.Zero);
                calls.Add(new CallRecord { CallId = prefix + i, CallerNumber = "13800000000", Queue = "12345热线", ArrivedAt = at, QueuedAt = at.AddSeconds(3) });
                intervals.Add(new SeatInterval($"A{i % 100:D3}", SeatState.Ready, null, at, at.AddSeconds(30)));
            }

            var watch = Stopwatch.StartNew();
            await store.UpsertCallsAsync(calls);
            insertTimes.Add(watch.Elapsed.TotalMilliseconds);

            var answered = calls.Select(c => c with { Outcome = CallOutcome.Answered, AnsweredAt = c.ArrivedAt.AddSeconds(9), AgentId = "A001", WaitSeconds = 6 }).ToList();
            watch.Restart();
            await store.UpsertCallsAsync(answered);
            updateTimes.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            await store.InsertIntervalsAsync(intervals);
            intervalTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{name}: {Batch:N0} new calls median {Median(insertTimes):F1} ms, {Batch:N0} updated calls {Median(updateTimes):F1} ms, {Batch:N0} intervals {Median(intervalTimes):F1} ms (target <= 100 ms each)");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
