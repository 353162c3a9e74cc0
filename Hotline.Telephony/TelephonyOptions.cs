using Hotline.Telephony.Asterisk;
using Hotline.Telephony.Simulation;

namespace Hotline.Telephony;

/// <summary>Settings under <c>Hotline:Telephony</c>.</summary>
public sealed class TelephonyOptions
{
    public const string Section = "Hotline:Telephony";

    /// <summary><c>Simulated</c> (default) or <c>Asterisk</c>.</summary>
    public string Mode { get; set; } = "Simulated";

    public SimulationOptions Simulation { get; set; } = new();

    /// <summary>The Asterisk nodes and queue, used when <see cref="Mode"/> is <c>Asterisk</c>.</summary>
    public AsteriskOptions Asterisk { get; set; } = new();

    /// <summary>Queue overflow callback requests (both switches).</summary>
    public CallbackOptions Callbacks { get; set; } = new();
}
