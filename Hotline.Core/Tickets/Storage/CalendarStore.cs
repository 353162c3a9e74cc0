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

    public CalendarStore(ConnectionFactory connections, HotlineOptions options)
    {
        _connections = connections;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    /// <summary>The calendar from the stored days; the shipped <see cref="ChinaPublicHolidays.Year2026"/> while none are stored.</summary>
    public Task<WorkCalendar> LoadAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Stores the shipped schedule when the table is empty; returns whether it did.</summary>
    public Task<bool> EnsureSeededAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Adds or replaces the override for <see cref="CalendarDay.Date"/>.</summary>
    public Task SetDayAsync(CalendarDay day, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Removes the override of a date (it becomes a plain weekday/weekend); false when there was none.</summary>
    public Task<bool> RemoveDayAsync(DateOnly date, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
