namespace Hotline.Core.Tickets;

/// <summary>
/// The time-limit table of DOMAIN.md, bound from <c>Hotline:Tickets:TimeLimits</c>. Defaults are the table;
/// 一般 counts working days on the work calendar, 紧急 and 特急 count clock time.
/// </summary>
public sealed class TicketTimeLimitOptions
{
    public const string Section = "Hotline:Tickets:TimeLimits";

    /// <summary>一般.</summary>
    public NormalTimeLimits Normal { get; set; } = new();

    /// <summary>紧急: 30 min / 2 h / 24 h / same day.</summary>
    public ClockTimeLimits Urgent { get; set; } = new()
    {
        Dispatch = TimeSpan.FromMinutes(30),
        SignFor = TimeSpan.FromHours(2),
        Handling = TimeSpan.FromHours(24),
    };

    /// <summary>特急: 10 min / 30 min / 2 h / same day.</summary>
    public ClockTimeLimits Critical { get; set; } = new()
    {
        Dispatch = TimeSpan.FromMinutes(10),
        SignFor = TimeSpan.FromMinutes(30),
        Handling = TimeSpan.FromHours(2),
    };

    /// <summary>An approved extension moves the handling deadline by this many working days (not in the table; our default).</summary>
    public int ExtensionWorkingDays { get; set; } = 5;

    public IEnumerable<string> Validate()
    {
        var n = Normal;
        if (n.DispatchWorkingDays < 0 || n.SignForWorkingDays < 0 || n.FollowUpWorkingDays < 0 || n.DefaultHandlingWorkingDays < 0
            || n.HandlingWorkingDays.Values.Any(d => d < 0))
            yield return $"{Section}:{nameof(Normal)}: working days cannot be negative.";
        if (ExtensionWorkingDays < 1)
            yield return $"{Section}:{nameof(ExtensionWorkingDays)} must be at least 1.";
        foreach (var (name, limits) in new[] { (nameof(Urgent), Urgent), (nameof(Critical), Critical) })
        {
            if (limits.Dispatch <= TimeSpan.Zero || limits.SignFor <= TimeSpan.Zero || limits.Handling <= TimeSpan.Zero
                || limits.FollowUp is { } f && f <= TimeSpan.Zero)
                yield return $"{Section}:{name}: durations must be positive.";
        }
    }
}
