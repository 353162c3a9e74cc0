using System.Diagnostics.CodeAnalysis;

namespace Hotline.Web.Configuration;

/// <summary>Time zone lookup and the local day that KPIs are cut by.</summary>
public static class TimeZones
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }

    /// <summary>The start of the local day containing <paramref name="now"/> and the start of the next one.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) LocalDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var start = new DateTimeOffset(local.Date, zone.GetUtcOffset(local.Date));
        var nextDate = local.Date.AddDays(1);
        var end = new DateTimeOffset(nextDate, zone.GetUtcOffset(nextDate));
        return (start, end);
    }
}
