using System.Globalization;

namespace Hotline.Web.Components.Shared;

/// <summary>How figures read on screens.</summary>
public static class Format
{
    /// <summary><c>mm:ss</c>, or <c>h:mm:ss</c> from an hour on.</summary>
    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(seconds)));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes:00}:{span.Seconds:00}");
    }

    /// <summary>A 0..1 fraction as a percentage with one decimal, or a dash when nothing was counted.</summary>
    public static string Percent(double fraction, int denominator)
        => denominator == 0 ? "—" : (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(double seconds) => Math.Round(seconds).ToString("0", CultureInfo.InvariantCulture) + " 秒";
}
