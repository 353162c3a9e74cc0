using System.Globalization;

namespace Hotline.Core.Assessment;

/// <summary>
/// The daily (by hour) or weekly (by day) operation report: the period's call figures (the same rules as 每日话务),
/// its tickets, and one row per hour or day. The page and the workbook show this same record.
/// </summary>
public sealed record OperationReport(
    bool Weekly,
    DateOnly FirstDay,
    DateOnly LastDay,
    DateTimeOffset GeneratedAt,
    CallFigures Calls,
    TicketFigures Tickets,
    IReadOnlyList<OperationRow> Rows)
{
    /// <summary>运营日报 or 运营周报.</summary>
    public string Name => Weekly ? "运营周报" : "运营日报";

    /// <summary>For people: 2026年11月27日, or 2026年11月23日—2026年11月29日.</summary>
    public string Period => Weekly ? $"{Chinese(FirstDay)}—{Chinese(LastDay)}" : Chinese(FirstDay);

    public static string Chinese(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    public static string DayLabel(DateOnly day) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 周" + "日一二三四五六"[(int)day.DayOfWeek];

    public static string HourLabel(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour:D2}:00–{(hour + 1):D2}:00");

    /// <summary>The Monday of the week that contains <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
