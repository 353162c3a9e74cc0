using System.Threading.Channels;

namespace Hotline.Telephony;

/// <summary>
/// A switch: one ordered stream of events and the commands the product sends to it.
/// Implementations: the built-in <c>SimulatedSwitch</c> and the Asterisk bridge.
/// </summary>
public interface ITelephony
{
    /// <summary>The single ordered event stream. Exactly one consumer reads it.</summary>
    ChannelReader<TelephonyEvent> Events { get; }

    /// <summary>Starts producing events (connects to the switch, or starts the simulation).</summary>
    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);

    Task LogInAsync(string agentId, string extension, CancellationToken cancellationToken = default);

    Task LogOutAsync(string agentId, CancellationToken cancellationToken = default);

    Task SetReadyAsync(string agentId, CancellationToken cancellationToken = default);

    Task SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Calls the agent's device, then the citizen; returns the new call's id.</summary>
    Task<string> OriginateAsync(string agentId, string number, string? ticketNumber, CancellationToken cancellationToken = default);

    /// <summary>Supervisor listen / whisper / barge on an agent's seat.</summary>
    Task MonitorAsync(string supervisorExtension, string agentId, MonitorMode mode, CancellationToken cancellationToken = default);
}
