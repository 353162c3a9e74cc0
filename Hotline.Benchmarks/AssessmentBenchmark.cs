using System.Diagnostics;
using Dapper;
using Hotline.Core;
using Hotline.Core.Agents;
using Hotline.Core.Assessment;
using Hotline.Core.Assessment.Storage;
using Hotline.Core.Calls;
using Hotline.Core.Data;
using Hotline.Core.Security;
using Hotline.Core.Tickets.Storage;
using Hotline.Telephony;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Benchmarks;

/// <summary>
/// The monthly assessment of a busy district on SQLite: October 2026 with 150,000 inbound calls, 120 agents on a daily
/// roster with their seat intervals (about 4 per call plus breaks), 40,000 tickets, a 3 % quality sample, staff and complaints.
/// Targets: report computed and workbook written &lt; 1.5 s with peak memory &lt; 300 MB; the raw calls CSV &lt; 1 s and &lt; 150 MB.
/// Each measurement runs in a child process of its own so that its peak working set is its own; the month is generated once
/// into a cached database (<c>--fresh</c> rebuilds it).
/// </summary>
public static class AssessmentBenchmark
{
    private const int Calls = 150_000;
    private const int Agents = 120;
    private const int Tickets = 40_000;
    private const int Runs = 7;
    private static readonly AssessmentMonth Month = new(2026, 10);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly string Database = Path.Combine(Path.GetTempPath(), "hotline-bench-assessment", "assessment.db");

    public static void Run(string[] args)
    {
        if (args.Contains("--fresh") && File.Exists(Database))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(Database)!, recursive: true);
        }

        if (!File.Exists(Database))
        {
            Child("assessment-generate");
        }
        else
        {
            // A kept database from before a schema change gets the new migration steps (its data stays).
            new Migrator(Connections()).MigrateAsync().GetAwaiter().GetResult();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        Child("assessment-report");
        Child("assessment-csv");
    }

    private static void Child(string step)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        info.ArgumentList.Add(typeof(AssessmentBenchmark).Assembly.Location);
        info.ArgumentList.Add(step);
        using var child = Process.Start(info)!;
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{step} failed with exit code {child.ExitCode}");
        }
    }

    private static ConnectionFactory Connections() => new(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Database}" });

    public static void Generate()
    {
        var watch = Stopwatch.StartNew();
        GenerateAsync().GetAwaiter().GetResult();
        Console.WriteLine($"assessment: generated {Calls:N0} calls, {Tickets:N0} tickets, {Agents} agents into {Database} in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task GenerateAsync()
    {
        var db = Connections();
        await new Migrator(db).MigrateAsync();
        var random = new Random(20261001);
        var store = new CallStore(db);
        var agents = Enumerable.Range(1, Agents).Select(i => $"A{i:D3}").ToArray();
        var start = Month.Start(Zone);
        var shifts = new List<RosterShift>();
        var intervals = new List<SeatInterval>();
        var calls = new List<CallRecord>();
        var staff = new StaffStore(db);
        for (var a = 0; a < Agents; a++)
        {
            await staff.SaveAsync(new StaffMember { Name = $"话务员{a + 1:D3}", AgentId = agents[a], JoinedOn = new DateOnly(2025, 1, 1) });
        }

        // Each agent works 8 h a day from a staggered start; calls are spread over the day and go to the agent on shift.
        var perDay = Calls / Month.DayCount + 1;
        var generated = 0;
        for (var day = 0; day < Month.DayCount && generated < Calls; day++)
        {
            var date = Month.FirstDay.AddDays(day);
            var dayStart = AssessmentMonth.DayStart(date, Zone);
            var free = new DateTimeOffset[Agents];
            for (var a = 0; a < Agents; a++)
            {
                var shift = RosterShift.FromLocal(agents[a], date, new TimeOnly(a % 3 * 8, 0), new TimeOnly((a % 3 * 8 + 8) % 24, 0), Zone, "班");
                shifts.Add(shift);
                free[a] = shift.StartsAt;
                // A meal break in the middle of each shift.
                intervals.Add(new SeatInterval(agents[a], SeatState.NotReady, "用餐", shift.StartsAt.AddHours(4), shift.StartsAt.AddHours(4.5)));
            }

            for (var i = 0; i < perDay && generated < Calls; i++, generated++)
            {
                var arrived = dayStart.AddSeconds(86400.0 * i / perDay);
                var roll = random.NextDouble();
                var id = $"C{date:yyyyMMdd}-{i:D6}";
                if (roll < 0.12)
                {
                    calls.Add(new CallRecord { CallId = id, CallerNumber = "13800000000", ArrivedAt = arrived, EndedAt = arrived.AddSeconds(60), Outcome = CallOutcome.SelfServed });
                    continue;
                }

                if (roll < 0.15)
                {
                    var waited = random.NextDouble() * 60;
                    calls.Add(new CallRecord { CallId = id, CallerNumber = "13800000000", ArrivedAt = arrived, QueuedAt = arrived.AddSeconds(30), EndedAt = arrived.AddSeconds(30 + waited), Outcome = CallOutcome.Abandoned, WaitSeconds = waited });
                    continue;
                }

                var hour = (arrived - dayStart).TotalHours;
                var group = (int)(hour / 8);
                var agent = group + 3 * random.Next(Agents / 3);
                var wait = random.NextDouble() * 20;
                var answered = arrived.AddSeconds(30 + wait);
                var talk = 60 + random.NextDouble() * 300;
                var wrap = random.NextDouble() * 40;
                if (free[agent] < answered.AddSeconds(-4))
                {
                    intervals.Add(new SeatInterval(agents[agent], SeatState.Ready, null, free[agent], answered.AddSeconds(-4)));
                }

                intervals.Add(new SeatInterval(agents[agent], SeatState.Ringing, null, answered.AddSeconds(-4), answered));
                intervals.Add(new SeatInterval(agents[agent], SeatState.OnCall, null, answered, answered.AddSeconds(talk)));
                intervals.Add(new SeatInterval(agents[agent], SeatState.WrapUp, null, answered.AddSeconds(talk), answered.AddSeconds(talk + wrap)));
                free[agent] = answered.AddSeconds(talk + wrap);
                calls.Add(new CallRecord
                {
                    CallId = id, CallerNumber = $"139{random.Next(10_000_000, 99_999_999)}", Queue = "12345", ArrivedAt = arrived, QueuedAt = arrived.AddSeconds(30),
                    AnsweredAt = answered, EndedAt = answered.AddSeconds(talk), Outcome = CallOutcome.Answered, WaitSeconds = wait, TalkSeconds = talk,
                    WrapUpSeconds = wrap, AgentId = agents[agent],
                });
            }

            for (var b = 0; b < Math.Max(calls.Count, intervals.Count); b += 5000)
            {
                await store.SaveAsync(calls.Skip(b).Take(5000).ToList(), intervals.Skip(b).Take(5000).ToList());
            }

            calls.Clear();
            intervals.Clear();
        }

        await new RosterStore(db).ReplaceMonthAsync(Month, shifts);

        await using (var connection = await db.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            for (var t = 0; t < Tickets; t++)
            {
                var at = start.AddSeconds(Month.DayCount * 86400.0 * t / Tickets);
                await connection.ExecuteAsync(
                    """
                    INSERT INTO tickets (number, channel, caller_number, confidential, request_type, content, urgency, linked_call_ids, assisting_department_ids,
                        follow_up_wanted, status, version, created_at, updated_at, created_by, extension_count, redo_count, urge_count, is_major_emergency)
                    VALUES (@number, 'Phone', '13800000000', 0, 'Consultation', '咨询社保缴纳办法', 'Normal', '', '', 0, 'Closed', 1, @at, @at, @by, 0, 0, 0, 0)
                    """,
                    new { number = $"YH{TimeZoneInfo.ConvertTime(at, Zone):yyyyMMdd}-{t:D5}", at = DbTime.ToDb(at), by = $"agent{t % Agents + 1:D3}" }, transaction);
            }

            await transaction.CommitAsync();
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 2, 0, 0, TimeSpan.Zero));
        var quality = new QualityService(new QualityReviewStore(db), new UserStore(db), new AssessmentOptions { QualitySampleShare = 0.03 }, new HotlineOptions(), time);
        await quality.SampleAsync(Month);
        var reviews = await new QualityReviewStore(db).ForMonthAsync(Month);
        for (var r = 0; r < reviews.Count; r += 10)
        {
            await quality.ScoreAsync(reviews[r].Id, ["content"], "记录不完整", "supervisor01");
        }

        var complaints = new ComplaintStore(db, time);
        for (var c = 0; c < 10; c++)
        {
            await complaints.SaveAsync(new Complaint { ReceivedOn = Month.FirstDay.AddDays(c * 3), AgentId = agents[c], Summary = "投诉话务员", Finding = c % 3 == 0 ? ComplaintFinding.OperatorFault : ComplaintFinding.NotOperatorFault, FindingNote = "核实", RecordedBy = "supervisor01" });
        }
    }

    private static AssessmentService Service(ConnectionFactory db, TimeProvider time) => new(
        new HotlineOptions(), new AssessmentOptions(), new AssessmentSource(db), new AssessmentStore(db), new RosterStore(db), new StaffStore(db),
        new ComplaintStore(db, time), new QualityReviewStore(db), new CalendarStore(db, new HotlineOptions()), new UserStore(db), time);

    public static void Report()
    {
        var db = Connections();
        var service = Service(db, new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 2, 0, 0, TimeSpan.Zero)));
        var times = new List<double>();
        long size = 0;
        AssessmentReport? report = null;
        for (var run = 0; run <= Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            report = service.ComputeAsync(Month).GetAwaiter().GetResult();
            using var output = new MemoryStream();
            AssessmentWorkbook.Write(report, Zone, output);
            watch.Stop();
            size = output.Length;
            if (run > 0) times.Add(watch.Elapsed.TotalMilliseconds); // run 0 is the cold start (JIT)
            if (run == 0) Console.WriteLine($"assessment report + workbook: cold run {watch.Elapsed.TotalMilliseconds:0} ms");
        }

        times.Sort();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024;
        Phases(db, report!);
        Console.WriteLine($"assessment report + workbook ({report!.Calls.Offered:N0} calls, {report.Agents.Count} agents, {report.Reviews.Count} reviews, {report.TicketsRegistered:N0} tickets; workbook {size / 1024} KB): "
            + $"median {times[times.Count / 2]:0} ms, p99 (max of {times.Count}) {times[^1]:0} ms, peak working set {peak:0} MB (targets < 1500 ms, < 300 MB)");
    }

    /// <summary>Where the time goes (each phase alone, median of 3): the two big reads and the workbook.</summary>
    private static void Phases(ConnectionFactory db, AssessmentReport report)
    {
        var source = new AssessmentSource(db);
        var shifts = new RosterStore(db).ForMonthAsync(Month).GetAwaiter().GetResult();
        // Wall time and CPU time: on a shared machine the CPU time says more about the code.
        string Median(Action action)
        {
            var wall = new List<double>();
            var cpu = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                action();
                wall.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
            }

            wall.Sort();
            cpu.Sort();
            return $"{wall[1]:0} ms (cpu {cpu[1]:0} ms)";
        }

        var calls = Median(() => source.AddCallsAsync(new CallMonthTally(Month, Zone)).GetAwaiter().GetResult());
        var intervals = Median(() => source.AddIntervalsAsync(new StaffedTimeTally(shifts, ["培训"]), shifts.Min(s => s.StartsAt), shifts.Max(s => s.EndsAt)).GetAwaiter().GetResult());
        var workbook = Median(() => AssessmentWorkbook.Write(report, Zone, new MemoryStream()));
        Console.WriteLine($"  phases alone: calls read {calls}, seat intervals read {intervals}, workbook {workbook}");
    }

    public static void Csv()
    {
        var export = new RawExport(Connections());
        var times = new List<double>();
        long size = 0;
        var rows = 0;
        for (var run = 0; run <= Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            using var sink = new CountingStream();
            rows = export.WriteCallsAsync(Month, Zone, sink, n => n, CancellationToken.None).GetAwaiter().GetResult();
            watch.Stop();
            size = sink.Length;
            if (run > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024;
        Console.WriteLine($"assessment calls CSV ({rows:N0} rows, {size / 1024 / 1024} MB): median {times[times.Count / 2]:0} ms, p99 (max of {times.Count}) {times[^1]:0} ms, "
            + $"peak working set {peak:0} MB (targets < 1000 ms, < 150 MB)");
    }

    /// <summary>A write-only stream that only counts (the response body stand-in).</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
