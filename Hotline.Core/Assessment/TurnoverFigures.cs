namespace Hotline.Core.Assessment;

/// <summary>
/// 人员流失率 over the 12 months ending with the assessed month: <see cref="Leavers"/> (left in the window, not
/// for a civil-service or public-institution post) ÷ <see cref="AverageHeadcount"/> (the mean of the headcounts
/// on the last day of each of the 12 months). <see cref="MonthEndHeadcounts"/> lists those 12 headcounts, oldest first.
/// </summary>
public sealed record TurnoverFigures(
    DateOnly WindowStart,
    DateOnly WindowEnd,
    int Leavers,
    int ExcludedLeavers,
    double AverageHeadcount,
    IReadOnlyList<int> MonthEndHeadcounts,
    double Rate)
{
    public static TurnoverFigures Compute(IEnumerable<StaffMember> staff, AssessmentMonth month)
    {
        var list = staff.ToList();
        var first = month.AddMonths(-11);
        var windowStart = first.FirstDay;
        var windowEnd = month.LastDay;
        var heads = Enumerable.Range(0, 12).Select(i => first.AddMonths(i).LastDay)
            .Select(day => list.Count(s => s.IsEmployedOn(day))).ToList();
        var left = list.Where(s => s.LeftOn is { } d && d >= windowStart && d <= windowEnd).ToList();
        var leavers = left.Count(s => s.CountsAsTurnover);
        var average = heads.Average();
        return new TurnoverFigures(windowStart, windowEnd, leavers, left.Count - leavers, average, heads,
            average == 0 ? 0 : leavers / average);
    }
}
