using static Hotline.Tests.Asterisk.AsteriskWait;
using System.Collections.Concurrent;
using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Telephony.Ami;
using Hotline.Telephony.Asterisk;

namespace Hotline.Tests.Asterisk;

/// <summary>
/// Against a real Asterisk 22 (the sandbox): simulated callers and agents are Local channels (deploy/asterisk
/// extensions.conf [caller] and [agents]). These tests share one Asterisk, so they run one after another.
/// </summary>
[Collection(nameof(AsteriskSandbox))]
public sealed class AsteriskTelephonyTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<TelephonyEvent> _seen = new();
    private readonly LiveState _live = new(new HotlineOptions { TimeZone = "UTC" });
    private readonly Lock _liveGate = new();
    private AsteriskTelephony _telephony = null!;
    private AmiClient _driver = null!;
    private Task _consumer = Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        var (host, port) = await AsteriskSandbox.AmiAsync();
        // Short talk times keep the test fast.
        _driver = await AsteriskSandbox.StartDriverAsync(host, port, 2, 3, Ct);

        _telephony = AsteriskSandbox.Bridge(host, port);
        await _telephony.StartAsync(TestContext.Current.CancellationToken);
        _consumer = ConsumeAsync();
        await Until(() => _seen.Any(e => e is SwitchLinkUp), TimeSpan.FromSeconds(10), "the bridge's link-up");
    }

    public async ValueTask DisposeAsync()
    {
        await _telephony.DisposeAsync();
        await _consumer;
        await _driver.DisposeAsync();
    }

    [Fact]
    public async Task Callers_into_the_queue_are_counted_exactly_and_a_paused_seat_gets_no_more_calls()
    {
        await _telephony.LogInAsync("T1", "2001", Ct);
        await _telephony.LogInAsync("T2", "2002", Ct);
        await _telephony.SetReadyAsync("T1", Ct);
        await _telephony.SetReadyAsync("T2", Ct);
        await Until(() => Seat("T1") == SeatState.Ready && Seat("T2") == SeatState.Ready, TimeSpan.FromSeconds(5), "both seats ready");

        // Four callers who wait for an agent, one who gives up 3 s after joining the queue (behind the others),
        // one served by the IVR (digit 9), one who hangs up in the IVR menu.
        for (var i = 1; i <= 4; i++) await CallAsync(25, $"55510{i}");
        await CallAsync(20, "555109", digit: "9");
        await CallAsync(1, "555108");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await CallAsync(6, "555105");

        // Each seat takes two calls in turn (ring 1 s, talk 2-3 s, wrap-up 5 s): on a loaded machine that takes a while.
        await Until(() => Today().Answered + Today().Abandoned == 5 && Count<CallEnded>() == 4 && Count<CallDisconnected>() == 1, TimeSpan.FromSeconds(60),
            "all calls to finish", () => $"answered {Today().Answered}, abandoned {Today().Abandoned}, ended {Count<CallEnded>()}, disconnected {Count<CallDisconnected>()}");
        var today = Today();
        Assert.Equal((7, 5, 4, 1, 1), (today.Offered, today.OfferedToAgents, today.Answered, today.Abandoned, today.SelfServed));
        Assert.All(_seen.OfType<CallAnswered>(), a => Assert.InRange(a.WaitSeconds, 0.5, 30));
        Assert.Equal(2, _seen.OfType<CallAnswered>().Select(a => a.AgentId).Distinct().Count());

        // Pause T2: Asterisk stops offering it calls.
        await _telephony.SetNotReadyAsync("T2", "lunch", Ct);
        await Until(() => Seat("T2") == SeatState.NotReady, TimeSpan.FromSeconds(5), "T2 not ready");
        var offeredBefore = Count<CallOffered>();
        // T1 takes both in turn: the second waits for the first call and T1's wrap-up (queues.conf wrapuptime).
        await CallAsync(20, "555111");
        await CallAsync(20, "555112");
        await Until(() => Count<CallAnswered>() == 6, TimeSpan.FromSeconds(30), "two more answers");
        Assert.All(_seen.OfType<CallOffered>().Skip(offeredBefore), o => Assert.Equal("T1", o.AgentId));
        Assert.Contains(_seen, e => e is SeatNotReady { AgentId: "T2", Reason: "lunch" });
    }

    [Fact]
    public async Task After_a_call_the_seat_shows_wrap_up_for_the_queues_wrap_up_time_then_ready()
    {
        var wrapUp = new AsteriskOptions().WrapUpSeconds; // the shipped default, equal to deploy/asterisk/queues.conf
        await _telephony.LogInAsync("T4", "2004", Ct);
        await _telephony.SetReadyAsync("T4", Ct);
        await Until(() => Seat("T4") == SeatState.Ready, TimeSpan.FromSeconds(5), "T4 ready");

        await CallAsync(30, "555401");
        await Until(() => Count<CallEnded>() == 1, TimeSpan.FromSeconds(30), "the call to end");
        Assert.Equal(SeatState.WrapUp, Seat("T4"));
        var ended = _seen.OfType<CallEnded>().Single();

        await Until(() => Seat("T4") == SeatState.Ready, TimeSpan.FromSeconds(wrapUp + 3), "T4 ready again after its wrap-up");
        var ready = _seen.OfType<SeatReady>().Last(r => r.AgentId == "T4");
        Assert.Equal(wrapUp, (ready.At - ended.At).TotalSeconds, 1);
        // AHT = (talk + wrap-up) / handled, for the one call.
        Assert.Equal(ended.TalkSeconds + wrapUp, Today().AverageHandleTimeSeconds, 1);
    }

    [Fact]
    public async Task Stopping_asterisk_shows_the_link_down_within_3_seconds_and_a_restart_resyncs()
    {
        await _telephony.LogInAsync("T3", "2003", Ct);
        await Until(() => Seat("T3") == SeatState.NotReady, TimeSpan.FromSeconds(5), "T3 logged in");

        await AsteriskSandbox.RunScriptAsync("stop");
        var stopped = DateTimeOffset.UtcNow;
        await Until(() => _seen.Any(e => e is SwitchLinkDown), TimeSpan.FromSeconds(3), "link down within 3 s");
        Assert.False(Snapshot().SwitchLinkUp);

        await AsteriskSandbox.RunScriptAsync("start");
        await Until(() => _seen.Count(e => e is SwitchLinkUp) == 2, TimeSpan.FromSeconds(15), "link up again");
        // The restarted Asterisk has no members (persistentmembers = no): the resync logs the seat out.
        await Until(() => Seat("T3") == SeatState.LoggedOut, TimeSpan.FromSeconds(5), "the resync");
        Assert.True(Snapshot().SwitchLinkUp);
        Assert.True(DateTimeOffset.UtcNow - stopped < TimeSpan.FromSeconds(30));
    }

    private async Task ConsumeAsync()
    {
        await foreach (var e in _telephony.Events.ReadAllAsync())
        {
            _seen.Enqueue(e);
            lock (_liveGate) _live.Apply(e);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task CallAsync(int seconds, string number, string? digit = null) => _driver.SendAsync(AsteriskSandbox.Caller(seconds, number, digit), Ct);

    private LiveSnapshot Snapshot()
    {
        lock (_liveGate) return _live.Snapshot(DateTimeOffset.UtcNow);
    }

    private KpiFigures Today() => Snapshot().Today;

    private SeatState? Seat(string agentId) => Snapshot().Seats.FirstOrDefault(s => s.AgentId == agentId)?.State;

    private int Count<T>() => _seen.Count(e => e is T);

}
