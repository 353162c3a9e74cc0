using Hotline.Core.Assessment;

namespace Hotline.Tests.Assessment;

public class TurnoverFiguresTests
{
    private static StaffMember Member(string name, DateOnly joined, DateOnly? left = null, LeaveReason? reason = null) =>
        new() { Name = name, JoinedOn = joined, LeftOn = left, LeaveReason = reason };

    private static readonly DateOnly LongAgo = new(2025, 1, 1);

    /// <summary>
    /// Ten stayers; one resigned 15 Mar 2026; one left for the civil service 30 Jun 2026; one joined 15 Oct 2026 (mid-month);
    /// one left 31 Oct 2025, before the window. Month-end headcounts Nov 2025 … Oct 2026:
    /// 12, 12, 12, 12, 11, 11, 11, 11, 10, 10, 10, 11 = 133, average 133 / 12.
    /// </summary>
    public static IReadOnlyList<StaffMember> Staff() =>
    [
        .. Enumerable.Range(1, 10).Select(i => Member($"员工{i}", LongAgo)),
        Member("辞职者", LongAgo, new DateOnly(2026, 3, 15), LeaveReason.Resigned),
        Member("考公者", LongAgo, new DateOnly(2026, 6, 30), LeaveReason.CivilService),
        Member("新员工", new DateOnly(2026, 10, 15)),
        Member("早离职", LongAgo, new DateOnly(2025, 10, 31), LeaveReason.ContractEnded),
    ];

    [Fact]
    public void The_window_is_the_twelve_months_ending_with_the_assessed_month()
    {
        var figures = TurnoverFigures.Compute(Staff(), new AssessmentMonth(2026, 10));

        Assert.Equal(new DateOnly(2025, 11, 1), figures.WindowStart);
        Assert.Equal(new DateOnly(2026, 10, 31), figures.WindowEnd);
    }

    [Fact]
    public void Average_headcount_is_the_mean_of_the_twelve_month_end_headcounts()
    {
        var figures = TurnoverFigures.Compute(Staff(), new AssessmentMonth(2026, 10));

        Assert.Equal([12, 12, 12, 12, 11, 11, 11, 11, 10, 10, 10, 11], figures.MonthEndHeadcounts);
        Assert.Equal(133 / 12.0, figures.AverageHeadcount, 12);
    }

    [Fact]
    public void Civil_service_exits_are_not_counted_as_turnover()
    {
        var figures = TurnoverFigures.Compute(Staff(), new AssessmentMonth(2026, 10));

        Assert.Equal(1, figures.Leavers);
        Assert.Equal(1, figures.ExcludedLeavers);
        Assert.Equal(12 / 133.0, figures.Rate, 12); // 1 / (133 / 12)
    }

    [Fact]
    public void A_leaver_is_still_counted_on_his_last_day()
    {
        var member = Member("甲", LongAgo, new DateOnly(2026, 6, 30), LeaveReason.Resigned);

        Assert.True(member.IsEmployedOn(new DateOnly(2026, 6, 30)));
        Assert.False(member.IsEmployedOn(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Without_staff_the_rate_is_zero()
    {
        Assert.Equal(0, TurnoverFigures.Compute([], new AssessmentMonth(2026, 10)).Rate);
    }
}
