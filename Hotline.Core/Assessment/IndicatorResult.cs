namespace Hotline.Core.Assessment;

/// <summary>
/// One indicator for one month. <see cref="Value"/> is a fraction for rates, else a count or score; null when it
/// has no value (the efficiency index not yet entered). <see cref="Shortfall"/> is in the rule's unit.
/// </summary>
public sealed record IndicatorResult(
    AssessmentIndicator Indicator,
    string Name,
    double? Value,
    double Target,
    bool? Passed,
    double Shortfall,
    int Steps,
    decimal Deduction,
    AssessmentRule Rule,
    string Basis);
