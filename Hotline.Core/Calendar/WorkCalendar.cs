namespace Hotline.Core.Calendar;

/// <summary>
/// Decides what a working day is (Monday–Friday, minus holidays, plus make-up days) and counts
/// working-day deadlines in one time zone. Immutable: build a new one when the Admin edits the days.
/// </summary>
/// <remarks>
/// Semantics kept deliberately simple: a deadline of N working days is the end of the N-th working day
/// after the local start date; "same day" is the end of today if today is a working day and its end has
/// not passed yet, else the end of the next working day.
/// </remarks>
public sealed class WorkCalendar
{
    /// <summary>Default end of a working day (government office hours end at 17:30).</summary>
    public static readonly TimeOnly DefaultWorkdayEnd = new(17, 30);

    private readonly Dictionary<DateOnly, CalendarDay> _overrides;

    /// <param name="overrides">Holidays and make-up working days; at most one entry per date.</param>
    /// <param name="timeZone">The zone that cuts days (Asia/Shanghai in production).</param>
    /// <param name="workdayEnd">When a working day ends; deadlines fall at this local time. Default 17:30.</param>
    public WorkCalendar(IEnumerable<CalendarDay> overrides, TimeZoneInfo timeZone, TimeOnly? workdayEnd = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(timeZone);
        _overrides = [];
        foreach (var day in overrides)
        {
            if (!_overrides.TryAdd(day.Date, day))
                throw new ArgumentException($"The calendar lists {day.Date:yyyy-MM-dd} twice.", nameof(overrides));
        }
        TimeZone = timeZone;
        WorkdayEnd = workdayEnd ?? DefaultWorkdayEnd;
        Overrides = [.. _overrides.Values.OrderBy(d => d.Date)];
    }

    /// <summary>The zone of Asia/Shanghai (China Standard Time, no daylight saving).</summary>
    public static TimeZoneInfo ShanghaiTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A calendar with the shipped official schedule (<see cref="ChinaPublicHolidays"/>).</summary>
    public static WorkCalendar CreateDefault(TimeZoneInfo? timeZone = null, TimeOnly? workdayEnd = null) =>
        new(ChinaPublicHolidays.Year2026, timeZone ?? ShanghaiTimeZone, workdayEnd);

    public TimeZoneInfo TimeZone { get; }

    public TimeOnly WorkdayEnd { get; }

    /// <summary>The override days, ordered by date (what the Admin page lists and storage saves).</summary>
    public IReadOnlyList<CalendarDay> Overrides { get; }

    /// <summary>Whether any override falls in <paramref name="year"/>; without one only weekends count as days off.</summary>
    public bool HasDataFor(int year) => _overrides.Keys.Any(d => d.Year == year);

    /// <summary>The override for a date, if any (for showing 国庆节 / 调休 on the calendar page).</summary>
    public CalendarDay? Find(DateOnly date) => _overrides.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) =>
        _overrides.TryGetValue(date, out var day)
            ? day.Kind == CalendarDayKind.WorkingDay
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The local date of an instant in the calendar's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="date"/> (0 = the date itself).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = date;
        for (var i = 0; i < days; i++)
            day = NextWorkingDay(day);
        return day;
    }

    /// <summary>The instant a given local date's working day ends (the date need not be a working day).</summary>
    public DateTimeOffset EndOfDay(DateOnly date)
    {
        var local = date.ToDateTime(WorkdayEnd, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>
    /// "Same day": the end of today's working day if today is a working day and it has not ended yet,
    /// otherwise the end of the next working day (registered on a holiday or after hours).
    /// </summary>
    public DateTimeOffset EndOfCurrentWorkingDay(DateTimeOffset instant)
    {
        var today = LocalDate(instant);
        if (IsWorkingDay(today))
        {
            var end = EndOfDay(today);
            if (instant < end)
                return end;
        }
        return EndOfDay(NextWorkingDay(today));
    }

    /// <summary>
    /// End of the <paramref name="days"/>-th working day after the local date of <paramref name="from"/>;
    /// 0 means <see cref="EndOfCurrentWorkingDay"/>.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return days == 0 ? EndOfCurrentWorkingDay(from) : EndOfDay(AddWorkingDays(LocalDate(from), days));
    }

    /// <summary>Working days in (from, to] by local date; 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }
        return count;
    }
}
