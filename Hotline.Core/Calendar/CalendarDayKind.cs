namespace Hotline.Core.Calendar;

/// <summary>What an override day is, regardless of the weekday it falls on.</summary>
public enum CalendarDayKind
{
    /// <summary>A day off (public holiday, or a weekday given off for it).</summary>
    Holiday,

    /// <summary>A working day, typically a make-up Saturday or Sunday (调休).</summary>
    WorkingDay,
}
