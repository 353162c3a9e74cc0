using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;

namespace Hotline.Tests.Live;

/// <summary>Builds hand-checkable event scripts for <see cref="LiveState"/> tests.</summary>
internal static class Script
{
    public const string Queue = "12345";
    public const string Caller = "13800138000";
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Tuesday 2026-03-10 10:00:00 in Asia/Shanghai (02:00 UTC).</summary>
    public static readonly DateTimeOffset Base = new(2026, 3, 10, 10, 0, 0, Shanghai);

    public static LiveState NewState(string zone = "Asia/Shanghai") => new(new HotlineOptions { TimeZone = zone });

    public static LiveState Run(params IEnumerable<TelephonyEvent>[] parts)
    {
        var state = NewState();
        Apply(state, parts);
        return state;
    }

    /// <summary>Applies the parts merged in time order (stable: equal times keep the order written).</summary>
    public static void Apply(LiveState state, params IEnumerable<TelephonyEvent>[] parts)
    {
        foreach (var e in parts.SelectMany(p => p).OrderBy(e => e.At)) state.Apply(e);
    }

    public static IEnumerable<TelephonyEvent> Seat(string agent, DateTimeOffset at) =>
    [
        new SeatLoggedIn(at, agent, "坐席" + agent, "8" + agent),
        new SeatReady(at, agent),
    ];

    /// <summary>
    /// Arrives at <paramref name="at"/>, joins the queue <paramref name="ivr"/> s later, rings the seat 2 s before the
    /// answer, is answered after <paramref name="wait"/> s, talks <paramref name="talk"/> s (null: still talking),
    /// then wrap-up <paramref name="wrap"/> s and Ready (unless <paramref name="readyAfter"/> is false).
    /// </summary>
    public static IEnumerable<TelephonyEvent> Answered(
        string id, DateTimeOffset at, string agent, double wait, double? talk = 60, double wrap = 0,
        bool readyAfter = true, double ivr = 10, string queue = Queue, string caller = Caller)
    {
        var queued = at.AddSeconds(ivr);
        var ring = queued.AddSeconds(Math.Max(0, wait - 2));
        var answered = queued.AddSeconds(wait);
        yield return new CallArrived(at, id, caller, Queue);
        yield return new CallEnteredIvr(at, id);
        yield return new CallQueued(queued, id, queue, 1);
        yield return new CallOffered(ring, id, agent);
        yield return new SeatRinging(ring, agent, id);
        yield return new CallAnswered(answered, id, agent, queue, wait);
        yield return new SeatOnCall(answered, agent, id);
        if (talk is not { } talkSeconds) yield break;

        var ended = answered.AddSeconds(talkSeconds);
        yield return new CallEnded(ended, id, agent, talkSeconds, HangupParty.Caller);
        if (wrap > 0) yield return new SeatWrapUp(ended, agent);
        if (readyAfter) yield return new SeatReady(ended.AddSeconds(wrap), agent);
    }

    /// <summary>Joins the queue <paramref name="ivr"/> s after arriving and hangs up after <paramref name="wait"/> s; optionally while a seat rings (from 1 s before).</summary>
    public static IEnumerable<TelephonyEvent> Abandoned(
        string id, DateTimeOffset at, double wait, string? ringingAgent = null, double ivr = 10, string queue = Queue)
    {
        var queued = at.AddSeconds(ivr);
        yield return new CallArrived(at, id, Caller, Queue);
        yield return new CallEnteredIvr(at, id);
        yield return new CallQueued(queued, id, queue, 1);
        if (ringingAgent is not null)
        {
            var ring = queued.AddSeconds(Math.Max(0, wait - 1));
            yield return new CallOffered(ring, id, ringingAgent);
            yield return new SeatRinging(ring, ringingAgent, id);
        }

        yield return new CallAbandoned(queued.AddSeconds(wait), id, queue, wait, 1);
    }

    public static IEnumerable<TelephonyEvent> SelfServed(string id, DateTimeOffset at, double ivr = 30) =>
    [
        new CallArrived(at, id, Caller, Queue),
        new CallEnteredIvr(at, id),
        new CallSelfServed(at.AddSeconds(ivr), id, "社保查询"),
    ];

    public static IEnumerable<TelephonyEvent> HungUpInIvr(string id, DateTimeOffset at, double ivr = 5) =>
    [
        new CallArrived(at, id, Caller, Queue),
        new CallEnteredIvr(at, id),
        new CallDisconnected(at.AddSeconds(ivr), id),
    ];

    /// <summary>Arrives and joins the queue <paramref name="ivr"/> s later; nothing else yet.</summary>
    public static IEnumerable<TelephonyEvent> Waiting(string id, DateTimeOffset at, double ivr = 10, string queue = Queue) =>
    [
        new CallArrived(at, id, Caller, Queue),
        new CallEnteredIvr(at, id),
        new CallQueued(at.AddSeconds(ivr), id, queue, 1),
    ];

    public static SeatSnapshot SeatOf(LiveSnapshot snapshot, string agent) => Assert.Single(snapshot.Seats, s => s.AgentId == agent);

    public static QueueSnapshot QueueOf(LiveSnapshot snapshot, string queue = Queue) => Assert.Single(snapshot.Queues, q => q.Name == queue);
}
