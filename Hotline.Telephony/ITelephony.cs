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

    /// <summary>
    /// Calls <paramref name="extension"/> (the user's desk, which need not be logged in to the queue: a back-office seat
    /// making a callback), then the citizen; returns the new call's id. Without an override it is the seat's originate.
    /// </summary>
    Task<string> OriginateAsync(string agentId, string extension, string number, string? ticketNumber, CancellationToken cancellationToken = default)
        => OriginateAsync(agentId, number, ticketNumber, cancellationToken);

    /// <summary>Supervisor listen / whisper / barge on an agent's seat.</summary>
    Task MonitorAsync(string supervisorExtension, string agentId, MonitorMode mode, CancellationToken cancellationToken = default);
}
