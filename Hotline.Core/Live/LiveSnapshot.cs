namespace Hotline.Core.Live;

/// <summary>
/// What every live screen shows, taken at <see cref="GeneratedAt"/>. <see cref="EventsApplied"/> counts the
/// events the projection had applied, so a client can tell which events a snapshot includes.
/// <see cref="LastEventAt"/> lets screens show the age of the data.
/// </summary>
public sealed record LiveSnapshot(
    DateTimeOffset GeneratedAt,
    bool SwitchLinkUp,
    DateTimeOffset? LastEventAt,
    long EventsApplied,
    DateOnly Day,
    KpiFigures Today,
    KpiFigures Last15Minutes,
    KpiFigures LastHour,
    IReadOnlyList<QueueSnapshot> Queues,
    IReadOnlyList<SeatSnapshot> Seats,
    IReadOnlyList<HalfHourPoint> HalfHours);
