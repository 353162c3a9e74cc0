using System.Threading.Channels;
using Hotline.Telephony.Ivr;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Simulation;

/// <summary>
/// The built-in simulated switch (embedded default): a <see cref="SimulationEngine"/> driven by the app's
/// <see cref="TimeProvider"/>. One loop sleeps until the next scheduled happening, runs the engine up to the
/// provider's current time and is the only writer of the bounded event channel. Commands take the same lock,
/// apply at the current time and wake the loop, so their events stay in order with the simulated ones.
/// </summary>
public sealed class SimulatedSwitch : ITelephony, IAsyncDisposable
{
    /// <summary>The node name in <see cref="SwitchLinkUp"/> / <see cref="SwitchLinkDown"/>.</summary>
    public const string NodeName = "simulated";

    // A long fast-forward is run in slices of simulated time so it streams through the bounded channel.
    private static readonly TimeSpan Slice = TimeSpan.FromMinutes(5);

    // Sleep at most this long at once, so a far-off (or missing) next happening never needs a huge timer.
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    private readonly Channel<TelephonyEvent> _events = Channel.CreateBounded<TelephonyEvent>(
        new BoundedChannelOptions(100_000) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly SimulationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<TelephonyEvent> _collect;
    private List<TelephonyEvent> _pending = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SimulationEngine? _engine;
    private IvrMenu _ivrMenu = IvrMenu.Default();
    private readonly int _callbackAfterSeconds;
    private CancellationTokenSource? _stop;
    private Task? _loop;

    /// <exception cref="InvalidOperationException">The simulation settings are invalid; the message names each setting.</exception>
    public SimulatedSwitch(IOptions<TelephonyOptions> options, TimeProvider time, ILogger<SimulatedSwitch>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value.Simulation;
        _callbackAfterSeconds = options.Value.Callbacks.OfferAfterSeconds;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }

        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _collect = e => _pending.Add(e);
        Roster = SimulationRoster.Build(_options);
    }

    public ChannelReader<TelephonyEvent> Events => _events.Reader;

    /// <summary>The rostered agents (ids A001…, names, extensions 8001…), for demo accounts that match the seats.</summary>
    public IReadOnlyList<SimulatedAgent> Roster { get; }

    /// <summary>Starts the simulation at the current time and returns at once. Does nothing if it is already running.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        TryStart(_time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts the simulation at <paramref name="from"/> (e.g. today's local midnight), runs it at once up to now and
    /// then continues live. The returned task completes when the backlog has been written to <see cref="Events"/>;
    /// a backlog larger than the channel (100,000 events) needs the consumer to be reading meanwhile.
    /// </summary>
    /// <exception cref="InvalidOperationException">The simulation is already running.</exception>
    public Task FastForwardAsync(DateTimeOffset from, CancellationToken cancellationToken = default)
    {
        if (from > _time.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "Fast-forward must start in the past.");
        }

        if (!TryStart(from))
        {
            throw new InvalidOperationException("The simulated switch is already running.");
        }

        return _caughtUp.Task.WaitAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stop is null || _loop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop.WaitAsync(cancellationToken);
        _events.Writer.TryWrite(new SwitchLinkDown(_time.GetUtcNow(), NodeName, "stopped"));
        _events.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stop?.Dispose();
        _stop = null; // a second dispose or stop finds nothing left to do
    }

    public Task LogInAsync(string agentId, string extension, CancellationToken cancellationToken = default)
    {
        // Logging in an agent who is already logged in changes nothing, as on a real switch.
        Apply(engine => engine.LogIn(agentId, extension, _collect));
        return Task.CompletedTask;
    }

    public Task LogOutAsync(string agentId, CancellationToken cancellationToken = default)
    {
        Require(Apply(engine => engine.LogOut(agentId, _collect)), agentId);
        return Task.CompletedTask;
    }

    public Task SetReadyAsync(string agentId, CancellationToken cancellationToken = default)
    {
        Require(Apply(engine => engine.SetReady(agentId, _collect)), agentId);
        return Task.CompletedTask;
    }

    public Task SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken = default)
    {
        Require(Apply(engine => engine.SetNotReady(agentId, reason, _collect)), agentId);
        return Task.CompletedTask;
    }

    public Task<string> OriginateAsync(string agentId, string number, string? ticketNumber, CancellationToken cancellationToken = default)
    {
        string? callId = Apply(engine => engine.Originate(agentId, number, ticketNumber, _collect));
        return callId is null
            ? Task.FromException<string>(new InvalidOperationException($"Agent {agentId} is not logged in or is busy on a call."))
            : Task.FromResult(callId);
    }

    /// <summary>A logged-in seat originates as usual; a desk outside the queue (a back-office callback) gets a call of its own.</summary>
    public Task<string> OriginateAsync(string agentId, string extension, string number, string? ticketNumber, CancellationToken cancellationToken = default)
    {
        var callId = Apply(engine => engine.GetSeatState(agentId) == SeatState.LoggedOut
            ? engine.OriginateFromDesk(agentId, number, ticketNumber, _collect)
            : engine.Originate(agentId, number, ticketNumber, _collect));
        return callId is null
            ? Task.FromException<string>(new InvalidOperationException($"Agent {agentId} is busy on a call."))
            : Task.FromResult(callId);
    }

    /// <summary>Accepted for a logged-in seat; the simulation has no audio, so nothing else happens.</summary>
    public Task MonitorAsync(string supervisorExtension, string agentId, MonitorMode mode, CancellationToken cancellationToken = default)
    {
        Require(Apply(engine => engine.GetSeatState(agentId) != SeatState.LoggedOut), agentId);
        return Task.CompletedTask;
    }

    private static void Require(bool applied, string agentId)
    {
        if (!applied)
        {
            throw new InvalidOperationException($"Agent {agentId} is not logged in.");
        }
    }

    private bool TryStart(DateTimeOffset from)
    {
        lock (_gate)
        {
            if (_engine is not null)
            {
                return false;
            }

            _engine = new SimulationEngine(_options, from, _callbackAfterSeconds);
            _engine.UseIvrMenu(_ivrMenu);
            _pending.Add(new SwitchLinkUp(from, NodeName));
            _stop = new CancellationTokenSource();
        }

        _logger.LogInformation(
            "Simulated switch starting at {From:O} (seed {Seed}, load factor {LoadFactor}, {Agents} rostered agents)",
            from, _options.Seed, _options.LoadFactor, Roster.Count);
        _loop = RunAsync(_stop.Token);
        return true;
    }

    /// <summary>The IVR menu simulated callers go through (the stored menu, applied by an Admin); before any, the shipped one.</summary>
    public void UseIvrMenu(IvrMenu menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        lock (_gate)
        {
            _ivrMenu = menu.Copy();
            _engine?.UseIvrMenu(_ivrMenu);
        }
    }

    /// <summary>Runs a command at the current time, under the loop's lock, and wakes the loop to forward its events.</summary>
    private T Apply<T>(Func<SimulationEngine, T> command)
    {
        lock (_gate)
        {
            var engine = _engine ?? throw new InvalidOperationException("The simulated switch has not been started.");
            engine.RunUntil(_time.GetUtcNow(), _collect);
            var result = command(engine);
            _wake.TrySetResult();
            return result;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // Leave StartAsync before doing any simulation work.
        await Task.Yield();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                List<TelephonyEvent> batch;
                DateTimeOffset? nextDue;
                Task wake;
                bool caughtUp;
                lock (_gate)
                {
                    var engine = _engine!;
                    var now = _time.GetUtcNow();
                    caughtUp = now - engine.Now <= Slice;
                    engine.RunUntil(caughtUp ? now : engine.Now + Slice, _collect);
                    batch = _pending;
                    _pending = [];
                    if (_wake.Task.IsCompleted)
                    {
                        _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    wake = _wake.Task;
                    nextDue = engine.NextDueAt;
                }

                foreach (var e in batch)
                {
                    await _events.Writer.WriteAsync(e, cancellationToken);
                }

                if (!caughtUp)
                {
                    continue;
                }

                _caughtUp.TrySetResult();
                await SleepAsync(nextDue, wake, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "Simulated switch failed");
            _events.Writer.TryWrite(new SwitchLinkDown(_time.GetUtcNow(), NodeName, ex.Message));
            _events.Writer.TryComplete();
            _caughtUp.TrySetException(ex);
        }
    }

    private async Task SleepAsync(DateTimeOffset? nextDue, Task wake, CancellationToken cancellationToken)
    {
        var delay = nextDue is { } due ? due - _time.GetUtcNow() : LongestSleep;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        // Whole milliseconds, rounded up, so a timer never fires just before the happening is due.
        delay = TimeSpan.FromMilliseconds(Math.Ceiling(Math.Min(delay.TotalMilliseconds, LongestSleep.TotalMilliseconds)));
        using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, _time, cancelDelay.Token);
        await Task.WhenAny(timer, wake);
        await cancelDelay.CancelAsync();
    }
}
