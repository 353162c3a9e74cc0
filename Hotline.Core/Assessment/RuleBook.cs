namespace Hotline.Core.Assessment;

/// <summary>Chooses the rule version in force for a month; the shipped defaults apply where no version was saved.</summary>
public static class RuleBook
{
    /// <summary>Illustrative defaults (the real amounts are in the contract; an Admin edits them).</summary>
    public static IReadOnlyList<AssessmentRule> Defaults { get; } =
    [
        Default(AssessmentIndicator.EffectiveConnectionRate, target: 95, step: 0.1, amount: 500, cap: 20000),
        Default(AssessmentIndicator.StaffedTimeRatio, target: 90, step: 1, amount: 500, cap: 10000),
        Default(AssessmentIndicator.FaultComplaints, target: 0, step: 1, amount: 1000, cap: 10000),
        Default(AssessmentIndicator.TicketErrorRate, target: 1, step: 0.1, amount: 500, cap: 10000),
        Default(AssessmentIndicator.EfficiencyIndex, target: 90, step: 1, amount: 500, cap: 10000),
        Default(AssessmentIndicator.StaffTurnover, target: 15, step: 1, amount: 1000, cap: 10000),
    ];

    /// <summary>
    /// For each indicator, the version with the latest <see cref="AssessmentRule.EffectiveFrom"/> not after
    /// <paramref name="month"/> (the last saved wins among versions of the same month); else the default.
    /// </summary>
    public static IReadOnlyList<AssessmentRule> InForce(IEnumerable<AssessmentRule> versions, AssessmentMonth month)
    {
        var list = versions.ToList();
        return IndicatorDefinition.All.Select(d => list
                .Where(r => r.Indicator == d.Indicator && r.EffectiveFrom <= month)
                .OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
                .FirstOrDefault() ?? Defaults[(int)d.Indicator])
            .ToList();
    }

    private static AssessmentRule Default(AssessmentIndicator indicator, double target, double step, decimal amount, decimal cap) => new()
    {
        Indicator = indicator,
        EffectiveFrom = new AssessmentMonth(2000, 1),
        Target = target,
        Step = step,
        AmountPerStep = amount,
        Cap = cap,
        ChangedBy = "默认",
    };
}
