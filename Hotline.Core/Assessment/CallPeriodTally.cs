namespace Hotline.Core.Assessment;

/// <summary>
/// Routes the inbound calls of a run of local days (a day, a week) to the period's, each day's and each local hour's
/// tallies, by the same <see cref="CallTally"/> rules as the month's 每日话务. A call counts on the local day and hour
/// it arrived; calls outside the period are ignored. Hours are summed over the period's days.
/// </summary>
public sealed class CallPeriodTally
{
    private readonly CallTally _total;
    private readonly CallTally[] _days;
    private readonly CallTally[] _hours;
    private readonly long[] _dayStarts;

    public CallPeriodTally(DateOnly firstDay, int dayCount, TimeZoneInfo zone, double serviceLevelSeconds = 15, double shortAbandonSeconds = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dayCount);
        FirstDay = firstDay;
        Zone = zone;
        _total = new CallTally(serviceLevelSeconds, shortAbandonSeconds);
        _days = Enumerable.Range(0, dayCount).Select(_ => new CallTally(serviceLevelSeconds, shortAbandonSeconds)).ToArray();
        _hours = Enumerable.Range(0, 24).Select(_ => new CallTally(serviceLevelSeconds, shortAbandonSeconds)).ToArray();
        _dayStarts = Enumerable.Range(0, dayCount + 1).Select(i => AssessmentMonth.DayStart(firstDay.AddDays(i), zone).UtcTicks).ToArray();
        From = AssessmentMonth.DayStart(firstDay, zone);
        To = AssessmentMonth.DayStart(firstDay.AddDays(dayCount), zone);
    }

    public DateOnly FirstDay { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset From { get; }

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset To { get; }

    public void Add(in CallFacts call)
    {
        var t = call.ArrivedAt.UtcTicks;
        if (t < _dayStarts[0] || t >= _dayStarts[^1])
        {
            return;
        }

        _total.Add(call);
        var day = Array.BinarySearch(_dayStarts, t);
        _days[day < 0 ? ~day - 1 : day].Add(call);
        _hours[HourOf(call.ArrivedAt, Zone)].Add(call);
    }

    /// <summary>The local hour (0–23) of an instant.</summary>
    public static int HourOf(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).Hour;

    public CallFigures Total => _total.ToFigures();

    /// <summary>Every day of the period, first to last.</summary>
    public IReadOnlyList<(DateOnly Day, CallFigures Calls)> Days => _days.Select((d, i) => (FirstDay.AddDays(i), d.ToFigures())).ToList();

    /// <summary>Hours 0 to 23.</summary>
    public IReadOnlyList<CallFigures> Hours => _hours.Select(h => h.ToFigures()).ToList();
}
