using System.Diagnostics;
using System.Threading.Channels;
using Hotline.Telephony;

namespace Hotline.Benchmarks;

/// <summary>
/// A switch that replays pre-generated events at a fixed real-time rate and remembers when each one entered
/// the stream (Stopwatch ticks), so a client can tell how late it saw it.
/// </summary>
public sealed class ScriptedSwitch(IReadOnlyList<TelephonyEvent> script, int eventsPerSecond, TimeProvider time) : ITelephony
{
    private readonly Channel<TelephonyEvent> _events = Channel.CreateUnbounded<TelephonyEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Stopwatch timestamp at which event number i (1-based, as counted by LiveState) was written.</summary>
    public long[] WrittenAt { get; } = new long[script.Count + 2];

    public int Written { get; private set; }

    public ChannelReader<TelephonyEvent> Events => _events.Reader;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = ReplayAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stop.Cancel();
        _events.Writer.TryComplete();
        return Task.CompletedTask;
    }

    private async Task ReplayAsync(CancellationToken ct)
    {
        Write(new SwitchLinkUp(time.GetUtcNow(), "bench"));
        // Batches every 10 ms: 2,000/s arrive as 20 events per tick, like a busy switch's bursts. Below 100/s a tick
        // writes only what is due, so a quiet centre's rate (a few events a second) holds too.
        var perTick = eventsPerSecond / 100;
        var clock = Stopwatch.StartNew();
        var next = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (next < script.Count && await TickAsync(timer, ct))
        {
            // Catch up after a late tick so the average rate holds.
            var due = Math.Min(script.Count, (int)(clock.Elapsed.TotalSeconds * eventsPerSecond));
            var until = Math.Max(Math.Min(script.Count, next + perTick), due);
            var now = time.GetUtcNow();
            for (; next < until; next++)
            {
                Write(script[next] with { At = now });
            }
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Write(TelephonyEvent e)
    {
        WrittenAt[++Written] = Stopwatch.GetTimestamp();
        _events.Writer.TryWrite(e);
    }

    public Task LogInAsync(string agentId, string extension, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task LogOutAsync(string agentId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetReadyAsync(string agentId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<string> OriginateAsync(string agentId, string number, string? ticketNumber, CancellationToken cancellationToken = default)
        => Task.FromResult("bench");

    public Task MonitorAsync(string supervisorExtension, string agentId, MonitorMode mode, CancellationToken cancellationToken = default)
        => Task.CompletedTask;
}
