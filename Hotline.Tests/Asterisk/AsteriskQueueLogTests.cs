using static Hotline.Tests.Asterisk.AsteriskWait;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Hotline.Telephony;
using Hotline.Telephony.Ami;
using Hotline.Telephony.Asterisk;

namespace Hotline.Tests.Asterisk;

/// <summary>
/// Against the real sandbox: the bridge talks to Asterisk through a loopback relay the test can cut, so its AMI link
/// goes down while Asterisk keeps running and writing its queue_log. A call made and finished during the cut must be
/// counted exactly once after the link comes back.
/// </summary>
[Collection(nameof(AsteriskSandbox))]
public sealed class AsteriskQueueLogTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<TelephonyEvent> _seen = new();
    private AsteriskTelephony _telephony = null!;
    private AmiClient _driver = null!;
    private Relay _relay = null!;
    private Task _consumer = Task.CompletedTask;

    private static string QueueLogPath => AsteriskSandbox.InChroot("var/log/asterisk/queue_log");

    public async ValueTask InitializeAsync()
    {
        var (host, port) = await AsteriskSandbox.AmiAsync();
        _driver = await AsteriskSandbox.StartDriverAsync(host, port, 2, 3, Ct);

        _relay = new Relay(host, port);
        _relay.Open();
        _telephony = AsteriskSandbox.Bridge("127.0.0.1", _relay.Port, node => node.QueueLogPath = QueueLogPath, maxRetryDelay: TimeSpan.FromMilliseconds(500));
        await _telephony.StartAsync(Ct);
        _consumer = ConsumeAsync();
        await Until(() => _seen.Any(e => e is SwitchLinkUp), TimeSpan.FromSeconds(10), "the bridge's link-up");
    }

    public async ValueTask DisposeAsync()
    {
        await _telephony.DisposeAsync();
        await _consumer;
        _relay.Dispose();
        await _driver.DisposeAsync();
    }

    [Fact]
    public async Task A_call_made_and_finished_while_the_link_was_cut_is_counted_exactly_once_after_it_returns()
    {
        await _telephony.LogInAsync("Q1", "2001", Ct);
        await _telephony.SetReadyAsync("Q1", Ct);
        await Until(() => _seen.Any(e => e is SeatReady { AgentId: "Q1" }), TimeSpan.FromSeconds(5), "Q1 ready");

        var cutAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        _relay.Cut();
        await Until(() => _seen.Any(e => e is SwitchLinkDown), TimeSpan.FromSeconds(5), "the link down");

        // A caller who waits up to 25 s; the seat answers and talks 2-3 s, then hangs up: all while we are blind.
        await _driver.SendAsync(AsteriskSandbox.Caller(25, "555301"), Ct);
        string? callId = null;
        await Until(() => (callId = CompletedSince(cutAt)) is not null, TimeSpan.FromSeconds(40), "the call to complete in the queue_log");
        Assert.DoesNotContain(_seen, e => e is CallArrived);
        // Pause the seat behind the bridge's back: the resync's seat list then shows it, which marks the resync as read.
        await _driver.SendAsync(new AmiAction("QueuePause").Add("Queue", "hotline").Add("Interface", "Local/2001@agents")
            .Add("Paused", "true").Add("Reason", "mark"), Ct);

        _relay.Open();
        await Until(() => _seen.Count(e => e is SwitchLinkUp) == 2 && _seen.Any(e => e is CallEnded c && c.CallId == callId), TimeSpan.FromSeconds(15), "the link-up and the replay");
        // The resync (its QueueEntry list could add a waiting call) comes through the stream after the replay: wait for it too.
        await Until(() => _seen.Any(e => e is SeatNotReady { AgentId: "Q1", Reason: "mark" }), TimeSpan.FromSeconds(5), "the resync");

        // A call an earlier test left in the queue shortly before the cut is in the replay window too (the bridge never
        // saw it): it may be replayed, but every call that arrived since the cut is this test's, and it comes once.
        var arrived = Assert.Single(_seen.OfType<CallArrived>(), a => a.At >= DateTimeOffset.FromUnixTimeSeconds(cutAt));
        Assert.Equal((callId, "555301"), (arrived.CallId, arrived.CallerNumber));
        Assert.Single(_seen.OfType<CallArrived>(), a => a.CallId == callId);
        Assert.Single(_seen.OfType<CallQueued>(), q => q.CallId == callId);
        Assert.Equal("Q1", Assert.Single(_seen.OfType<CallAnswered>(), a => a.CallId == callId).AgentId);
        var ended = Assert.Single(_seen.OfType<CallEnded>(), e => e.CallId == callId);
        Assert.Equal(HangupParty.Agent, ended.HungUpBy);
        Assert.InRange(ended.TalkSeconds, 1, 4);
        Assert.DoesNotContain(_seen, e => e is CallAbandoned a && a.CallId == callId || e is CallDisconnected d && d.CallId == callId);
    }

    /// <summary>The call id of a COMPLETE entry for a call that entered the queue at or after <paramref name="since"/>.</summary>
    private static string? CompletedSince(long since)
    {
        using var stream = new FileStream(QueueLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var read = QueueLogReader.Read(reader, DateTimeOffset.FromUnixTimeSeconds(since), DateTimeOffset.MaxValue);
        var entered = read.Entries.Where(e => e.Event == "ENTERQUEUE").Select(e => e.CallId).ToHashSet();
        return read.Entries.FirstOrDefault(e => e.Event.StartsWith("COMPLETE", StringComparison.Ordinal) && entered.Contains(e.CallId))?.CallId;
    }

    private async Task ConsumeAsync()
    {
        await foreach (var e in _telephony.Events.ReadAllAsync()) _seen.Enqueue(e);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    /// <summary>A loopback TCP relay to AMI that can be cut (listener closed, connections dropped) and opened again on the same port.</summary>
    private sealed class Relay(string host, int port) : IDisposable
    {
        private readonly List<TcpClient> _connections = [];
        private readonly Lock _gate = new();
        private TcpListener? _listener;

        public int Port { get; private set; }

        public void Open()
        {
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _listener = listener;
            _ = AcceptAsync(listener);
        }

        public void Cut()
        {
            _listener?.Stop();
            _listener = null;
            lock (_gate)
            {
                foreach (var c in _connections) c.Dispose();
                _connections.Clear();
            }
        }

        public void Dispose() => Cut();

        private async Task AcceptAsync(TcpListener listener)
        {
            try
            {
                while (true)
                {
                    var inbound = await listener.AcceptTcpClientAsync();
                    var outbound = new TcpClient();
                    await outbound.ConnectAsync(host, port);
                    lock (_gate) _connections.AddRange([inbound, outbound]);
                    _ = PipeAsync(inbound, outbound);
                    _ = PipeAsync(outbound, inbound);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Cut: the listener is closed.
            }
        }

        private static async Task PipeAsync(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
            }
            finally
            {
                from.Dispose();
                to.Dispose();
            }
        }
    }
}
