namespace Hotline.Core.Assessment;

/// <summary>One day of 每日话务: the calls that arrived that local day, and the kind of day (工作日/休息日/节假日…).</summary>
public sealed record DailyCallRow(DateOnly Day, string DayKind, CallFigures Calls);
