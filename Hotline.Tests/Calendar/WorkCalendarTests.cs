using Hotline.Core.Calendar;

namespace Hotline.Tests.Calendar;

public class WorkCalendarTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly WorkCalendar _calendar = WorkCalendar.CreateDefault();

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    [Fact]
    public void An_ordinary_weekday_is_a_working_day_and_an_ordinary_weekend_is_not()
    {
        Assert.True(_calendar.IsWorkingDay(D(3, 11)));   // Wednesday
        Assert.False(_calendar.IsWorkingDay(D(3, 14)));  // Saturday
        Assert.False(_calendar.IsWorkingDay(D(3, 15)));  // Sunday
    }

    [Fact]
    public void Every_day_of_the_National_Day_holiday_is_a_day_off()
    {
        for (var day = 1; day <= 7; day++)
            Assert.False(_calendar.IsWorkingDay(D(10, day)), $"Oct {day}");
        Assert.Equal("国庆节", _calendar.Find(D(10, 5))!.Name);
    }

    [Fact]
    public void The_make_up_Saturday_after_National_Day_is_a_working_day() =>
        Assert.True(_calendar.IsWorkingDay(D(10, 10)));

    [Fact]
    public void The_make_up_Sunday_before_National_Day_is_a_working_day() =>
        Assert.True(_calendar.IsWorkingDay(D(9, 20)));

    [Fact]
    public void Three_working_days_after_September_30_end_on_the_make_up_Saturday_October_10()
    {
        // Oct 1–7 off; Oct 8 Thu (1), Oct 9 Fri (2), Oct 10 Sat make-up (3).
        Assert.Equal(D(10, 10), _calendar.AddWorkingDays(D(9, 30), 3));
        Assert.Equal(At(10, 10, 17, 30), _calendar.AddWorkingDays(At(9, 30, 15), 3));
    }

    [Fact]
    public void One_working_day_after_the_Friday_before_the_Spring_Festival_is_the_make_up_Saturday() =>
        Assert.Equal(D(2, 14), _calendar.AddWorkingDays(D(2, 13), 1));

    [Fact]
    public void One_working_day_after_the_make_up_Saturday_skips_the_whole_Spring_Festival() =>
        Assert.Equal(D(2, 24), _calendar.AddWorkingDays(D(2, 14), 1));

    [Fact]
    public void Working_days_counted_from_a_holiday_start_with_the_first_working_day_after_it() =>
        Assert.Equal(At(10, 8, 17, 30), _calendar.AddWorkingDays(At(10, 3, 11), 1));

    [Fact]
    public void Same_day_on_a_working_day_is_the_end_of_that_working_day() =>
        Assert.Equal(At(11, 27, 17, 30), _calendar.EndOfCurrentWorkingDay(At(11, 27, 9, 15)));

    [Fact]
    public void Same_day_after_the_working_day_has_ended_is_the_end_of_the_next_working_day() =>
        Assert.Equal(At(11, 30, 17, 30), _calendar.EndOfCurrentWorkingDay(At(11, 27, 20)));  // Friday evening → Monday

    [Fact]
    public void Same_day_on_a_holiday_is_the_end_of_the_next_working_day() =>
        Assert.Equal(At(10, 8, 17, 30), _calendar.EndOfCurrentWorkingDay(At(10, 2, 10)));

    [Fact]
    public void Zero_working_days_means_same_day() =>
        Assert.Equal(_calendar.EndOfCurrentWorkingDay(At(10, 2, 10)), _calendar.AddWorkingDays(At(10, 2, 10), 0));

    [Fact]
    public void Days_are_cut_in_Shanghai_time_not_UTC()
    {
        var utcEveningOfSeptember30 = new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero);  // Oct 1 01:00 in Shanghai
        Assert.Equal(D(10, 1), _calendar.LocalDate(utcEveningOfSeptember30));
        Assert.Equal(At(10, 8, 17, 30), _calendar.EndOfCurrentWorkingDay(utcEveningOfSeptember30));
    }

    [Fact]
    public void The_working_day_end_is_a_setting()
    {
        var calendar = WorkCalendar.CreateDefault(workdayEnd: new TimeOnly(18, 0));
        Assert.Equal(At(11, 27, 18, 0), calendar.EndOfCurrentWorkingDay(At(11, 27, 17, 45)));
    }

    [Fact]
    public void An_edited_calendar_honours_a_new_holiday_and_a_new_make_up_day()
    {
        var calendar = new WorkCalendar(
            [
                new CalendarDay(D(3, 11), CalendarDayKind.Holiday, "临时休假"),
                new CalendarDay(D(3, 14), CalendarDayKind.WorkingDay, "调休"),
            ],
            WorkCalendar.ShanghaiTimeZone);
        Assert.False(calendar.IsWorkingDay(D(3, 11)));
        Assert.True(calendar.IsWorkingDay(D(3, 14)));
        Assert.Equal(D(3, 14), calendar.AddWorkingDays(D(3, 10), 3));  // Thu 12, Fri 13, Sat 14
    }

    [Fact]
    public void A_calendar_listing_the_same_date_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => new WorkCalendar(
            [new CalendarDay(D(5, 1), CalendarDayKind.Holiday, "a"), new CalendarDay(D(5, 1), CalendarDayKind.WorkingDay, "b")],
            WorkCalendar.ShanghaiTimeZone));

    [Fact]
    public void The_shipped_2026_schedule_has_33_days_off_and_6_make_up_days_all_on_weekends()
    {
        var days = ChinaPublicHolidays.Year2026;
        Assert.Equal(33, days.Count(d => d.Kind == CalendarDayKind.Holiday));
        var makeUp = days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date).ToList();
        Assert.Equal([D(1, 4), D(2, 14), D(2, 28), D(5, 9), D(9, 20), D(10, 10)], makeUp.Order());
        Assert.All(makeUp, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.True(_calendar.HasDataFor(2026));
        Assert.False(_calendar.HasDataFor(2027));
    }

    [Fact]
    public void Working_days_between_two_dates_skip_the_holiday_and_count_the_make_up_day() =>
        Assert.Equal(3, _calendar.WorkingDaysBetween(D(9, 30), D(10, 11)));
}
