namespace Hotline.Telephony.Simulation;

/// <summary>Settings under <c>Hotline:Telephony:Simulation</c>. (Stub: the simulation owner fills it in.)</summary>
public sealed class SimulationOptions
{
    public int Seed { get; set; } = 12345;

    /// <summary>Multiplies the day curve: 1 = a normal day, 3 = a typhoon day.</summary>
    public double LoadFactor { get; set; } = 1.0;
}
