using System.Collections.Concurrent;
using System.Threading.Channels;
using Hotline.Telephony;

namespace Hotline.Tests.Ivr;

/// <summary>A switch for page tests: records what the product asks of it (dialplan publishes, originates).</summary>
public sealed class FakeDialplanSwitch : ITelephony, IDialplanPublisher
{
    private readonly Channel<TelephonyEvent> _events = Channel.CreateUnbounded<TelephonyEvent>();

    public ConcurrentQueue<string> Published { get; } = new();

    public ConcurrentQueue<(string AgentId, string Extension, string Number)> Originated { get; } = new();

    public DialplanPublishOutcome Outcome { get; set; } = DialplanPublishOutcome.Applied;

    public ChannelReader<TelephonyEvent> Events => _events.Reader;

    public Task<IReadOnlyList<DialplanPublishResult>> PublishIvrAsync(string includeText, IReadOnlyCollection<string> expectedExtensions, CancellationToken cancellationToken = default)
    {
        Published.Enqueue(includeText);
        return Task.FromResult<IReadOnlyList<DialplanPublishResult>>([new DialplanPublishResult("pbx1", Outcome, Outcome == DialplanPublishOutcome.Applied ? "dialplan reloaded" : "refused")]);
    }

    public Task<string> OriginateAsync(string agentId, string extension, string number, string? ticketNumber, CancellationToken cancellationToken = default)
    {
        Originated.Enqueue((agentId, extension, number));
        return Task.FromResult($"out-{Originated.Count}");
    }

    public Task<string> OriginateAsync(string agentId, string number, string? ticketNumber, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"Agent {agentId} is not logged in.");

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LogInAsync(string agentId, string extension, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task LogOutAsync(string agentId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetReadyAsync(string agentId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ConcurrentQueue<(string SupervisorExtension, string AgentId, MonitorMode Mode)> Monitored { get; } = new();

    public Task MonitorAsync(string supervisorExtension, string agentId, MonitorMode mode, CancellationToken cancellationToken = default)
    {
        Monitored.Enqueue((supervisorExtension, agentId, mode));
        return Task.CompletedTask;
    }
}
