namespace Hotline.Core.Assessment;

/// <summary>What is fixed about an indicator: its Chinese name, unit and direction.</summary>
public sealed record IndicatorDefinition(AssessmentIndicator Indicator, string Name, IndicatorUnit Unit, bool HigherIsBetter)
{
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new(AssessmentIndicator.EffectiveConnectionRate, "有效接通率", IndicatorUnit.Percent, true),
        new(AssessmentIndicator.StaffedTimeRatio, "用工时长", IndicatorUnit.Percent, true),
        new(AssessmentIndicator.FaultComplaints, "责任投诉", IndicatorUnit.Count, false),
        new(AssessmentIndicator.TicketErrorRate, "受理单质量差错率", IndicatorUnit.Percent, false),
        new(AssessmentIndicator.EfficiencyIndex, "效能指数", IndicatorUnit.Score, true),
        new(AssessmentIndicator.StaffTurnover, "人员流失率", IndicatorUnit.Percent, false),
    ];

    public static IndicatorDefinition Of(AssessmentIndicator indicator) => All[(int)indicator];

    /// <summary>The unit word shown after a target or step: 个百分点, 件, 分.</summary>
    public string UnitText => Unit switch
    {
        IndicatorUnit.Percent => "个百分点",
        IndicatorUnit.Count => "件",
        _ => "分",
    };
}
