namespace Hotline.Telephony.Ami;

/// <summary>Where and how an <see cref="AmiClient"/> connects.</summary>
public sealed record AmiClientSettings
{
    /// <summary>The node name, in logs and link events.</summary>
    public required string Name { get; init; }

    public required string Host { get; init; }

    public int Port { get; init; } = 5038;

    public required string User { get; init; }

    public required string Secret { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A Ping is sent when nothing was read for this long.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The link counts as lost when nothing was read for this long (the wallboard needs it within 3 s).</summary>
    public TimeSpan DeadAfter { get; init; } = TimeSpan.FromSeconds(2.5);

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Capacity of the event channel; when full, the reader stops reading and TCP pushes back.</summary>
    public int EventCapacity { get; init; } = 100_000;

    /// <summary>
    /// When set, events whose name it refuses are skipped by the reader unparsed (responses are always kept, and every
    /// event while a <see cref="AmiClient.SendListAsync"/> list is being collected). The bridge passes
    /// <see cref="AmiEventMapper.Maps"/>.
    /// </summary>
    public Func<ReadOnlySpan<byte>, bool>? EventFilter { get; init; }
}
