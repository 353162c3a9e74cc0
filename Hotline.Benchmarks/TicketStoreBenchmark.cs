using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Hotline.Core;
using Hotline.Core.Data;
using Hotline.Core.Departments;
using Hotline.Core.Security;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hotline.Benchmarks;

/// <summary>
/// Ticket storage at district-years scale: bulk-loads N realistic tickets (default 1,000,000, with their histories,
/// driven through the real workflow) into SQLite and, when <c>HOTLINE_TEST_POSTGRES</c> is set, PostgreSQL, then
/// measures p50/p99 of registering a ticket, searching by phone, by ticket number, by Chinese content and a
/// filtered list page. Targets: register p99 &lt; 20 ms; each search and list page p99 &lt; 100 ms.
/// Args: [ticketCount] [postgresTicketCount] [--fresh] [--db=sqlite|postgres] [--case=name words] [--reps=N] [--slowest=N
/// (print the N slowest samples)]. Loaded databases are kept between runs
/// (see <see cref="Run"/>).
/// </summary>
public static class TicketStoreBenchmark
{
    private const int Repetitions = 200;
    private const int Chunk = 50_000;

    private sealed record Settings(string? Case, int? Repetitions, int Slowest);

    public static void Run(string[] args)
    {
        string? Option(string key) => args.FirstOrDefault(a => a.StartsWith(key, StringComparison.Ordinal))?[key.Length..];
        var settings = new Settings(Option("--case="),
            Option("--reps=") is { } reps ? int.Parse(reps, System.Globalization.CultureInfo.InvariantCulture) : null,
            Option("--slowest=") is { } slowest ? int.Parse(slowest, System.Globalization.CultureInfo.InvariantCulture) : 0);
        var fresh = args.Contains("--fresh");
        var only = args.FirstOrDefault(a => a.StartsWith("--db=", StringComparison.Ordinal))?["--db=".Length..];
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var count = numbers.Length > 0 ? int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var postgresCount = numbers.Length > 1 ? int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture) : count;

        // A loaded database is kept between runs (loading a million tickets takes minutes): a fixed file / schema
        // per ticket count, reloaded only when missing, stale (older loader) or with --fresh. New migration
        // steps are applied on top of a kept database, as they would be in production.
        var directory = Path.Combine(Path.GetTempPath(), "hotline-ticket-bench");
        var file = Path.Combine(directory, $"tickets-{count}.db");
        if (only is null or "sqlite")
        {
            RunSqlite(file, count, fresh, settings);
        }

        if (only is null or "postgres" && Environment.GetEnvironmentVariable("HOTLINE_TEST_POSTGRES") is { Length: > 0 } postgres)
        {
            RunPostgres(postgres, postgresCount, fresh, settings);
        }
    }

    private static void RunSqlite(string file, int count, bool fresh, Settings settings)
    {
        try
        {
            RunAsync("SQLite", new DatabaseOptions { ConnectionString = $"Data Source={file}" }, count, fresh, settings,
                () =>
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var suffix in new[] { "", "-wal", "-shm" })
                    {
                        File.Delete(file + suffix);
                    }

                    return Task.CompletedTask;
                }).GetAwaiter().GetResult();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static void RunPostgres(string postgres, int postgresCount, bool fresh, Settings settings)
    {
        var schema = $"ticket_bench_{postgresCount}";
        using (var admin = new NpgsqlConnection(postgres))
        {
            admin.Execute($"CREATE SCHEMA IF NOT EXISTS {schema}");
        }

        try
        {
            // Loading chunks of 50,000 tickets on a busy machine can take longer than the default 30 s.
            var connection = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema, CommandTimeout = 300 }.ConnectionString;
            RunAsync("PostgreSQL", new DatabaseOptions { Provider = "PostgreSql", ConnectionString = connection }, postgresCount, fresh, settings,
                async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var admin = new NpgsqlConnection(postgres);
                    await admin.ExecuteAsync($"DROP SCHEMA {schema} CASCADE; CREATE SCHEMA {schema}");
                }).GetAwaiter().GetResult();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    // Bump when the generator or the load changes, so kept databases are reloaded.
    private const int DataVersion = 1;

    private static async Task<bool> IsLoadedAsync(ConnectionFactory connections, int count)
    {
        try
        {
            await using var connection = await connections.OpenAsync();
            var marker = await connection.QuerySingleOrDefaultAsync<(long Count, long Version)?>(
                "SELECT ticket_count, data_version FROM bench_marker");
            return marker is { } m && m.Count == count && m.Version == DataVersion;
        }
        catch (DbException)
        {
            return false; // no marker table: never loaded
        }
    }

    private static async Task RunAsync(string name, DatabaseOptions options, int count, bool fresh, Settings settings, Func<Task> drop)
    {
        var connections = new ConnectionFactory(options);
        var loaded = !fresh && await IsLoadedAsync(connections, count);
        if (!loaded)
        {
            await drop();
        }

        var migrate = Stopwatch.StartNew();
        var applied = await new Migrator(connections).MigrateAsync();
        if (loaded && applied.Count > 0)
        {
            Console.WriteLine($"{name}: applied migration steps {string.Join(", ", applied)} to the kept database in {migrate.Elapsed.TotalSeconds:F0} s");
        }

        var time = TimeProvider.System;
        var service = new TicketService(connections, new CalendarStore(connections, new HotlineOptions()), new TicketOptions(), time);
        var now = time.GetUtcNow();
        if (loaded)
        {
            Console.WriteLine($"{name}: reusing the kept database with {count:N0} loaded tickets (--fresh reloads)");
        }
        else
        {
            await LoadAsync(name, connections, service, time, count);
        }

        if (options.ProviderKind == DatabaseProvider.PostgreSql)
        {
            await using var connection = await connections.OpenAsync();
            await connection.ExecuteAsync(new CommandDefinition("ANALYZE tickets; ANALYZE ticket_departments; ANALYZE ticket_history", commandTimeout: 600));
        }

        // Every 97th loaded ticket's number and caller, as search inputs.
        List<string> numbers;
        List<string> phones;
        await using (var connection = await connections.OpenAsync())
        {
            var samples = (await connection.QueryAsync<(string Number, string Caller)>(new CommandDefinition(
                "SELECT number, caller_number FROM tickets WHERE id % 97 = 0", commandTimeout: 600))).ToList();
            numbers = samples.Select(s => s.Number).ToList();
            phones = samples.Select(s => s.Caller).ToList();
        }

        // The app's background maintenance (content index merges, WAL checkpoints on SQLite) runs meanwhile, as in production.
        using var stopMaintenance = new CancellationTokenSource();
        var maintenance = MaintainAsync(new TicketIndexMaintenance(connections), stopMaintenance.Token);
        var random = new Random(1);
        var agent = new Actor("agent01", Roles.Agent);
        var backOffice = new Actor("backoffice01", Roles.BackOffice);
        var department = new Actor("department01", Roles.Department, "D003");
        var draft = new TicketDraft
        {
            CallerNumber = "13912345678", RequestType = RequestType.Complaint, CategoryId = 1, CategoryPath = "城乡建设",
            Content = "小区门口流动摊贩占道经营，影响通行，希望尽快处理。", Street = "城关街道",
        };
        string[] contentTerms = ["占道经营", "拖欠工资", "预付卡退费", "噪音扰民", "油烟直排", "电梯经常故障"];

        // --case=WORDS runs only the cases whose name contains WORDS; --reps=N measures N times instead of 200.
        async Task Case(string what, double targetMs, Func<Task> action, int repetitions = Repetitions)
        {
            if (settings.Case is { } only && !what.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            Report(name, what, targetMs, await MeasureAsync(action, settings.Repetitions ?? repetitions), settings.Slowest);
        }

        await Case("register a ticket", 20, async () =>
        {
            var outcome = await service.RegisterAsync(draft, agent);
            if (!outcome.Succeeded)
                throw new InvalidOperationException(outcome.Failure?.Message);
        });
        await Case("search by phone (exact)", 100, () =>
            service.SearchAsync(new TicketQuery { Text = phones[random.Next(phones.Count)] }, backOffice));
        await Case("search by phone prefix (7 digits)", 100, () =>
            service.SearchAsync(new TicketQuery { Text = phones[random.Next(phones.Count)][..7] }, backOffice));
        await Case("search by ticket number", 100, () =>
            service.SearchAsync(new TicketQuery { Text = numbers[random.Next(numbers.Count)] }, backOffice));
        await Case("Chinese content search (>=3 chars)", 100, () =>
            service.SearchAsync(new TicketQuery { Text = contentTerms[random.Next(contentTerms.Length)] }, backOffice));
        await Case("Chinese content + status filter", 100, () =>
            service.SearchAsync(new TicketQuery { Text = contentTerms[random.Next(contentTerms.Length)], Statuses = [TicketStatus.SignedFor, TicketStatus.Dispatched] }, backOffice));
        await Case("content search, 2-char term (LIKE scan)", 100, () =>
            service.SearchAsync(new TicketQuery { Text = "停水" }, backOffice), repetitions: 100);
        await Case("list page: status + department + street", 100, () =>
            service.SearchAsync(new TicketQuery { Statuses = [TicketStatus.Closed], DepartmentId = "D00" + random.Next(1, 10), Street = "城关街道", Page = random.Next(1, 5) }, backOffice));
        await Case("list page: department portal (own tickets)", 100, () =>
            service.SearchAsync(new TicketQuery { Page = random.Next(1, 10) }, department));
        await Case("list page: all, newest first", 100, () =>
            service.SearchAsync(new TicketQuery { Page = random.Next(1, 10) }, backOffice));
        await Case("list page: overdue only", 100, () =>
            service.SearchAsync(new TicketQuery { OverdueOnly = true }, backOffice));
        await Case("list page: last 7 days, type complaint", 100, () =>
            service.SearchAsync(new TicketQuery { RegisteredFrom = now - TimeSpan.FromDays(7), RequestType = RequestType.Complaint }, backOffice));
        await stopMaintenance.CancelAsync();
        await maintenance;
    }

    private static async Task MaintainAsync(TicketIndexMaintenance maintenance, CancellationToken stop)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stop))
            {
                await maintenance.RunAsync(stop);
            }
        }
        catch (OperationCanceledException)
        {
            // the measurements are over
        }
    }

    private static async Task LoadAsync(string name, ConnectionFactory connections, TicketService service, TimeProvider time, int count)
    {
        await DemoTicketData.SeedAsync(connections, service, time, ticketCount: 0);

        // The trigram index takes each ticket at once in production (migration 6); for a bulk load its pending list
        // (merged in batches) is many times faster, and is switched off again below.
        var postgres = connections.Dialect.Provider == DatabaseProvider.PostgreSql;
        if (postgres)
        {
            await using var bulk = await connections.OpenAsync();
            await bulk.ExecuteAsync("ALTER INDEX ix_tickets_content_trgm SET (fastupdate = on)");
        }

        // Load: a year of tickets ending now, in chunks (one transaction and one prepared insert per chunk).
        var generator = new DemoTicketGenerator(await service.WorkflowAsync(), await new CategoryStore(connections).ListAsync(), seed: 7, phonePool: count / 3);
        var now = time.GetUtcNow();
        var from = now - TimeSpan.FromDays(365);
        var load = Stopwatch.StartNew();
        var generating = TimeSpan.Zero;
        var historyRows = 0L;
        for (var done = 0; done < count; done += Chunk)
        {
            var size = Math.Min(Chunk, count - done);
            var g = Stopwatch.StartNew();
            var (tickets, history) = generator.Generate(size,
                from + (now - from) * ((double)done / count), from + (now - from) * ((double)(done + size) / count), now);
            generating += g.Elapsed;
            await service.BulkLoadAsync(tickets, history);
            historyRows += history.Count;
        }

        await using var connection = await connections.OpenAsync();
        if (!postgres)
        {
            // Chunks of 50,000 leave a few huge FTS5 segments no registration-by-registration year would have; merge them
            // as a year of background maintenance would have.
            await connection.ExecuteAsync(new CommandDefinition("INSERT INTO tickets_fts (tickets_fts) VALUES ('optimize')", commandTimeout: 600));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "ALTER INDEX ix_tickets_content_trgm SET (fastupdate = off); SELECT gin_clean_pending_list('ix_tickets_content_trgm'::regclass)",
                commandTimeout: 600));
        }

        await connection.ExecuteAsync("CREATE TABLE bench_marker (ticket_count bigint NOT NULL, data_version bigint NOT NULL)");
        await connection.ExecuteAsync("INSERT INTO bench_marker (ticket_count, data_version) VALUES (@count, @version)", new { count = (long)count, version = (long)DataVersion });
        Console.WriteLine($"{name}: loaded {count:N0} tickets + {historyRows:N0} history rows in {load.Elapsed.TotalSeconds:F0} s (generating {generating.TotalSeconds:F0} s)");
    }

    private static async Task<List<double>> MeasureAsync(Func<Task> action, int repetitions = Repetitions)
    {
        for (var i = 0; i < 3; i++)
        {
            await action();
        }

        var samples = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return samples;
    }

    private static void Report(string database, string what, double targetMs, List<double> samples, int slowest)
    {
        if (slowest > 0)
        {
            // In measuring order, so stalls can be matched to what happened then (checkpoints, merges).
            var worst = samples.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(slowest).OrderBy(x => x.i);
            Console.WriteLine($"{database,-10} {what}: slowest samples {string.Join(", ", worst.Select(x => $"#{x.i} {x.ms:F1} ms"))}");
        }

        samples.Sort();
        var p50 = samples[samples.Count / 2];
        var p99 = samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * 0.99) - 1)];
        Console.WriteLine($"{database,-10} {what,-45} p50 {p50,7:F2} ms  p99 {p99,7:F2} ms  (target p99 < {targetMs} ms) {(p99 < targetMs ? "ok" : "MISSED")}");
    }
}
