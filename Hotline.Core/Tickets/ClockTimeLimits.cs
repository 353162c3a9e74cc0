namespace Hotline.Core.Tickets;

/// <summary>紧急 / 特急 tickets: limits in clock time, whatever the work calendar says.</summary>
public sealed class ClockTimeLimits
{
    public TimeSpan Dispatch { get; set; }
    public TimeSpan SignFor { get; set; }
    public TimeSpan Handling { get; set; }

    /// <summary>Follow-up after the reply; null (the default) means "same day": before local midnight.</summary>
    public TimeSpan? FollowUp { get; set; }
}
