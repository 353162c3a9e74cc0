using Hotline.Core.Live;
using Hotline.Telephony;

namespace Hotline.Tests.Components;

/// <summary>Hand-made snapshots for rendering screens.</summary>
internal static class TestSnapshots
{
    public static readonly DateTimeOffset At = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero); // 10:00 in Shanghai

    public static KpiFigures Kpis(int offered = 0, int answered = 0, int selfServed = 0, int abandoned = 0, int shortAbandoned = 0,
        int within15 = 0, double effective = 0, double agentRate = 0, double serviceLevel = 0, double abandonRate = 0)
        => new(offered, offered - selfServed, answered, selfServed, abandoned, shortAbandoned, within15,
            effective, agentRate, serviceLevel, abandonRate, 8.5, 185);

    public static SeatSnapshot Seat(string agentId, SeatState state, string? reason = null, string? caller = null)
        => new(agentId, "话务员" + agentId, "8" + agentId[1..], state, reason, 42, 3, caller is null ? null : "C-" + agentId, caller, caller is null ? null : 7);

    public static LiveSnapshot Create(
        IReadOnlyList<QueueSnapshot>? queues = null,
        IReadOnlyList<SeatSnapshot>? seats = null,
        KpiFigures? today = null,
        bool linkUp = true,
        DateTimeOffset? generatedAt = null,
        IReadOnlyList<HalfHourPoint>? halfHours = null)
    {
        var kpis = today ?? Kpis();
        return new LiveSnapshot(
            generatedAt ?? At,
            linkUp,
            generatedAt ?? At,
            100,
            new DateOnly(2026, 11, 27),
            kpis,
            kpis,
            kpis,
            queues ?? [new QueueSnapshot("12345", 0, 0)],
            seats ?? [],
            halfHours ?? []);
    }
}
