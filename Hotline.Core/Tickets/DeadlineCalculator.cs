using Hotline.Core.Calendar;

namespace Hotline.Core.Tickets;

/// <summary>
/// Deadlines of each step from <see cref="TicketTimeLimitOptions"/>: 一般 on the <see cref="WorkCalendar"/>,
/// 紧急 / 特急 in clock time.
/// </summary>
public sealed class DeadlineCalculator
{
    private readonly TicketTimeLimitOptions _limits;

    public DeadlineCalculator(WorkCalendar calendar, TicketTimeLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = limits.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(limits));
        Calendar = calendar;
        _limits = limits;
    }

    public WorkCalendar Calendar { get; }

    public DateTimeOffset DispatchDeadline(Urgency urgency, DateTimeOffset registeredAt) =>
        urgency == Urgency.Normal
            ? Calendar.AddWorkingDays(registeredAt, _limits.Normal.DispatchWorkingDays)
            : registeredAt + Clock(urgency).Dispatch;

    public DateTimeOffset SignForDeadline(Urgency urgency, DateTimeOffset dispatchedAt) =>
        urgency == Urgency.Normal
            ? Calendar.AddWorkingDays(dispatchedAt, _limits.Normal.SignForWorkingDays)
            : dispatchedAt + Clock(urgency).SignFor;

    public DateTimeOffset HandlingDeadline(Urgency urgency, RequestType type, DateTimeOffset dispatchedAt) =>
        urgency == Urgency.Normal
            ? Calendar.AddWorkingDays(dispatchedAt, _limits.Normal.HandlingWorkingDays.GetValueOrDefault(type, _limits.Normal.DefaultHandlingWorkingDays))
            : dispatchedAt + Clock(urgency).Handling;

    public DateTimeOffset FollowUpDeadline(Urgency urgency, DateTimeOffset repliedAt)
    {
        if (urgency == Urgency.Normal)
            return Calendar.AddWorkingDays(repliedAt, _limits.Normal.FollowUpWorkingDays);
        if (Clock(urgency).FollowUp is { } followUp)
            return repliedAt + followUp;
        // "Same day" for urgent tickets is the calendar day, not the working day.
        var nextMidnight = Calendar.LocalDate(repliedAt).AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(nextMidnight, Calendar.TimeZone.GetUtcOffset(nextMidnight));
    }

    /// <summary>The handling deadline after an approved extension.</summary>
    public DateTimeOffset ExtendedDeadline(DateTimeOffset handlingDeadline) =>
        Calendar.AddWorkingDays(handlingDeadline, _limits.ExtensionWorkingDays);

    /// <summary>How many working days an approved extension adds.</summary>
    public int ExtensionWorkingDays => _limits.ExtensionWorkingDays;

    private ClockTimeLimits Clock(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => _limits.Urgent,
        Urgency.Critical => _limits.Critical,
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Normal urgency counts working days."),
    };
}
