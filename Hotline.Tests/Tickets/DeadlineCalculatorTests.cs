using Hotline.Core.Calendar;
using Hotline.Core.Tickets;

namespace Hotline.Tests.Tickets;

public class DeadlineCalculatorTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly DeadlineCalculator _deadlines = Calculator(new TicketTimeLimitOptions());

    private static DeadlineCalculator Calculator(TicketTimeLimitOptions limits) => new(WorkCalendar.CreateDefault(), limits);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    [Fact]
    public void A_normal_consultation_dispatched_on_September_30_is_due_on_the_make_up_Saturday_October_10() =>
        Assert.Equal(At(10, 10, 17, 30), _deadlines.HandlingDeadline(Urgency.Normal, RequestType.Consultation, At(9, 30, 14)));

    [Theory]
    [InlineData(RequestType.Consultation, 5)]   // 3 working days: Nov 3, 4, 5
    [InlineData(RequestType.HelpRequest, 9)]    // 5 working days
    [InlineData(RequestType.Complaint, 16)]     // 10 working days
    [InlineData(RequestType.Report, 16)]
    [InlineData(RequestType.Suggestion, 16)]
    [InlineData(RequestType.Praise, 16)]        // not in the table: the default 10
    [InlineData(RequestType.Other, 16)]
    public void Normal_handling_time_depends_on_the_request_type(RequestType type, int dayOfNovember) =>
        Assert.Equal(At(11, dayOfNovember, 17, 30), _deadlines.HandlingDeadline(Urgency.Normal, type, At(11, 2, 10)));

    [Fact]
    public void A_normal_ticket_registered_on_a_holiday_is_due_for_dispatch_at_the_end_of_the_next_working_day() =>
        Assert.Equal(At(10, 8, 17, 30), _deadlines.DispatchDeadline(Urgency.Normal, At(10, 2, 9)));

    [Fact]
    public void A_normal_ticket_registered_on_a_working_day_is_due_for_dispatch_the_same_day() =>
        Assert.Equal(At(11, 2, 17, 30), _deadlines.DispatchDeadline(Urgency.Normal, At(11, 2, 9)));

    [Fact]
    public void Urgent_deadlines_count_clock_hours_through_a_holiday()
    {
        var nationalDay = At(10, 2, 10);
        Assert.Equal(At(10, 2, 10, 30), _deadlines.DispatchDeadline(Urgency.Urgent, nationalDay));
        Assert.Equal(At(10, 2, 12), _deadlines.SignForDeadline(Urgency.Urgent, nationalDay));
        Assert.Equal(At(10, 3, 10), _deadlines.HandlingDeadline(Urgency.Urgent, RequestType.Complaint, nationalDay));
    }

    [Fact]
    public void Critical_deadlines_count_minutes_through_a_holiday()
    {
        var nationalDay = At(10, 2, 23, 55);
        Assert.Equal(At(10, 3, 0, 5), _deadlines.DispatchDeadline(Urgency.Critical, nationalDay));
        Assert.Equal(At(10, 3, 0, 25), _deadlines.SignForDeadline(Urgency.Critical, nationalDay));
        Assert.Equal(At(10, 3, 1, 55), _deadlines.HandlingDeadline(Urgency.Critical, RequestType.HelpRequest, nationalDay));
    }

    [Fact]
    public void An_urgent_follow_up_is_due_before_midnight_of_the_reply_day_even_on_a_holiday() =>
        Assert.Equal(At(10, 3, 0), _deadlines.FollowUpDeadline(Urgency.Urgent, At(10, 2, 15)));

    [Fact]
    public void A_normal_follow_up_is_due_at_the_end_of_the_next_working_day() =>
        Assert.Equal(At(10, 8, 17, 30), _deadlines.FollowUpDeadline(Urgency.Normal, At(9, 30, 16)));

    [Fact]
    public void The_time_limits_are_settings_not_constants()
    {
        var limits = new TicketTimeLimitOptions { ExtensionWorkingDays = 2 };
        limits.Normal.HandlingWorkingDays[RequestType.Consultation] = 1;
        limits.Urgent.SignFor = TimeSpan.FromHours(1);
        limits.Critical.FollowUp = TimeSpan.FromHours(3);
        var deadlines = Calculator(limits);
        Assert.Equal(At(11, 3, 17, 30), deadlines.HandlingDeadline(Urgency.Normal, RequestType.Consultation, At(11, 2, 10)));
        Assert.Equal(At(11, 2, 11), deadlines.SignForDeadline(Urgency.Urgent, At(11, 2, 10)));
        Assert.Equal(At(11, 2, 13), deadlines.FollowUpDeadline(Urgency.Critical, At(11, 2, 10)));
        Assert.Equal(At(11, 4, 17, 30), deadlines.ExtendedDeadline(At(11, 2, 17, 30)));
    }

    [Fact]
    public void An_extension_adds_five_working_days_by_default_skipping_the_holiday() =>
        Assert.Equal(At(10, 13, 17, 30), _deadlines.ExtendedDeadline(At(9, 30, 17, 30)));  // Oct 8, 9, 10 (Sat), 12, 13

    [Fact]
    public void Negative_or_zero_limits_are_refused_at_start()
    {
        var limits = new TicketTimeLimitOptions();
        limits.Normal.SignForWorkingDays = -1;
        limits.Critical.Dispatch = TimeSpan.Zero;
        Assert.Equal(2, limits.Validate().Count());
        Assert.Throws<ArgumentException>(() => Calculator(limits));
    }
}
