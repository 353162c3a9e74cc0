namespace Hotline.Core.Calendar;

/// <summary>
/// One override of the plain Monday–Friday rule: a holiday on a weekday or a make-up working day on a weekend.
/// Edited by an Admin; <see cref="WorkCalendar"/> is built from a list of these.
/// </summary>
/// <param name="Date">The local date in the calendar's time zone.</param>
/// <param name="Kind">Holiday (off) or working day.</param>
/// <param name="Name">Display name, e.g. 国庆节 or 国庆节调休.</param>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
