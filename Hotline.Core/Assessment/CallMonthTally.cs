namespace Hotline.Core.Assessment;

/// <summary>
/// Routes a month's inbound calls to the month's, the arrival day's and the answering agent's tallies. A call
/// counts on the local day it arrived; calls outside the month are ignored.
/// </summary>
public sealed class CallMonthTally
{
    private readonly TimeZoneInfo _zone;
    private readonly double _serviceLevelSeconds;
    private readonly double _shortAbandonSeconds;
    private readonly long _start;
    private readonly long _end;
    private readonly CallTally _month;
    private readonly CallTally[] _days;
    private readonly long[] _dayStarts;
    private readonly Dictionary<string, CallTally> _agents = new(StringComparer.Ordinal);

    public CallMonthTally(AssessmentMonth month, TimeZoneInfo zone, double serviceLevelSeconds = 15, double shortAbandonSeconds = 5)
    {
        Month = month;
        _zone = zone;
        _serviceLevelSeconds = serviceLevelSeconds;
        _shortAbandonSeconds = shortAbandonSeconds;
        _month = new CallTally(serviceLevelSeconds, shortAbandonSeconds);
        _days = Enumerable.Range(0, month.DayCount).Select(_ => new CallTally(serviceLevelSeconds, shortAbandonSeconds)).ToArray();
        // Day starts in UTC ticks (plus the month's end) so each call finds its day without a time zone conversion.
        _dayStarts = Enumerable.Range(0, month.DayCount + 1)
            .Select(i => AssessmentMonth.DayStart(month.FirstDay.AddDays(i), zone).UtcTicks).ToArray();
        _start = _dayStarts[0];
        _end = _dayStarts[^1];
    }

    public AssessmentMonth Month { get; }

    public TimeZoneInfo Zone => _zone;

    public void Add(in CallFacts call)
    {
        var t = call.ArrivedAt.UtcTicks;
        if (t < _start || t >= _end)
        {
            return;
        }

        _month.Add(call);
        var day = Array.BinarySearch(_dayStarts, t);
        _days[day < 0 ? ~day - 1 : day].Add(call);
        if (call.AgentId is { } agent && (call.AnsweredAtSet || call.Outcome == Calls.CallOutcome.Answered))
        {
            if (!_agents.TryGetValue(agent, out var tally))
            {
                _agents[agent] = tally = new CallTally(_serviceLevelSeconds, _shortAbandonSeconds);
            }

            tally.Add(call);
        }
    }

    public CallFigures Total => _month.ToFigures();

    /// <summary>Every day of the month, first to last.</summary>
    public IReadOnlyList<(DateOnly Day, CallFigures Calls)> Days =>
        _days.Select((d, i) => (Month.FirstDay.AddDays(i), d.ToFigures())).ToList();

    /// <summary>Calls answered per agent, by agent id.</summary>
    public IReadOnlyDictionary<string, CallFigures> Agents => _agents.ToDictionary(a => a.Key, a => a.Value.ToFigures(), StringComparer.Ordinal);
}
