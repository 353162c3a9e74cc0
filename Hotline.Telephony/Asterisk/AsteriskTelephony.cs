using System.Collections.Concurrent;
using System.Threading.Channels;
using Hotline.Telephony.Ami;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Asterisk;

/// <summary>
/// The switch on real Asterisk nodes, over AMI: one <see cref="AmiClient"/> and one <see cref="AmiEventMapper"/>
/// per node, each node's events in order, all nodes merged into one bounded stream with one consumer.
/// After every login the node is resynchronised from QueueStatus and CoreShowChannels (in-stream, so the lists
/// land in order with the live events). Commands are AMI actions: QueueAdd/QueueRemove (log in/out),
/// QueuePause (ready/not ready with reason), Originate (outbound calls; ChanSpy for supervisors).
/// </summary>
public sealed class AsteriskTelephony : ITelephony, IDialplanPublisher, IAsyncDisposable
{
    private readonly AsteriskOptions _options;
    private readonly int _callbackAfterSeconds;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<TelephonyEvent> _events = Channel.CreateBounded<TelephonyEvent>(
        new BoundedChannelOptions(100_000) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    private readonly List<Node> _nodes = [];
    private readonly ConcurrentDictionary<string, Seat> _seats = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _pump;

    private const int ResyncAttempts = 120;

    /// <summary>The queue_log window starts this much before the link-down: the last events before a cut may never
    /// have reached us. Calls already seen are not replayed, so the margin cannot double count.</summary>
    private static readonly TimeSpan QueueLogMargin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ResyncRetryDelay = TimeSpan.FromMilliseconds(500);

    /// <exception cref="InvalidOperationException">The Asterisk settings are invalid; the message names each setting.</exception>
    public AsteriskTelephony(IOptions<TelephonyOptions> options, TimeProvider time, ILoggerFactory? loggers = null, Func<AmiClientSettings, AmiClientSettings>? tune = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value.Asterisk;
        _callbackAfterSeconds = options.Value.Callbacks.OfferAfterSeconds;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }

        _time = time;
        loggers ??= NullLoggerFactory.Instance;
        _logger = loggers.CreateLogger<AsteriskTelephony>();
        var several = _options.Nodes.Count > 1;
        foreach (var node in _options.Nodes)
        {
            var settings = new AmiClientSettings { Name = node.Name, Host = node.Ami.Host, Port = node.Ami.Port, User = node.Ami.User, Secret = node.Ami.Secret, EventFilter = AmiEventMapper.Maps };
            var client = new AmiClient(tune?.Invoke(settings) ?? settings, time, loggers.CreateLogger<AmiClient>()) { Connected = ResyncAsync };
            var mapper = new AmiEventMapper(node.Name, several ? node.Name + ":" : "", loggers.CreateLogger<AmiEventMapper>(), TimeSpan.FromSeconds(_options.WrapUpSeconds))
            {
                RemembersEndedCalls = !string.IsNullOrWhiteSpace(node.QueueLogPath),
            };
            _nodes.Add(new Node(node.Name, client, mapper, node.IvrIncludePath, node.QueueLogPath));
        }
    }

    public ChannelReader<TelephonyEvent> Events => _events.Reader;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_pump is not null) return Task.CompletedTask;
        foreach (var node in _options.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Ari.BaseUrl))
            {
                _logger.LogWarning("Asterisk {Node}: no ARI settings (Hotline:Telephony:Asterisk:Nodes:*:Ari); the node runs on AMI alone, and what needs ARI (recordings on the switch without a local RecordingsPath) is off", node.Name);
            }
        }

        foreach (var node in _nodes.Where(n => string.IsNullOrWhiteSpace(n.QueueLogPath)))
        {
            _logger.LogInformation("Asterisk {Node}: no {Section}:Nodes:*:QueueLogPath; calls that start and end during an AMI outage are not reconciled", node.Name, AsteriskOptions.Section);
        }

        foreach (var node in _nodes) node.Client.Start();
        _pump = Task.WhenAll(_nodes.Select(n => PumpAsync(n, _stop.Token)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stop.IsCancellationRequested) return;
        // Closing the clients makes each pump forward the final link-down, then end.
        foreach (var node in _nodes) await node.Client.DisposeAsync().ConfigureAwait(false);
        if (_pump is not null) await _pump.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _events.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
    }

    public Task LogInAsync(string agentId, string extension, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        RequireDialable(extension, nameof(extension));
        var node = _seats.TryGetValue(agentId, out var known) ? known.Node : FirstConnected();
        _seats[agentId] = new Seat(node, extension);
        var device = Device(extension);
        // A seat starts NotReady until the agent says Ready, so it joins paused.
        return SendAsync(node, new AmiAction("QueueAdd").Add("Queue", _options.Queue).Add("Interface", device).Add("MemberName", agentId)
            .Add("StateInterface", device).Add("Penalty", "0").Add("Paused", "true"), cancellationToken);
    }

    public Task LogOutAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var seat = SeatOf(agentId);
        return SendAsync(seat.Node, new AmiAction("QueueRemove").Add("Queue", _options.Queue).Add("Interface", Device(seat.Extension)), cancellationToken);
    }

    public Task SetReadyAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var seat = SeatOf(agentId);
        return SendAsync(seat.Node, new AmiAction("QueuePause").Add("Queue", _options.Queue).Add("Interface", Device(seat.Extension)).Add("Paused", "false"), cancellationToken);
    }

    public Task SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken = default)
    {
        var seat = SeatOf(agentId);
        return SendAsync(seat.Node, new AmiAction("QueuePause").Add("Queue", _options.Queue).Add("Interface", Device(seat.Extension))
            .Add("Paused", "true").Add("Reason", reason), cancellationToken);
    }

    /// <summary>Rings the agent's device first; when it answers, the dialplan's outbound context dials the citizen
    /// showing <see cref="AsteriskOptions.OutboundCallerId"/>. The call id is the agent leg's Uniqueid, set by us.</summary>
    public Task<string> OriginateAsync(string agentId, string number, string? ticketNumber, CancellationToken cancellationToken = default)
    {
        var seat = SeatOf(agentId);
        return OriginateAsync(seat.Node, agentId, seat.Extension, number, ticketNumber, cancellationToken);
    }

    /// <summary>As <see cref="OriginateAsync(string, string, string?, CancellationToken)"/> from a desk that is not (or not yet)
    /// a queue member, e.g. a back-office seat making a callback: its own extension is rung first.</summary>
    public Task<string> OriginateAsync(string agentId, string extension, string number, string? ticketNumber, CancellationToken cancellationToken = default)
    {
        RequireDialable(extension, nameof(extension));
        var node = _seats.TryGetValue(agentId, out var seat) ? seat.Node : FirstConnected();
        return OriginateAsync(node, agentId, extension, number, ticketNumber, cancellationToken);
    }

    private async Task<string> OriginateAsync(Node node, string agentId, string extension, string number, string? ticketNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        RequireDialable(number, nameof(number));
        var uid = $"out-{Guid.NewGuid():N}";
        var callId = _nodes.Count > 1 ? $"{node.Name}:{uid}" : uid;
        var action = new AmiAction("Originate").Add("Channel", Device(extension)).Add("Context", _options.OutboundContext)
            .Add("Exten", number).Add("Priority", "1").Add("Async", "true").Add("Timeout", "30000").Add("ChannelId", uid)
            .Add("CallerID", string.IsNullOrEmpty(_options.OutboundCallerId) ? null : _options.OutboundCallerId)
            .Add("Variable", "HOTLINE_TICKET=" + (ticketNumber ?? "")).Add("Variable", "HOTLINE_AGENT=" + agentId);
        await SendAsync(node, action, cancellationToken).ConfigureAwait(false);
        await _events.Writer.WriteAsync(new OutboundCallStarted(_time.GetUtcNow(), callId, agentId, number, ticketNumber), cancellationToken).ConfigureAwait(false);
        return callId;
    }

    public async Task<IReadOnlyList<DialplanPublishResult>> PublishIvrAsync(string includeText, IReadOnlyCollection<string> expectedExtensions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(includeText);
        ArgumentNullException.ThrowIfNull(expectedExtensions);
        var results = new List<DialplanPublishResult>(_nodes.Count);
        foreach (var node in _nodes)
        {
            results.Add(await PublishIvrAsync(node, includeText, expectedExtensions, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<DialplanPublishResult> PublishIvrAsync(Node node, string includeText, IReadOnlyCollection<string> expectedExtensions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(node.IvrIncludePath))
        {
            return new(node.Name, DialplanPublishOutcome.NoPath, $"{AsteriskOptions.Section}:Nodes:*:IvrIncludePath is not set for node {node.Name}");
        }

        if (!node.Client.IsConnected)
        {
            return new(node.Name, DialplanPublishOutcome.NotConnected, "the AMI link is down");
        }

        try
        {
            // Write beside it, then rename: Asterisk never reads a half-written file.
            var temporary = node.IvrIncludePath + ".tmp";
            await File.WriteAllTextAsync(temporary, includeText, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, node.IvrIncludePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Asterisk {Node}: writing the IVR include to {Path} failed", node.Name, node.IvrIncludePath);
            return new(node.Name, DialplanPublishOutcome.WriteFailed, ex.Message);
        }

        try
        {
            var reload = await node.Client.SendAsync(new AmiAction("Command").Add("Command", "dialplan reload"), cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Asterisk {Node}: dialplan reload: {Output}", node.Name, CommandOutput(reload));
            var shown = CommandOutput(await node.Client.SendAsync(new AmiAction("Command").Add("Command", "dialplan show hotline-ivr"), cancellationToken).ConfigureAwait(false));
            var missing = expectedExtensions.Where(e => !shown.Contains($"'{e}' =>", StringComparison.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                _logger.LogWarning("Asterisk {Node}: after the reload [hotline-ivr] lacks {Missing}: {Shown}", node.Name, string.Join(", ", missing), shown);
                return new(node.Name, DialplanPublishOutcome.NotLoaded, "missing extensions after reload: " + string.Join(", ", missing));
            }
        }
        catch (Exception ex) when (ex is AmiActionException or TimeoutException or IOException or InvalidOperationException)
        {
            _logger.LogWarning(ex, "Asterisk {Node}: dialplan reload failed", node.Name);
            return new(node.Name, DialplanPublishOutcome.ReloadFailed, ex.Message);
        }

        return new(node.Name, DialplanPublishOutcome.Applied, "dialplan reloaded");
    }

    /// <summary>The <c>Output</c> lines of a <c>Command</c> response (Asterisk sends one field per line).</summary>
    private static string CommandOutput(AmiFrame response)
    {
        var lines = new List<string>();
        for (var i = 0; i < response.Count; i++)
        {
            if (string.Equals(response.GetKey(i), "Output", StringComparison.OrdinalIgnoreCase)) lines.Add(response.GetValue(i));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Rings the supervisor's device; when answered it spies on the seat (q = quiet, w = whisper, B = barge).</summary>
    public Task MonitorAsync(string supervisorExtension, string agentId, MonitorMode mode, CancellationToken cancellationToken = default)
    {
        RequireDialable(supervisorExtension, nameof(supervisorExtension));
        var seat = SeatOf(agentId);
        var options = mode switch { MonitorMode.Whisper => "qw", MonitorMode.Barge => "qB", _ => "q" };
        return SendAsync(seat.Node, new AmiAction("Originate").Add("Channel", Device(supervisorExtension)).Add("Context", _options.MonitorContext)
            .Add("Exten", seat.Extension).Add("Priority", "1").Add("Async", "true").Add("Timeout", "30000")
            .Add("CallerID", $"{mode} {agentId} <{seat.Extension}>").Add("Variable", "SPYOPTS=" + options), cancellationToken);
    }

    private async Task PumpAsync(Node node, CancellationToken cancellationToken)
    {
        var batch = new List<TelephonyEvent>(8);
        var messages = node.Client.Messages;
        try
        {
            while (true)
            {
                batch.Clear();
                var due = node.Mapper.NextWrapUpEnd;
                var left = due is { } end ? end - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
                if (due is not null && left <= TimeSpan.Zero)
                {
                    // Checked before each message too, so a busy stream does not hold back the end of a wrap-up.
                    node.Mapper.EndWrapUps(_time.GetUtcNow(), batch);
                }
                else if (messages.TryRead(out var message))
                {
                    var outageStart = message.Kind == AmiMessageKind.LinkUp ? node.Mapper.OutageStart : null;
                    node.Mapper.Map(message, batch);
                    // Right after the link-up, before the resync lists (asked for on login) come through the stream.
                    if (outageStart is { } down) ReconcileFromQueueLog(node, down, message.At, batch);
                }
                else if (due is null)
                {
                    if (!await messages.WaitToReadAsync(cancellationToken).ConfigureAwait(false)) break;
                    continue;
                }
                else
                {
                    // Asterisk says nothing when a wrap-up ends: wait for the next message or the wrap-up's end.
                    using var wait = new CancellationTokenSource(left, _time);
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
                    try
                    {
                        if (!await messages.WaitToReadAsync(either.Token).ConfigureAwait(false)) break;
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                    }

                    continue;
                }

                foreach (var e in batch)
                {
                    Learn(node, e);
                    await _events.Writer.WriteAsync(e, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Replays from the node's queue_log the calls the mapper never saw during the outage.</summary>
    private void ReconcileFromQueueLog(Node node, DateTimeOffset down, DateTimeOffset up, List<TelephonyEvent> output)
    {
        if (string.IsNullOrWhiteSpace(node.QueueLogPath)) return;
        QueueLogRead read;
        try
        {
            using var stream = new FileStream(node.QueueLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            read = QueueLogReader.Read(reader, down - QueueLogMargin, up);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Asterisk {Node}: reading the queue_log {Path} failed; calls wholly inside the outage are not reconciled", node.Name, node.QueueLogPath);
            return;
        }

        var calls = node.Mapper.Reconcile(read.Entries, output);
        _logger.LogInformation("Asterisk {Node}: outage {Down:O} to {Up:O}: {Calls} unseen calls reconciled from {Entries} queue_log entries ({Skipped} malformed lines skipped)",
            node.Name, down, up, calls, read.Entries.Count, read.Skipped);
    }

    /// <summary>Remembers on which node and extension each seat is, from the events (covers seats logged in before we started).</summary>
    private void Learn(Node node, TelephonyEvent e)
    {
        switch (e)
        {
            case SeatLoggedIn i: _seats[i.AgentId] = new Seat(node, i.Extension); break;
            case SeatLoggedOut o: _seats.TryRemove(o.AgentId, out _); break;
        }
    }

    /// <summary>Asks for the lists that resynchronise the node; their events come through the stream in order.</summary>
    private async Task ResyncAsync(AmiClient client, CancellationToken cancellationToken)
    {
        // Asterisk accepts AMI logins while it is still loading modules: until app_queue is loaded, QueueStatus
        // is an unknown command. Ask again until the queue module answers (the link's token ends the wait).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.SendAsync(new AmiAction("QueueStatus"), cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (AmiActionException ex) when (client.IsConnected && attempt < ResyncAttempts)
            {
                _logger.LogInformation("Asterisk {Node}: QueueStatus refused ({Reason}); Asterisk may still be starting, asking again", client.Name, ex.Message);
                await Task.Delay(ResyncRetryDelay, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        await client.SendAsync(new AmiAction("CoreShowChannels"), cancellationToken).ConfigureAwait(false);
        await CheckQueueConfigAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Warns when the node's queues.conf and the callback setting disagree (<see cref="QueueConfigCheck"/>).</summary>
    private async Task CheckQueueConfigAsync(AmiClient client, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.SendAsync(QueueConfigCheck.Request(_options.Queue), cancellationToken).ConfigureAwait(false);
            foreach (var problem in QueueConfigCheck.Problems(response, _options.Queue, _callbackAfterSeconds))
            {
                _logger.LogWarning("Asterisk {Node}: {Problem}", client.Name, problem);
            }
        }
        catch (Exception ex) when (ex is AmiActionException or TimeoutException)
        {
            // Only a check: the link and the resync stand without it.
            _logger.LogInformation("Asterisk {Node}: queues.conf could not be read over AMI ({Reason}); the callback settings are not checked", client.Name, ex.Message);
        }
    }

    /// <summary>Sends and waits for Asterisk's answer; an error answer throws <see cref="AmiActionException"/>.</summary>
    private static Task SendAsync(Node node, AmiAction action, CancellationToken cancellationToken) =>
        node.Client.SendAsync(action, cancellationToken);

    private Node FirstConnected() => _nodes.FirstOrDefault(n => n.Client.IsConnected) ?? _nodes[0];

    private Seat SeatOf(string agentId) =>
        _seats.TryGetValue(agentId, out var seat) ? seat : throw new InvalidOperationException($"Agent {agentId} is not logged in.");

    private string Device(string extension) => _options.AgentDevice.Replace("{extension}", extension, StringComparison.Ordinal);

    /// <summary>Extensions and numbers go into channel names and dialplan: digits (and a leading +) only.</summary>
    private static void RequireDialable(string value, string name)
    {
        var digits = value is ['+', ..] ? value.AsSpan(1) : value.AsSpan();
        if (digits.IsEmpty || digits.Length > 32 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException($"'{value}' is not a dialable number (digits only).", name);
        }
    }

    private sealed record Node(string Name, AmiClient Client, AmiEventMapper Mapper, string IvrIncludePath, string QueueLogPath);

    private sealed record Seat(Node Node, string Extension);
}
