using System.Globalization;

namespace Hotline.Core.Assessment.Storage;

/// <summary>Local days as stored: 'yyyy-MM-dd' text.</summary>
internal static class StoredDay
{
    public static string ToDb(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? ToDb(DateOnly? day) => day is { } d ? ToDb(d) : null;

    public static DateOnly FromDb(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? FromDbOrNull(string? text) => text is null ? null : FromDb(text);
}
