namespace Hotline.Telephony.Simulation;

/// <summary>How the simulated talk times are drawn around <see cref="SimulationOptions.MeanHandleSeconds"/>.</summary>
public enum HandleTimeDistribution
{
    /// <summary>Right-skewed like real calls: most are short, a few very long.</summary>
    LogNormal,

    /// <summary>Memoryless, as Erlang C assumes.</summary>
    Exponential,
}
