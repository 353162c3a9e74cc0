using System.Globalization;

namespace Hotline.Core.Assessment;

/// <summary>A calendar month (考核月), written <c>yyyy-MM</c>; cut into instants in the configured time zone.</summary>
public readonly record struct AssessmentMonth(int Year, int Month) : IComparable<AssessmentMonth>
{
    public static AssessmentMonth Of(DateOnly day) => new(day.Year, day.Month);

    public static AssessmentMonth Of(DateTimeOffset instant, TimeZoneInfo zone) => Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));

    public static bool TryParse(string? text, out AssessmentMonth month)
    {
        month = default;
        if (text is null || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        month = new AssessmentMonth(parsed.Year, parsed.Month);
        return true;
    }

    public static AssessmentMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month (yyyy-MM).");

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public int DayCount => DateTime.DaysInMonth(Year, Month);

    public AssessmentMonth AddMonths(int months) => Of(FirstDay.AddMonths(months));

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    /// <summary>The first instant of the month in <paramref name="zone"/>.</summary>
    public DateTimeOffset Start(TimeZoneInfo zone) => DayStart(FirstDay, zone);

    /// <summary>The first instant of the next month in <paramref name="zone"/>.</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => DayStart(FirstDay.AddMonths(1), zone);

    public static DateTimeOffset DayStart(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public int CompareTo(AssessmentMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(AssessmentMonth a, AssessmentMonth b) => a.CompareTo(b) < 0;

    public static bool operator >(AssessmentMonth a, AssessmentMonth b) => a.CompareTo(b) > 0;

    public static bool operator <=(AssessmentMonth a, AssessmentMonth b) => a.CompareTo(b) <= 0;

    public static bool operator >=(AssessmentMonth a, AssessmentMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>For people: 2026年11月.</summary>
    public string ToChinese() => string.Create(CultureInfo.InvariantCulture, $"{Year}年{Month}月");
}
