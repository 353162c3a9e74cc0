using Hotline.Core.Agents;
using Hotline.Core.Assessment;
using Hotline.Core.Calls;
using Hotline.Telephony;

namespace Hotline.Tests.Assessment;

/// <summary>Builders for the hand-computed months (October 2026 in Shanghai: the National Day week is 1–7 Oct).</summary>
internal static class AssessmentKit
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly AssessmentMonth October = new(2026, 10);
    private static int _sequence;

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, double second = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)).AddSeconds(second);

    public static CallRecord Answered(DateTimeOffset arrived, string agent, double wait, double talk, double wrapUp = 0, bool ended = true) => new()
    {
        CallId = $"c{Interlocked.Increment(ref _sequence)}",
        ArrivedAt = arrived,
        QueuedAt = arrived.AddSeconds(20),
        AnsweredAt = arrived.AddSeconds(20 + wait),
        EndedAt = ended ? arrived.AddSeconds(20 + wait + talk) : null,
        Outcome = CallOutcome.Answered,
        WaitSeconds = wait,
        TalkSeconds = talk,
        WrapUpSeconds = wrapUp,
        AgentId = agent,
    };

    public static CallRecord SelfServed(DateTimeOffset arrived) => new()
    {
        CallId = $"c{Interlocked.Increment(ref _sequence)}", ArrivedAt = arrived, EndedAt = arrived.AddSeconds(60), Outcome = CallOutcome.SelfServed,
    };

    public static CallRecord Abandoned(DateTimeOffset arrived, double wait) => new()
    {
        CallId = $"c{Interlocked.Increment(ref _sequence)}", ArrivedAt = arrived, QueuedAt = arrived.AddSeconds(20),
        EndedAt = arrived.AddSeconds(20 + wait), Outcome = CallOutcome.Abandoned, WaitSeconds = wait,
    };

    public static CallRecord HungUpInIvr(DateTimeOffset arrived) => new()
    {
        CallId = $"c{Interlocked.Increment(ref _sequence)}", ArrivedAt = arrived, EndedAt = arrived.AddSeconds(10), Outcome = CallOutcome.Other,
    };

    public static RosterShift Shift(string agent, int month, int day, int startHour, int endHour) =>
        RosterShift.FromLocal(agent, new DateOnly(2026, month, day), new TimeOnly(startHour, 0), new TimeOnly(endHour, 0), Shanghai);

    public static SeatInterval Interval(string agent, SeatState state, DateTimeOffset from, DateTimeOffset to, string? reason = null) =>
        new(agent, state, reason, from, to);

    public static CallMonthTally Tally(IEnumerable<CallRecord> calls, AssessmentMonth? month = null)
    {
        var tally = new CallMonthTally(month ?? October, Shanghai);
        foreach (var call in calls)
        {
            tally.Add(CallFacts.From(call));
        }

        return tally;
    }

    public static StaffedTimeTally Staffed(IEnumerable<RosterShift> shifts, IEnumerable<SeatInterval> intervals, params string[] workReasons)
    {
        var tally = new StaffedTimeTally(shifts, workReasons);
        foreach (var i in intervals)
        {
            tally.Add(i.AgentId, i.State, i.Reason, i.StartedAt, i.EndedAt);
        }

        return tally;
    }
}
