using Hotline.Core.Assessment;

namespace Hotline.Tests.Assessment;

public class RuleBookTests
{
    private static AssessmentRule Version(AssessmentIndicator indicator, string from, double target, long id = 0, int minute = 0) => new()
    {
        Id = id,
        Indicator = indicator,
        EffectiveFrom = AssessmentMonth.Parse(from),
        Target = target,
        Step = 0.1,
        AmountPerStep = 100,
        ChangedAt = new DateTimeOffset(2026, 1, 1, 0, minute, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Without_saved_versions_every_indicator_uses_its_default()
    {
        var rules = RuleBook.InForce([], new AssessmentMonth(2026, 10));

        Assert.Equal(RuleBook.Defaults, rules);
        Assert.Equal(95, rules[(int)AssessmentIndicator.EffectiveConnectionRate].Target);
    }

    [Fact]
    public void A_version_governs_from_its_month_on_and_not_before()
    {
        var versions = new[] { Version(AssessmentIndicator.EffectiveConnectionRate, "2026-11", 96) };

        Assert.Equal(95, RuleBook.InForce(versions, new AssessmentMonth(2026, 10))[0].Target);
        Assert.Equal(96, RuleBook.InForce(versions, new AssessmentMonth(2026, 11))[0].Target);
        Assert.Equal(96, RuleBook.InForce(versions, new AssessmentMonth(2027, 3))[0].Target);
    }

    [Fact]
    public void The_latest_effective_month_wins_and_then_the_last_saved()
    {
        var versions = new[]
        {
            Version(AssessmentIndicator.StaffedTimeRatio, "2026-01", 85, id: 1),
            Version(AssessmentIndicator.StaffedTimeRatio, "2026-06", 88, id: 2, minute: 1),
            Version(AssessmentIndicator.StaffedTimeRatio, "2026-06", 92, id: 3, minute: 2),
            Version(AssessmentIndicator.StaffedTimeRatio, "2026-12", 99, id: 4, minute: 3),
        };

        var rule = RuleBook.InForce(versions, new AssessmentMonth(2026, 10))[(int)AssessmentIndicator.StaffedTimeRatio];

        Assert.Equal(92, rule.Target);
    }
}
