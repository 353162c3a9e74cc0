using Hotline.Core.Assessment.Storage;

namespace Hotline.Core.Assessment;

/// <summary>
/// The daily and weekly operation reports from the stored call records and tickets, tallied by the same
/// <see cref="CallTally"/> rules as the assessment's 每日话务. Days are cut in the configured time zone.
/// </summary>
public sealed class OperationReportService(HotlineOptions hotline, AssessmentSource source, TimeProvider time)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(hotline.TimeZone);

    /// <summary>Today's local date in the configured zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>One day, by hour (0–23).</summary>
    public async Task<OperationReport> DailyAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var (tally, tickets, registered, closed) = await LoadAsync(day, 1, cancellationToken);
        var rows = tally.Hours.Select((calls, hour) => new OperationRow(OperationReport.HourLabel(hour), calls,
            registered.Count(t => CallPeriodTally.HourOf(t, Zone) == hour), closed.Count(t => CallPeriodTally.HourOf(t, Zone) == hour))).ToList();
        return new OperationReport(false, day, day, time.GetUtcNow(), tally.Total, tickets, rows);
    }

    /// <summary>The week (Monday to Sunday) that contains <paramref name="day"/>, by day.</summary>
    public async Task<OperationReport> WeeklyAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var monday = OperationReport.WeekStart(day);
        var (tally, tickets, registered, closed) = await LoadAsync(monday, 7, cancellationToken);
        var rows = tally.Days.Select(d => new OperationRow(OperationReport.DayLabel(d.Day), d.Calls,
            registered.Count(t => LocalDay(t) == d.Day), closed.Count(t => LocalDay(t) == d.Day))).ToList();
        return new OperationReport(true, monday, monday.AddDays(6), time.GetUtcNow(), tally.Total, tickets, rows);
    }

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private async Task<(CallPeriodTally Tally, TicketFigures Tickets, IReadOnlyList<DateTimeOffset> Registered, IReadOnlyList<DateTimeOffset> Closed)> LoadAsync(
        DateOnly firstDay, int days, CancellationToken cancellationToken)
    {
        var tally = new CallPeriodTally(firstDay, days, Zone, hotline.ServiceLevelSeconds, hotline.ShortAbandonSeconds);
        await source.AddCallsAsync(tally, cancellationToken);
        // Overdue as the tickets stand now, at the period's end (or now, for a period still running).
        var now = time.GetUtcNow();
        var (registered, closed, overdue) = await source.TicketTimesAsync(tally.From, tally.To, tally.To < now ? tally.To : now, cancellationToken);
        return (tally, new TicketFigures(registered.Count, closed.Count, overdue), registered, closed);
    }
}
