namespace Hotline.Telephony.Simulation;

/// <summary>One shift of the simulated roster: every day <see cref="Staff"/> agents log in at <see cref="Start"/> (local time) for <see cref="Hours"/>.</summary>
public sealed class SimulationShift
{
    public string Name { get; set; } = "";

    /// <summary>Local start time of day, e.g. <c>07:30</c>.</summary>
    public TimeSpan Start { get; set; }

    /// <summary>Length in hours; a shift may run past midnight.</summary>
    public double Hours { get; set; } = 8;

    public int Staff { get; set; }
}
