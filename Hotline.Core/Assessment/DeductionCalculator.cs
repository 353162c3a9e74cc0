namespace Hotline.Core.Assessment;

/// <summary>
/// Pass/fail and deduction of an indicator under a rule: the shortfall from target (in percent points for
/// rates, rounded to 1e-6 so 94.95 % is 0.05 points below 95 %) is counted in started steps (不足一档按一档计),
/// each step costs the rule's amount, and the total stops at the cap. Meeting the target exactly passes.
/// </summary>
public static class DeductionCalculator
{
    public static IndicatorResult Evaluate(AssessmentRule rule, double? value, string basis)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var definition = IndicatorDefinition.Of(rule.Indicator);
        if (value is not { } v)
        {
            return new IndicatorResult(rule.Indicator, definition.Name, null, rule.Target, null, 0, 0, 0, rule, basis);
        }

        var shown = Math.Round(definition.Unit == IndicatorUnit.Percent ? v * 100 : v, 6);
        var shortfall = Math.Round(definition.HigherIsBetter ? rule.Target - shown : shown - rule.Target, 6);
        if (shortfall <= 0)
        {
            return new IndicatorResult(rule.Indicator, definition.Name, v, rule.Target, true, 0, 0, 0, rule, basis);
        }

        var steps = (int)Math.Ceiling(Math.Round(shortfall / rule.Step, 6));
        var deduction = steps * rule.AmountPerStep;
        if (rule.Cap is { } cap && deduction > cap)
        {
            deduction = cap;
        }

        return new IndicatorResult(rule.Indicator, definition.Name, v, rule.Target, false, shortfall, steps, deduction, rule, basis);
    }
}
