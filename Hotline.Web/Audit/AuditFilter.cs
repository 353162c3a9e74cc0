using Hotline.Core.Audit;
using System.Globalization;

namespace Hotline.Web.Audit;

/// <summary>The audit search as the admin page and the export take it: local days (from, to inclusive), actor, action.</summary>
public sealed record AuditFilter(string? Actor, string? Action, DateOnly? From, DateOnly? To)
{
    public AuditQuery ToQuery(TimeZoneInfo zone, int page = 1, int pageSize = 50) => new(
        From is { } from ? Start(from, zone) : null,
        To is { } to ? Start(to.AddDays(1), zone) : null,
        string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim(),
        string.IsNullOrWhiteSpace(Action) ? null : Action.Trim(),
        null,
        page,
        pageSize);

    /// <summary>The export link's query string.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Actor)) parts.Add("actor=" + Uri.EscapeDataString(Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(Action)) parts.Add("action=" + Uri.EscapeDataString(Action.Trim()));
        if (From is { } from) parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (To is { } to) parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public static DateOnly? ParseDay(string? text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
