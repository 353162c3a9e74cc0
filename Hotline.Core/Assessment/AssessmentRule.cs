namespace Hotline.Core.Assessment;

/// <summary>
/// One version of an indicator's target and deduction rule, in force from <see cref="EffectiveFrom"/> until a later
/// version. Target and step are in the indicator's display unit (percent points for rates): "deduct
/// <see cref="AmountPerStep"/> yuan for every <see cref="Step"/> (started) below target, at most <see cref="Cap"/>".
/// </summary>
public sealed record AssessmentRule
{
    public long Id { get; init; }
    public required AssessmentIndicator Indicator { get; init; }
    public required AssessmentMonth EffectiveFrom { get; init; }
    public required double Target { get; init; }
    public required double Step { get; init; }
    public required decimal AmountPerStep { get; init; }
    /// <summary>The most deducted for this indicator in a month; null = no cap.</summary>
    public decimal? Cap { get; init; }
    public string ChangedBy { get; init; } = "";
    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>Every problem with the rule, in Chinese (shown on the admin page); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var unit = IndicatorDefinition.Of(Indicator).Unit;
        if (!double.IsFinite(Target) || Target < 0 || (unit == IndicatorUnit.Percent && Target > 100))
        {
            errors.Add(unit == IndicatorUnit.Percent ? "目标值应在 0 到 100 之间" : "目标值不能为负数");
        }

        if (!double.IsFinite(Step) || Step <= 0)
        {
            errors.Add("扣款步长必须大于 0");
        }

        if (AmountPerStep < 0)
        {
            errors.Add("每档扣款金额不能为负数");
        }

        if (Cap is < 0)
        {
            errors.Add("扣款上限不能为负数");
        }

        return errors;
    }
}
