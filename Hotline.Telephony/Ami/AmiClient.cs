using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Telephony.Ami;

/// <summary>
/// An AMI connection that stays up: connect, log in (events on), read frames with one async reader, correlate
/// responses by ActionID, collect event lists, ping when idle, and reconnect with exponential backoff forever.
/// Events and link changes go, in order, to one bounded channel with one consumer (<see cref="Messages"/>).
/// The consumer must not await actions inline: the reader waits for the consumer when the channel is full,
/// and the action's response would then never be read.
/// </summary>
public sealed class AmiClient : IAsyncDisposable
{
    private readonly AmiClientSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<AmiMessage> _messages;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private long _nextActionId;
    private Stream? _stream;
    private Task? _loop;
    private long _lastActivity;
    private readonly Func<ReadOnlySpan<byte>, bool>? _wantEvent;
    private int _collecting;

    public AmiClient(AmiClientSettings settings, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _settings = settings;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _messages = Channel.CreateBounded<AmiMessage>(new BoundedChannelOptions(settings.EventCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        if (settings.EventFilter is { } filter)
        {
            // While an event list is being collected every event is kept: its items may be events nobody maps.
            _wantEvent = name => filter(name) || Volatile.Read(ref _collecting) > 0;
        }
    }

    public string Name => _settings.Name;

    /// <summary>Events and link changes in the order they happened. One consumer.</summary>
    public ChannelReader<AmiMessage> Messages => _messages.Reader;

    public bool IsConnected => Volatile.Read(ref _stream) is not null;

    /// <summary>
    /// Runs after each login, outside the reader (so it may send actions and await them), while events flow.
    /// The bridge uses it to ask for the lists that resynchronise its picture.
    /// </summary>
    public Func<AmiClient, CancellationToken, Task>? Connected { get; set; }

    /// <summary>Starts connecting in the background and returns at once.</summary>
    public void Start()
    {
        _loop ??= RunAsync(_stop.Token);
    }

    /// <summary>Sends an action and returns its response frame.</summary>
    /// <exception cref="AmiActionException">Response: Error, or the link was lost.</exception>
    /// <exception cref="TimeoutException">No response within the action timeout.</exception>
    public async Task<AmiFrame> SendAsync(AmiAction action, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(collect: false);
        var response = await SendCoreAsync(action, pending, cancellationToken).ConfigureAwait(false);
        return response[0];
    }

    /// <summary>Sends an action that answers with an event list and returns the list's events (without the final <c>…Complete</c>).</summary>
    public async Task<IReadOnlyList<AmiFrame>> SendListAsync(AmiAction action, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _collecting);
        try
        {
            return await SendCoreAsync(action, new Pending(collect: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _collecting);
        }
    }

    private async Task<IReadOnlyList<AmiFrame>> SendCoreAsync(AmiAction action, Pending pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var stream = Volatile.Read(ref _stream) ?? throw new AmiActionException($"AMI {Name}: not connected, {action.Name} not sent.");
        var id = $"{Name}-{Interlocked.Increment(ref _nextActionId)}";
        _pending[id] = pending;
        try
        {
            await WriteAsync(stream, action.Encode(id), cancellationToken).ConfigureAwait(false);
            return await pending.Result.Task.WaitAsync(_settings.ActionTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"AMI {Name}: no response to {action.Name} within {_settings.ActionTimeout.TotalSeconds} s.");
        }
        catch (IOException ex)
        {
            throw new AmiActionException($"AMI {Name}: {action.Name} not sent: {ex.Message}");
        }
        catch (ObjectDisposedException)
        {
            throw new AmiActionException($"AMI {Name}: link closed, {action.Name} not sent.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task WriteAsync(Stream stream, byte[] bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        await Task.Yield();
        var failures = 0;
        var down = true; // the first link-down is implicit: the link starts down
        while (!stop.IsCancellationRequested)
        {
            string reason;
            try
            {
                using var tcp = new TcpClient { NoDelay = true };
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
                {
                    connectTimeout.CancelAfter(_settings.ConnectTimeout);
                    await tcp.ConnectAsync(_settings.Host, _settings.Port, connectTimeout.Token).ConfigureAwait(false);
                }

                await using var stream = tcp.GetStream();
                var reader = new AmiFrameReader(stream, _logger, wantEvent: _wantEvent);
                await LogInAsync(stream, reader, stop).ConfigureAwait(false);
                failures = 0;
                down = false;
                Touch();
                Volatile.Write(ref _stream, stream);
                _logger.LogInformation("AMI {Node}: logged in to {Host}:{Port} ({Banner})", Name, _settings.Host, _settings.Port, reader.Banner);
                await _messages.Writer.WriteAsync(new AmiMessage(AmiMessageKind.LinkUp, _time.GetUtcNow(), null, null), stop).ConfigureAwait(false);

                using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
                var keepAlive = KeepAliveAsync(stream, connection.Token);
                var connected = RunConnectedHookAsync(connection.Token);
                try
                {
                    reason = await ReadLoopAsync(reader, stop).ConfigureAwait(false);
                }
                finally
                {
                    Volatile.Write(ref _stream, null);
                    await connection.CancelAsync().ConfigureAwait(false);
                    tcp.Close();
                    await keepAlive.ConfigureAwait(false);
                    await connected.ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is SocketException or IOException or AmiActionException or OperationCanceledException or TimeoutException)
            {
                reason = ex is OperationCanceledException ? "connect timed out" : ex.Message;
            }

            FailPending(reason);
            if (!down)
            {
                down = true;
                _logger.LogWarning("AMI {Node}: link down ({Reason}); reconnecting", Name, reason);
                await _messages.Writer.WriteAsync(new AmiMessage(AmiMessageKind.LinkDown, _time.GetUtcNow(), null, reason), CancellationToken.None).ConfigureAwait(false);
            }
            else if (failures == 0 || failures % 20 == 0)
            {
                _logger.LogWarning("AMI {Node}: cannot connect to {Host}:{Port} ({Reason}); still trying", Name, _settings.Host, _settings.Port, reason);
            }

            try
            {
                await Task.Delay(RetryDelay(failures++), _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        FailPending("stopped");
        if (!down)
        {
            _messages.Writer.TryWrite(new AmiMessage(AmiMessageKind.LinkDown, _time.GetUtcNow(), null, "stopped"));
        }

        _messages.Writer.TryComplete();
    }

    /// <summary>Exponential backoff, capped; it never gives up.</summary>
    internal TimeSpan RetryDelay(int failures)
    {
        var ticks = _settings.FirstRetryDelay.Ticks * Math.Pow(2, Math.Min(failures, 30));
        return TimeSpan.FromTicks((long)Math.Min(ticks, _settings.MaxRetryDelay.Ticks));
    }

    private async Task LogInAsync(Stream stream, AmiFrameReader reader, CancellationToken stop)
    {
        var login = new AmiAction("Login").Add("Username", _settings.User).Add("Secret", _settings.Secret).Add("Events", "on");
        const string id = "login";
        await stream.WriteAsync(login.Encode(id), stop).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(_settings.ActionTimeout);
        while (await reader.ReadAsync(timeout.Token).ConfigureAwait(false) is { } frame)
        {
            if (frame.Response is { } response && frame.ActionId == id)
            {
                if (string.Equals(response, "Success", StringComparison.OrdinalIgnoreCase)) return;
                throw new AmiActionException($"login refused: {frame["Message"]}");
            }
        }

        throw new IOException("connection closed during login");
    }

    private async Task<string> ReadLoopAsync(AmiFrameReader reader, CancellationToken stop)
    {
        try
        {
            while (await reader.ReadAsync(stop).ConfigureAwait(false) is { } frame)
            {
                Touch();
                if (frame.Response is not null)
                {
                    OnResponse(frame);
                }
                else if (frame.ActionId is { } id && _pending.TryGetValue(id, out var list) && list.Collect)
                {
                    list.Add(frame);
                }
                else
                {
                    if (!_messages.Writer.TryWrite(new AmiMessage(AmiMessageKind.Event, _time.GetUtcNow(), frame, null)))
                    {
                        await _messages.Writer.WriteAsync(new AmiMessage(AmiMessageKind.Event, _time.GetUtcNow(), frame, null), stop).ConfigureAwait(false);
                        Touch(); // waiting for the consumer is not a dead link
                    }
                }
            }

            return "connection closed by Asterisk";
        }
        catch (IOException ex)
        {
            return ex.Message;
        }
        catch (ObjectDisposedException)
        {
            return "connection closed";
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return "connection closed";
        }
    }

    private void OnResponse(AmiFrame frame)
    {
        if (frame.ActionId is not { } id || !_pending.TryGetValue(id, out var pending))
        {
            return; // a late answer to an action that timed out, or one sent without waiting
        }

        if (string.Equals(frame.Response, "Error", StringComparison.OrdinalIgnoreCase))
        {
            pending.Result.TrySetException(new AmiActionException($"AMI {Name}: {frame["Message"] ?? "error"}"));
        }
        else if (!pending.Collect)
        {
            pending.Result.TrySetResult([frame]);
        }
    }

    private async Task KeepAliveAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_settings.PingInterval / 2, _time, cancellationToken).ConfigureAwait(false);
                var idle = _time.GetElapsedTime(Interlocked.Read(ref _lastActivity));
                if (idle >= _settings.DeadAfter)
                {
                    _logger.LogWarning("AMI {Node}: nothing read for {Seconds:0.0} s; dropping the link", Name, idle.TotalSeconds);
                    stream.Dispose(); // ends the reader, which reconnects
                    return;
                }

                if (idle >= _settings.PingInterval)
                {
                    // The answer (or any event) refreshes the activity; its result does not matter here.
                    _ = SendAsync(new AmiAction("Ping"), cancellationToken).ContinueWith(
                        static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RunConnectedHookAsync(CancellationToken cancellationToken)
    {
        if (Connected is not { } hook) return;
        try
        {
            await hook(this, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "AMI {Node}: the after-login step failed", Name);
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());

    private void FailPending(string reason)
    {
        foreach (var (id, pending) in _pending)
        {
            if (_pending.TryRemove(id, out _))
            {
                pending.Result.TrySetException(new AmiActionException($"AMI {Name}: link lost ({reason})"));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        Volatile.Read(ref _stream)?.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _messages.Writer.TryComplete();
        _stop.Dispose();
        _writeLock.Dispose();
    }

    private sealed class Pending(bool collect)
    {
        private readonly List<AmiFrame> _events = [];

        public bool Collect { get; } = collect;

        public TaskCompletionSource<IReadOnlyList<AmiFrame>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(AmiFrame frame)
        {
            if (frame.Is("EventList"u8, "Complete"u8))
            {
                Result.TrySetResult(_events);
            }
            else
            {
                _events.Add(frame);
            }
        }
    }
}
