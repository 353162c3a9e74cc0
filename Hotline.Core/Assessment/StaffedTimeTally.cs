using Hotline.Telephony;

namespace Hotline.Core.Assessment;

/// <summary>
/// 用工时长 per agent: on-duty time is the rostered shift time; online working time is the part of the seat
/// intervals inside a shift in Ready, Ringing, OnCall, WrapUp, or NotReady with a reason that counts as work.
/// Intervals are added one at a time (streamed from the database).
/// </summary>
public sealed class StaffedTimeTally
{
    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _workReasons;

    public StaffedTimeTally(IEnumerable<RosterShift> shifts, IEnumerable<string> workReasons)
    {
        _workReasons = new HashSet<string>(workReasons, StringComparer.Ordinal);
        foreach (var group in shifts.GroupBy(s => s.AgentId, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(s => s.StartsAt).ToArray();
            _agents[group.Key] = new Agent(
                ordered.Select(s => s.StartsAt.UtcTicks).ToArray(),
                ordered.Select(s => s.EndsAt.UtcTicks).ToArray(),
                ordered.Sum(s => s.Seconds));
        }
    }

    /// <summary>The NotReady reasons that count as work.</summary>
    public IReadOnlyCollection<string> WorkReasons => _workReasons;

    public bool CountsAsWork(SeatState state, string? reason) => state switch
    {
        SeatState.Ready or SeatState.Ringing or SeatState.OnCall or SeatState.WrapUp => true,
        SeatState.NotReady => reason is not null && _workReasons.Contains(reason),
        _ => false,
    };

    public void Add(string agentId, SeatState state, string? reason, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        if (!CountsAsWork(state, reason) || !_agents.TryGetValue(agentId, out var agent))
        {
            return;
        }

        long from = startedAt.UtcTicks, to = endedAt.UtcTicks;
        // Shifts of one agent do not overlap (the roster refuses it), so they are ordered by end too.
        var i = Array.BinarySearch(agent.Ends, from);
        i = i < 0 ? ~i : i + 1;
        for (; i < agent.Starts.Length && agent.Starts[i] < to; i++)
        {
            var overlap = Math.Min(to, agent.Ends[i]) - Math.Max(from, agent.Starts[i]);
            if (overlap > 0) agent.OnlineTicks += overlap;
        }
    }

    /// <summary>Rostered agents, by agent id: on-duty and online seconds.</summary>
    public IReadOnlyList<(string AgentId, double OnDutySeconds, double OnlineSeconds)> Results() =>
        _agents.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => (a.Key, a.Value.OnDutySeconds, a.Value.OnlineTicks / (double)TimeSpan.TicksPerSecond))
            .ToList();

    private sealed class Agent(long[] starts, long[] ends, double onDutySeconds)
    {
        public long[] Starts { get; } = starts;
        public long[] Ends { get; } = ends;
        public double OnDutySeconds { get; } = onDutySeconds;
        public long OnlineTicks { get; set; }
    }
}
