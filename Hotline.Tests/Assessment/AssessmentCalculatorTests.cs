using Hotline.Core.Assessment;
using Hotline.Core.Calendar;
using Hotline.Core.Calls;
using Hotline.Telephony;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.Assessment;

/// <summary>
/// A hand-computed October 2026 (with the National Day holiday) under the default rules:
/// <list type="bullet">
/// <item>有效接通率: 17 answered + 1 self-served of 20 offered = 90 %; 5 points under 95 % = 50 steps × 500 = 25,000 → cap 20,000.</item>
/// <item>用工时长: A001 online 7 h of an 8 h shift = 87.5 %; 2.5 points under 90 % = 3 started steps × 500 = 1,500.</item>
/// <item>责任投诉: 1 at fault (one more found not at fault, one in September) = 1 × 1,000.</item>
/// <item>受理单质量差错率: 2 confirmed (errors found, upheld) of 200 registered = 1 % = target: 0.</item>
/// <item>效能指数: 88.5 against 90 = 2 started steps × 500 = 1,000.</item>
/// <item>人员流失率: 12/133 = 9.02 % ≤ 15 %: 0.</item>
/// </list>
/// Total 23,500.
/// </summary>
public class AssessmentCalculatorTests
{
    private static readonly DateTimeOffset Generated = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    private static IEnumerable<CallRecord> Calls()
    {
        for (var i = 0; i < 17; i++) yield return Answered(At(10, 1 + i, 10), "A001", wait: 10, talk: 100, wrapUp: 20);
        yield return SelfServed(At(10, 1, 11));
        yield return Abandoned(At(10, 2, 11), wait: 30);
        yield return Abandoned(At(10, 3, 11), wait: 2);
    }

    private static QualityReview Review(string number, QualityReviewStatus status, string month = "2026-10") => new()
    {
        Month = AssessmentMonth.Parse(month),
        TicketNumber = number,
        AgentUserName = "agent01",
        Status = status,
        Errors = status is QualityReviewStatus.Passed or QualityReviewStatus.Pending ? [] : ["content"],
    };

    private static Complaint Complaint(int month, int day, ComplaintFinding finding) => new()
    {
        ReceivedOn = new DateOnly(2026, month, day),
        Summary = "来电人投诉话务员态度差",
        Finding = finding,
        FindingNote = "录音核实",
    };

    public static AssessmentInputs Inputs(IReadOnlyList<AssessmentRule>? rules = null) => new()
    {
        Month = October,
        GeneratedAt = Generated,
        Calls = Tally(Calls()),
        StaffedTime = Staffed([Shift("A001", 10, 12, 8, 16)], [Interval("A001", SeatState.Ready, At(10, 12, 8), At(10, 12, 15))]),
        Calendar = WorkCalendar.CreateDefault(),
        Rules = rules ?? [],
        TicketsRegistered = 200,
        Reviews =
        [
            Review("YH20261003-0001", QualityReviewStatus.ErrorsFound),
            Review("YH20261004-0001", QualityReviewStatus.Upheld),
            Review("YH20261005-0001", QualityReviewStatus.Overturned),
            Review("YH20261006-0001", QualityReviewStatus.Passed),
            Review("YH20261007-0001", QualityReviewStatus.Pending),
            Review("YH20260907-0001", QualityReviewStatus.ErrorsFound, "2026-09"),
        ],
        Complaints = [Complaint(10, 9, ComplaintFinding.OperatorFault), Complaint(10, 20, ComplaintFinding.NotOperatorFault), Complaint(9, 30, ComplaintFinding.OperatorFault)],
        Staff = TurnoverFiguresTests.Staff(),
        Efficiency = new EfficiencyEntry(October, 88.5, 3, null, "admin01", Generated),
        AgentNames = new Dictionary<string, string> { ["A001"] = "王伟" },
        AgentIdsByUserName = new Dictionary<string, string> { ["agent01"] = "A001" },
    };

    private static AssessmentReport Report() => AssessmentCalculator.Build(Inputs());

    [Fact]
    public void The_effective_connection_rate_is_answered_plus_self_served_over_offered()
    {
        var result = Report()[AssessmentIndicator.EffectiveConnectionRate];

        Assert.Equal(0.9, result.Value!.Value, 12);
        Assert.False(result.Passed);
        Assert.Equal(50, result.Steps);
        Assert.Equal(20000m, result.Deduction);
    }

    [Fact]
    public void The_staffed_time_ratio_is_online_time_over_shift_time()
    {
        var report = Report();
        var result = report[AssessmentIndicator.StaffedTimeRatio];

        Assert.Equal(0.875, result.Value!.Value, 12);
        Assert.Equal(1500m, result.Deduction);
        Assert.Equal(8 * 3600, report.OnDutySeconds, 6);
        Assert.Equal(7 * 3600, report.OnlineSeconds, 6);
    }

    [Fact]
    public void Only_complaints_of_the_month_found_at_fault_count()
    {
        var report = Report();

        Assert.Equal(1, report[AssessmentIndicator.FaultComplaints].Value);
        Assert.Equal(1000m, report[AssessmentIndicator.FaultComplaints].Deduction);
        Assert.Equal(2, report.Complaints.Count);
    }

    [Fact]
    public void The_error_rate_counts_confirmed_errors_of_the_month_over_all_registered_tickets()
    {
        var report = Report();
        var result = report[AssessmentIndicator.TicketErrorRate];

        Assert.Equal(2, report.ErrorTickets);
        Assert.Equal(0.01, result.Value!.Value, 12);
        Assert.True(result.Passed);
        Assert.Equal(0m, result.Deduction);
    }

    [Fact]
    public void The_efficiency_index_is_the_entered_score()
    {
        var result = Report()[AssessmentIndicator.EfficiencyIndex];

        Assert.Equal(88.5, result.Value);
        Assert.Equal(2, result.Steps);
        Assert.Equal(1000m, result.Deduction);
        Assert.Contains("排名第 3", result.Basis);
    }

    [Fact]
    public void Staff_turnover_uses_the_rolling_twelve_months()
    {
        var result = Report()[AssessmentIndicator.StaffTurnover];

        Assert.Equal(12 / 133.0, result.Value!.Value, 12);
        Assert.True(result.Passed);
    }

    [Fact]
    public void The_total_deduction_adds_up_the_six_indicators()
    {
        Assert.Equal(23500m, Report().TotalDeduction);
    }

    [Fact]
    public void The_agent_row_joins_calls_seat_time_and_reviews()
    {
        var agent = Assert.Single(Report().Agents);

        Assert.Equal("A001", agent.AgentId);
        Assert.Equal("王伟", agent.Name);
        Assert.Equal(17, agent.Answered);
        Assert.Equal(120, agent.AverageHandleTimeSeconds, 9);
        Assert.Equal(0.875, agent.StaffedTimeRatio, 12);
        Assert.Equal(4, agent.Reviewed);   // the pending one is not reviewed yet
        Assert.Equal(2, agent.ErrorTickets);
    }

    [Fact]
    public void The_daily_rows_cover_every_day_and_mark_the_holiday()
    {
        var report = Report();

        Assert.Equal(31, report.Days.Count);
        Assert.Equal("国庆节", report.Days[0].DayKind);
        Assert.Equal(2, report.Days[0].Calls.Offered);
        Assert.Equal(report.Calls.Offered, report.Days.Sum(d => d.Calls.Offered));
    }

    [Fact]
    public void Staff_changes_list_joins_and_leaves_in_the_window()
    {
        var changes = Report().StaffChanges;

        Assert.Equal(["辞职者", "考公者", "新员工"], changes.Select(c => c.Name));
        Assert.False(changes.Single(c => c.Name == "考公者").CountsAsTurnover);
    }

    [Fact]
    public void A_rule_in_force_for_the_month_replaces_the_default()
    {
        var stricter = new AssessmentRule
        {
            Indicator = AssessmentIndicator.StaffedTimeRatio,
            EffectiveFrom = new AssessmentMonth(2026, 10),
            Target = 85,
            Step = 1,
            AmountPerStep = 500,
        };

        var report = AssessmentCalculator.Build(Inputs([stricter]));

        Assert.True(report[AssessmentIndicator.StaffedTimeRatio].Passed);
        Assert.Equal(22000m, report.TotalDeduction);
    }
}
