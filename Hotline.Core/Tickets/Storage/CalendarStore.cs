using System.Globalization;
using Dapper;
using Hotline.Core.Calendar;
using Hotline.Core.Data;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// The work calendar's override days (<c>calendar_days</c>), edited by an Admin. <see cref="LoadAsync"/> caches the
/// built <see cref="WorkCalendar"/> until the next edit through this store.
/// </summary>
public sealed class CalendarStore
{
    private readonly ConnectionFactory _connections;
    private readonly TimeZoneInfo _timeZone;
    private readonly string _upsert;
    private volatile WorkCalendar? _cached;

    public CalendarStore(ConnectionFactory connections, HotlineOptions options)
    {
        _connections = connections;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _upsert = connections.Dialect.Upsert("calendar_days", ["day", "kind", "name"]);
    }

    /// <summary>
    /// The calendar from the stored days, the only truth: the shipped year is stored once by the migrations, and with no
    /// stored day at all every weekday is a working day and every weekend a day off.
    /// </summary>
    public async Task<WorkCalendar> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached)
        {
            return cached;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Day, string Kind, string Name)>(new CommandDefinition(
            "SELECT day, kind, name FROM calendar_days ORDER BY day", cancellationToken: cancellationToken));
        var days = rows.Select(r => new CalendarDay(DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), Enum.Parse<CalendarDayKind>(r.Kind), r.Name));
        var calendar = new WorkCalendar(days, _timeZone);
        _cached = calendar;
        return calendar;
    }

    /// <summary>Adds or replaces the override for <see cref="CalendarDay.Date"/>.</summary>
    public async Task SetDayAsync(CalendarDay day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (!Enum.IsDefined(day.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day.Kind, "Unknown day kind.");
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(_upsert, Parameters(day), cancellationToken: cancellationToken));
        _cached = null;
    }

    /// <summary>Removes the override of a date (it becomes a plain weekday/weekend); false when there was none.</summary>
    public async Task<bool> RemoveDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM calendar_days WHERE day = @day", new { day = Key(date) }, cancellationToken: cancellationToken));
        _cached = null;
        return removed > 0;
    }

    private static object Parameters(CalendarDay day) => new { day = Key(day.Date), kind = day.Kind.ToString(), name = day.Name };

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
