namespace Hotline.Core.Assessment;

/// <summary>
/// One rostered shift of an agent (排班). <see cref="Day"/> is the local day the shift starts on; a shift across
/// midnight ends the next day and counts, whole, for the day (and month) it starts in.
/// </summary>
public sealed record RosterShift(string AgentId, DateOnly Day, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Name = "")
{
    public long Id { get; init; }

    public double Seconds => (EndsAt - StartsAt).TotalSeconds;

    /// <summary>A shift from a local day, start time and end time; an end not after the start means the next day.</summary>
    public static RosterShift FromLocal(string agentId, DateOnly day, TimeOnly start, TimeOnly end, TimeZoneInfo zone, string name = "")
    {
        var startLocal = day.ToDateTime(start);
        var endLocal = (end > start ? day : day.AddDays(1)).ToDateTime(end);
        return new RosterShift(agentId, day,
            new DateTimeOffset(startLocal, zone.GetUtcOffset(startLocal)),
            new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)), name);
    }
}
