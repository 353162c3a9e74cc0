namespace Hotline.Core.Calendar;

/// <summary>
/// The State Council's official holiday schedule, shipped as default calendar data.
/// Admins edit the stored copy; this is only the seed, stored once by migration step 7 (a later correction or a new
/// year needs a new step: the stored calendar is the only truth once seeded).
/// </summary>
public static class ChinaPublicHolidays
{
    /// <summary>2026: holidays (including weekends inside a holiday block) and make-up working days.</summary>
    public static IReadOnlyList<CalendarDay> Year2026 { get; } =
    [
        .. Off(2026, 1, 1, 3, "元旦"),
        Work(2026, 1, 4, "元旦调休"),
        .. Off(2026, 2, 15, 9, "春节"),
        Work(2026, 2, 14, "春节调休"),
        Work(2026, 2, 28, "春节调休"),
        .. Off(2026, 4, 4, 3, "清明节"),
        .. Off(2026, 5, 1, 5, "劳动节"),
        Work(2026, 5, 9, "劳动节调休"),
        .. Off(2026, 6, 19, 3, "端午节"),
        .. Off(2026, 9, 25, 3, "中秋节"),
        .. Off(2026, 10, 1, 7, "国庆节"),
        Work(2026, 9, 20, "国庆节调休"),
        Work(2026, 10, 10, "国庆节调休"),
    ];

    private static IEnumerable<CalendarDay> Off(int year, int month, int firstDay, int count, string name) =>
        Enumerable.Range(0, count).Select(i => new CalendarDay(new DateOnly(year, month, firstDay).AddDays(i), CalendarDayKind.Holiday, name));

    private static CalendarDay Work(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), CalendarDayKind.WorkingDay, name);
}
