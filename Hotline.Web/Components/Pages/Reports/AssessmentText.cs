using System.Globalization;
using Hotline.Core.Assessment;

namespace Hotline.Web.Components.Pages.Reports;

/// <summary>How the assessment's figures read on the page (the workbook stores the same numbers with Excel formats).</summary>
public static class AssessmentText
{
    public static string Value(IndicatorResult result) => result.Value is not { } v ? "未录入" : IndicatorDefinition.Of(result.Indicator).Unit switch
    {
        IndicatorUnit.Percent => Percent(v),
        IndicatorUnit.Count => v.ToString("0", CultureInfo.InvariantCulture) + " 件",
        _ => v.ToString("0.0", CultureInfo.InvariantCulture) + " 分",
    };

    public static string Target(IndicatorResult result)
    {
        var definition = IndicatorDefinition.Of(result.Indicator);
        var value = definition.Unit switch
        {
            IndicatorUnit.Percent => result.Target.ToString("0.##", CultureInfo.InvariantCulture) + "%",
            IndicatorUnit.Count => result.Target.ToString("0", CultureInfo.InvariantCulture) + " 件",
            _ => result.Target.ToString("0.#", CultureInfo.InvariantCulture) + " 分",
        };
        return (definition.HigherIsBetter ? "≥ " : "≤ ") + value;
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Rule(AssessmentRule rule)
    {
        var definition = IndicatorDefinition.Of(rule.Indicator);
        var cap = rule.Cap is { } c ? $"，上限 {Money(c)} 元" : "，不设上限";
        return string.Create(CultureInfo.InvariantCulture,
            $"每{(definition.HigherIsBetter ? "低于" : "超出")}目标 {rule.Step} {definition.UnitText}扣 {Money(rule.AmountPerStep)} 元{cap}（{rule.EffectiveFrom} 起）");
    }
}
