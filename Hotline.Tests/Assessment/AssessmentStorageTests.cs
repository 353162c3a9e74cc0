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
using Hotline.Tests.Data;
using Microsoft.Extensions.Time.Testing;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.Assessment;

/// <summary>The assessment's stores and the service over a real database (SQLite and PostgreSQL).</summary>
public abstract class AssessmentStorageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly ConnectionFactory _db = database.Connections;
    // 2 November 2026, 10:00 in Shanghai: October is over.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await using var connection = await _db.OpenAsync(Ct);
        await connection.ExecuteAsync("""
            DELETE FROM roster_shifts; DELETE FROM staff_members; DELETE FROM complaints; DELETE FROM quality_reviews;
            DELETE FROM assessment_rules; DELETE FROM efficiency_entries; DELETE FROM assessment_confirmations; DELETE FROM tickets;
            """);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private AssessmentService Service() => new(
        new HotlineOptions(), new AssessmentOptions { WorkReasons = ["培训"] }, new AssessmentSource(_db), new AssessmentStore(_db), new RosterStore(_db),
        new StaffStore(_db), new ComplaintStore(_db, _time), new QualityReviewStore(_db), new CalendarStore(_db, new HotlineOptions()), new UserStore(_db), _time);

    private async Task AddTicketAsync(string number, string createdBy, DateTimeOffset createdAt)
    {
        await using var connection = await _db.OpenAsync(Ct);
        await connection.ExecuteAsync(
            """
            INSERT INTO tickets (number, channel, caller_number, confidential, request_type, content, urgency, linked_call_ids, assisting_department_ids,
                follow_up_wanted, status, version, created_at, updated_at, created_by, extension_count, redo_count, urge_count, is_major_emergency)
            VALUES (@number, 'Phone', '13800000000', @no, 'Consultation', '咨询社保', 'Normal', '', '', @no, 'Closed', 1, @at, @at, @createdBy, 0, 0, 0, @no)
            """,
            new { number, createdBy, at = DbTime.ToDb(createdAt), no = false });
    }

    [Fact]
    public async Task Replacing_a_month_of_roster_leaves_other_months_alone()
    {
        var roster = new RosterStore(_db);
        await roster.ReplaceMonthAsync(new AssessmentMonth(2026, 9), [Shift("A001", 9, 30, 22, 6)], Ct);
        await roster.ReplaceMonthAsync(October, [Shift("A001", 10, 1, 8, 16), Shift("A002", 10, 31, 22, 6)], Ct);

        await roster.ReplaceMonthAsync(October, [Shift("A003", 10, 2, 8, 16)], Ct);

        Assert.Equal("A003", Assert.Single(await roster.ForMonthAsync(October, Ct)).AgentId);
        var september = Assert.Single(await roster.ForMonthAsync(new AssessmentMonth(2026, 9), Ct));
        Assert.Equal(At(10, 1, 6), september.EndsAt); // the night shift across midnight keeps its end
    }

    [Fact]
    public async Task A_shift_overlapping_another_of_the_same_agent_is_refused()
    {
        var roster = new RosterStore(_db);
        Assert.Null(await roster.AddAsync(Shift("A001", 10, 12, 8, 16), Ct));

        Assert.Contains("重叠", await roster.AddAsync(Shift("A001", 10, 12, 15, 20), Ct));
        Assert.Null(await roster.AddAsync(Shift("A002", 10, 12, 15, 20), Ct));
        Assert.Null(await roster.AddAsync(Shift("A001", 10, 12, 16, 20), Ct)); // touching is not overlapping
    }

    [Fact]
    public async Task Staff_members_round_trip_with_their_leave()
    {
        var store = new StaffStore(_db);
        var member = new StaffMember { Name = "孙浩然", AgentId = "A007", Post = "前台接听", JoinedOn = new DateOnly(2025, 3, 1), LeftOn = new DateOnly(2026, 6, 30), LeaveReason = LeaveReason.CivilService };

        var id = await store.SaveAsync(member, Ct);

        Assert.Equal(member with { Id = id }, Assert.Single(await store.ListAsync(Ct)));
    }

    [Fact]
    public async Task Complaints_are_listed_by_the_month_received()
    {
        var store = new ComplaintStore(_db, _time);
        await store.SaveAsync(new Complaint { ReceivedOn = new DateOnly(2026, 10, 31), Summary = "态度差", Finding = ComplaintFinding.OperatorFault, FindingNote = "属实", RecordedBy = "supervisor01" }, Ct);
        await store.SaveAsync(new Complaint { ReceivedOn = new DateOnly(2026, 11, 1), Summary = "等待久", RecordedBy = "supervisor01" }, Ct);

        var october = Assert.Single(await store.ForMonthAsync(October, Ct));

        Assert.Equal(ComplaintFinding.OperatorFault, october.Finding);
        Assert.Equal("属实", october.FindingNote);
    }

    [Fact]
    public async Task A_ticket_is_reviewed_once_and_a_stale_update_is_refused()
    {
        var store = new QualityReviewStore(_db);
        var review = new QualityReview { Month = October, TicketNumber = "YH20261012-0001", AgentUserName = "agent01", TicketCreatedAt = At(10, 12, 9) };

        Assert.Equal(1, await store.AddAsync([review], Ct));
        Assert.Equal(0, await store.AddAsync([review with { Pick = QualityPick.Targeted }], Ct));
        var stored = Assert.Single(await store.ForMonthAsync(October, Ct));
        var scored = QualityReviewWorkflow.Score(stored, ["category", "address"], "两处差错", "supervisor01", _time.GetUtcNow()).Review!;

        Assert.True(await store.UpdateAsync(scored, Ct));
        Assert.False(await store.UpdateAsync(scored, Ct));
        var reread = (await store.FindAsync(stored.Id, Ct))!;
        Assert.Equal(["category", "address"], reread.Errors);
        Assert.Equal(QualityReviewStatus.ErrorsFound, reread.Status);
        Assert.Single(await store.ForAgentAsync("agent01", Ct));
    }

    [Fact]
    public async Task The_monthly_sample_draws_each_agents_share_of_his_tickets_and_is_repeatable()
    {
        for (var i = 1; i <= 20; i++) await AddTicketAsync($"YH202610{i:00}-0001", "agent01", At(10, i, 9));
        for (var i = 1; i <= 3; i++) await AddTicketAsync($"YH202610{i:00}-0002", "agent02", At(10, i, 9));
        await AddTicketAsync("YH20261101-0001", "agent01", At(11, 1, 9));
        var quality = new QualityService(new QualityReviewStore(_db), new UserStore(_db), new AssessmentOptions { QualitySampleShare = 0.1 }, new HotlineOptions(), _time);

        Assert.Equal(3, await quality.SampleAsync(October, 7, Ct)); // 2 of 20, 1 of 3
        Assert.Equal(0, await quality.SampleAsync(October, 7, Ct));
        Assert.Null(await quality.PickAsync("YH20261101-0001", Ct));
        Assert.NotNull(await quality.PickAsync("YH20261101-0001", Ct));
        Assert.Equal(QualityPick.Targeted, Assert.Single(await new QualityReviewStore(_db).ForMonthAsync(new AssessmentMonth(2026, 11), Ct)).Pick);
    }

    [Fact]
    public async Task The_service_computes_the_month_from_the_stored_calls_seat_time_and_registers()
    {
        await StoreOctoberAsync();

        var report = await Service().ComputeAsync(October, Ct);

        Assert.Equal(0.9, report[AssessmentIndicator.EffectiveConnectionRate].Value!.Value, 9); // 9 of 10
        Assert.Equal(0.875, report[AssessmentIndicator.StaffedTimeRatio].Value!.Value, 9);     // 5 h + 1 h training + 1 h of 8 h
        Assert.Equal(1, report[AssessmentIndicator.FaultComplaints].Value);
        Assert.Equal(0.5, report[AssessmentIndicator.TicketErrorRate].Value!.Value, 9);        // 1 of 2 tickets
        Assert.Equal(10, report.Calls.Offered);
        Assert.Equal("A001", Assert.Single(report.Agents).AgentId);
    }

    [Fact]
    public async Task A_confirmed_month_keeps_its_figures_when_rules_change_later()
    {
        await StoreOctoberAsync();
        var service = Service();
        var (confirmed, error) = await service.ConfirmAsync(October, "信访局01", Ct);
        Assert.Null(error);

        await new AssessmentStore(_db).AddRuleAsync(new AssessmentRule
        {
            Indicator = AssessmentIndicator.EffectiveConnectionRate, EffectiveFrom = October, Target = 80, Step = 1, AmountPerStep = 1, ChangedAt = _time.GetUtcNow(),
        }, Ct);
        await new ComplaintStore(_db, _time).SaveAsync(new Complaint { ReceivedOn = new DateOnly(2026, 10, 20), Summary = "补登", Finding = ComplaintFinding.OperatorFault, FindingNote = "属实" }, Ct);
        var later = await service.GetAsync(October, Ct);
        var recomputed = await service.ComputeAsync(October, Ct);

        Assert.Equal("信访局01", later.Confirmation!.ConfirmedBy);
        Assert.Equal(confirmed!.TotalDeduction, later.TotalDeduction);
        Assert.Equal(confirmed.Indicators.Select(i => (i.Value, i.Deduction)), later.Indicators.Select(i => (i.Value, i.Deduction)));
        Assert.NotEqual(confirmed.TotalDeduction, recomputed.TotalDeduction); // the live data did change
    }

    [Fact]
    public async Task A_month_is_confirmed_once_and_only_after_it_ended()
    {
        var service = Service();

        Assert.Contains("尚未结束", (await service.ConfirmAsync(new AssessmentMonth(2026, 11), "信访局01", Ct)).Error);
        Assert.Null((await service.ConfirmAsync(October, "信访局01", Ct)).Error);
        Assert.Contains("已被确认", (await service.ConfirmAsync(October, "信访局02", Ct)).Error);
    }

    [Fact]
    public async Task Rule_versions_and_the_efficiency_index_round_trip()
    {
        var store = new AssessmentStore(_db);
        var rule = new AssessmentRule
        {
            Indicator = AssessmentIndicator.StaffedTimeRatio, EffectiveFrom = October, Target = 88.5, Step = 0.5, AmountPerStep = 250.5m, Cap = null,
            ChangedBy = "admin01", ChangedAt = _time.GetUtcNow(),
        };
        var id = await store.AddRuleAsync(rule, Ct);
        await store.SaveEfficiencyAsync(new EfficiencyEntry(October, 90, 5, null, "admin01", _time.GetUtcNow()), Ct);
        await store.SaveEfficiencyAsync(new EfficiencyEntry(October, 92.5, 3, "更正", "admin01", _time.GetUtcNow()), Ct);

        Assert.Equal(rule with { Id = id }, Assert.Single(await store.RulesAsync(Ct)));
        Assert.Equal(new EfficiencyEntry(October, 92.5, 3, "更正", "admin01", _time.GetUtcNow()), await store.EfficiencyAsync(October, Ct));
    }

    [Fact]
    public async Task The_calls_export_has_one_row_per_inbound_call_with_the_contract_columns()
    {
        await StoreOctoberAsync();
        using var output = new MemoryStream();

        var rows = await new RawExport(_db).WriteCallsAsync(October, Shanghai, output, n => "masked", Ct);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, rows);
        Assert.StartsWith("callId,arrivedAt,outcome,waitSeconds,talkSeconds,agentId", lines[0]);
        Assert.Equal(11, lines.Length);
        var outcomes = lines.Skip(1).Select(l => l.Split(',')[2]).ToList();
        Assert.Equal(8, outcomes.Count(o => o == "answered"));
        Assert.Equal(1, outcomes.Count(o => o == "selfServed"));
        Assert.Equal(1, outcomes.Count(o => o == "abandoned"));
        Assert.All(lines.Skip(1), l => Assert.Contains(",masked,", l));
    }

    /// <summary>
    /// October: 10 inbound calls (8 answered by A001, 1 self-served, 1 abandoned) and an outbound one; A001's 8 h shift on
    /// 12 Oct with 5 h Ready + 1 h training + 1 h break; two tickets, one with a confirmed error; one complaint at fault.
    /// </summary>
    private async Task StoreOctoberAsync()
    {
        var calls = new CallStore(_db);
        List<CallRecord> records = [.. Enumerable.Range(0, 8).Select(i => Answered(At(10, 12, 9, i), "A001", 5, 100)), SelfServed(At(10, 12, 10)), Abandoned(At(10, 12, 11), 30)];
        records.Add(Answered(At(10, 12, 12), "A001", 0, 60) with { Direction = "outbound" });
        await calls.SaveAsync(records,
            [
                Interval("A001", SeatState.Ready, At(10, 12, 8), At(10, 12, 13)),
                Interval("A001", SeatState.NotReady, At(10, 12, 13), At(10, 12, 14), "培训"),
                Interval("A001", SeatState.NotReady, At(10, 12, 14), At(10, 12, 15), "小休"),
                Interval("A001", SeatState.Ready, At(10, 12, 15), At(10, 12, 16)),
            ], Ct);
        await new RosterStore(_db).ReplaceMonthAsync(October, [Shift("A001", 10, 12, 8, 16)], Ct);
        await AddTicketAsync("YH20261012-0001", "agent01", At(10, 12, 9));
        await AddTicketAsync("YH20261012-0002", "agent01", At(10, 12, 9, 30));
        var reviews = new QualityReviewStore(_db);
        await reviews.AddAsync([new QualityReview { Month = October, TicketNumber = "YH20261012-0001", AgentUserName = "agent01", TicketCreatedAt = At(10, 12, 9) }], Ct);
        var stored = Assert.Single(await reviews.ForMonthAsync(October, Ct));
        await reviews.UpdateAsync(QualityReviewWorkflow.Score(stored, ["content"], null, "supervisor01", _time.GetUtcNow()).Review!, Ct);
        await new ComplaintStore(_db, _time).SaveAsync(new Complaint { ReceivedOn = new DateOnly(2026, 10, 15), Summary = "态度差", Finding = ComplaintFinding.OperatorFault, FindingNote = "属实" }, Ct);
    }
}

public sealed class SqliteAssessmentStorageTests(SqliteTestDatabase database) : AssessmentStorageTests<SqliteTestDatabase>(database);

public sealed class PostgresAssessmentStorageTests(PostgresTestDatabase database) : AssessmentStorageTests<PostgresTestDatabase>(database);
