using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Simulation;

/// <summary>The built-in simulated switch (embedded default). STUB: to be implemented.</summary>
public sealed class SimulatedSwitch : ITelephony
{
    private readonly Channel<TelephonyEvent> _events = Channel.CreateBounded<TelephonyEvent>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public SimulatedSwitch(IOptions<TelephonyOptions> options, TimeProvider time)
    {
        _ = options;
        _ = time;
    }

    public ChannelReader<TelephonyEvent> Events => _events.Reader;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LogInAsync(string agentId, string extension, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task LogOutAsync(string agentId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task SetReadyAsync(string agentId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<string> OriginateAsync(string agentId, string number, string? ticketNumber, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task MonitorAsync(string supervisorExtension, string agentId, MonitorMode mode, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
