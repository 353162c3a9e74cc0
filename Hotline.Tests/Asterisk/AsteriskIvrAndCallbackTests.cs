using static Hotline.Tests.Asterisk.AsteriskWait;
using System.Collections.Concurrent;
using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Telephony.Ami;
using Hotline.Telephony.Asterisk;
using Hotline.Telephony.Ivr;

namespace Hotline.Tests.Asterisk;

/// <summary>
/// Against the sandbox Asterisk: the IVR menu generated from data, written and reloaded over AMI; queue-overflow callback
/// requests; outbound calls and supervisor monitoring. The default menu is put back after each test.
/// </summary>
[Collection(nameof(AsteriskSandbox))]
public sealed class AsteriskIvrAndCallbackTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<TelephonyEvent> _seen = new();
    private readonly LiveState _live = new(new HotlineOptions { TimeZone = "UTC" });
    private readonly Lock _liveGate = new();
    private AsteriskTelephony _telephony = null!;
    private AmiClient _driver = null!;
    private Task _consumer = Task.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var (host, port) = await AsteriskSandbox.AmiAsync();
        _driver = await AsteriskSandbox.StartDriverAsync(host, port, 8, 8, Ct);

        _telephony = AsteriskSandbox.Bridge(host, port, node => node.IvrIncludePath = AsteriskSandbox.IvrIncludePath);
        await _telephony.StartAsync(Ct);
        _consumer = ConsumeAsync();
        await Until(() => _seen.Any(e => e is SwitchLinkUp), TimeSpan.FromSeconds(10), "the bridge's link-up");
    }

    public async ValueTask DisposeAsync()
    {
        // Put the shipped menu back for the other tests (digit 9 = self-service, callbacks after 60 s).
        await AsteriskSandbox.ResetAsync(_driver, CancellationToken.None);
        var restored = await _telephony.PublishIvrAsync(IvrDialplan.Generate(IvrMenu.Default(), "hotline", 60), IvrDialplan.Extensions(IvrMenu.Default()), CancellationToken.None);
        await _telephony.DisposeAsync();
        await _consumer;
        await _driver.DisposeAsync();
        Assert.True(restored.All(r => r.Succeeded), string.Join("; ", restored));
    }

    [Fact]
    public async Task Moving_self_service_to_digit_7_and_applying_it_serves_a_caller_who_presses_7()
    {
        var menu = IvrMenu.Default();
        menu.Options.Single(o => o.Node == "hours").Digit = "7";

        var results = await _telephony.PublishIvrAsync(IvrDialplan.Generate(menu, "hotline", 60), IvrDialplan.Extensions(menu), Ct);

        var result = Assert.Single(results);
        Assert.Equal(DialplanPublishOutcome.Applied, result.Outcome);
        Assert.Contains("\"7\"]?hours,1", await File.ReadAllTextAsync(AsteriskSandbox.IvrIncludePath, Ct));
        await CallAsync(8, "555307", ivrDigit: "7");
        await CallAsync(3, "555309", ivrDigit: "9"); // 9 is no longer an option: to the queue
        await Until(() => Count<CallSelfServed>() == 1 && Count<CallQueued>() == 1, TimeSpan.FromSeconds(15), "the self-service completion and the queued caller");
        Assert.Equal("hours", _seen.OfType<CallSelfServed>().Single().IvrNode);
        Assert.Equal(1, Today().SelfServed);
        Assert.Equal(1.0 / 2, Today().EffectiveConnectionRate, 3);
    }

    [Fact]
    public async Task The_agent_who_answers_sees_the_key_the_caller_pressed_in_the_shipped_menu()
    {
        var published = await _telephony.PublishIvrAsync(IvrDialplan.Generate(IvrMenu.Default(), "hotline", 60), IvrDialplan.Extensions(IvrMenu.Default()), Ct);
        Assert.True(published.All(r => r.Succeeded), string.Join("; ", published));
        await _telephony.LogInAsync("T9", "2009", Ct);
        await _telephony.SetReadyAsync("T9", Ct);
        await Until(() => _seen.Any(e => e is SeatReady { AgentId: "T9" }), TimeSpan.FromSeconds(5), "T9 ready");

        await CallAsync(10, "555903", ivrDigit: "3");

        await Until(() => _seen.Any(e => e is CallAnswered { AgentId: "T9" }), TimeSpan.FromSeconds(20), "T9 to answer");
        var left = _seen.OfType<CallLeftIvr>().Single();
        var answered = _seen.OfType<CallAnswered>().Single();
        Assert.Equal((answered.CallId, "3"), (left.CallId, left.Keys));
        SeatSnapshot seat;
        lock (_liveGate) seat = _live.Snapshot(DateTimeOffset.UtcNow).Seats.Single(s => s.AgentId == "T9");
        Assert.Equal("3 投诉举报", IvrPath.Describe(IvrMenu.Default(), seat.CurrentIvrKeys));
    }

    [Fact]
    public async Task The_shipped_queues_conf_read_over_ami_agrees_with_the_default_callback_setting()
    {
        var response = await _driver.SendAsync(QueueConfigCheck.Request("hotline"), Ct);

        Assert.Empty(QueueConfigCheck.Problems(response, "hotline", new CallbackOptions().OfferAfterSeconds));
        Assert.Single(QueueConfigCheck.Problems(response, "hotline", 45));
    }

    [Fact]
    public async Task A_menu_that_does_not_load_is_reported_as_not_applied()
    {
        // The file is written, but Asterisk's [hotline-ivr] then lacks the extension the check expects.
        var results = await _telephony.PublishIvrAsync("; broken on purpose\n[hotline-ivr]\nexten => s,1,Return()\n", ["s", "hours"], Ct);

        Assert.Equal(DialplanPublishOutcome.NotLoaded, Assert.Single(results).Outcome);
        Assert.Contains("hours", results[0].Detail);
    }

    [Fact]
    public async Task A_caller_who_presses_1_after_the_threshold_leaves_a_callback_request_and_is_not_an_abandon()
    {
        // Callbacks from 2 s of waiting; no seat logged in, so both callers wait in the queue.
        var published = await _telephony.PublishIvrAsync(IvrDialplan.Generate(IvrMenu.Default(), "hotline", 2), IvrDialplan.Extensions(IvrMenu.Default()), Ct);
        Assert.True(published.All(r => r.Succeeded), string.Join("; ", published));

        // The IVR takes about 3 s after the answer. One caller presses 1 about 5 s into the queue: a callback request.
        // The other presses 1 about half a second in (before the threshold), is put back in the queue and later hangs up: an abandon.
        await CallAsync(20, "555401", callbackAfter: 8);
        await CallAsync(8, "555402", callbackAfter: 3);

        await Until(() => Count<CallbackRequested>() == 1 && Count<CallAbandoned>() == 1, TimeSpan.FromSeconds(25), "the callback request and the abandon");
        var request = _seen.OfType<CallbackRequested>().Single();
        var queued = _seen.OfType<CallQueued>().First(q => q.CallId == request.CallId);
        Assert.Equal("555401", request.CallerNumber);
        Assert.Equal("hotline", request.Queue);
        Assert.Equal(queued.At, request.QueuedAt);
        Assert.InRange(request.WaitSeconds, 2, 10);
        var today = Today();
        Assert.Equal((2, 2, 0, 1, 1), (today.Offered, today.OfferedToAgents, today.Answered, today.Abandoned, today.CallbacksRequested));
        Assert.DoesNotContain(_seen.OfType<CallAbandoned>(), a => a.CallId == request.CallId);
    }

    [Fact]
    public async Task An_outbound_call_rings_the_agent_then_the_citizen_and_ends_linked_to_its_ticket()
    {
        await _telephony.LogInAsync("T7", "2007", Ct);
        await Until(() => _seen.Any(e => e is SeatLoggedIn { AgentId: "T7" }), TimeSpan.FromSeconds(5), "T7 logged in");
        var driverEvents = CollectDriverEvents();

        // The citizen leg is the sandbox caller Local/6@caller: it answers and stays 6 s; the agent would talk 30 s.
        await _driver.SendAsync(new AmiAction("Setvar").Add("Variable", "AGENT_2007_TALK").Add("Value", "30"), Ct);
        var callId = await _telephony.OriginateAsync("T7", "6", "YH20261127-0042", Ct);

        await Until(() => _seen.Any(e => e is CallEnded c && c.CallId == callId), TimeSpan.FromSeconds(20), "the outbound call to end");
        var started = _seen.OfType<OutboundCallStarted>().Single(o => o.CallId == callId);
        Assert.Equal(("T7", "6", "YH20261127-0042"), (started.AgentId, started.Number, started.TicketNumber));
        Assert.Contains(_seen, e => e is SeatOnCall { AgentId: "T7" } on && on.CallId == callId);
        var ended = _seen.OfType<CallEnded>().Single(c => c.CallId == callId);
        Assert.Equal("T7", ended.AgentId);
        Assert.InRange(ended.TalkSeconds, 4, 10);
        Assert.Equal(HangupParty.Caller, ended.HungUpBy); // the citizen hung up first
        // The citizen leg really was dialled, and saw the authorised number (外显).
        Assert.Contains(driverEvents, f => f.Event == "DialEnd" && f["DestChannel"]?.StartsWith("Local/6@caller", StringComparison.Ordinal) == true && f["DialStatus"] == "ANSWER");
        Assert.Contains(driverEvents, f => f.Event == "DialBegin" && f["DestChannel"]?.StartsWith("Local/6@caller", StringComparison.Ordinal) == true && f["DestConnectedLineNum"] == "12345");
        // The outbound call is not an inbound call: the KPIs do not count it.
        Assert.Equal(0, Today().Offered);
    }

    [Fact]
    public async Task An_outbound_call_the_agent_ends_first_is_ended_by_the_agent()
    {
        await _telephony.LogInAsync("T6", "2006", Ct);
        await Until(() => _seen.Any(e => e is SeatLoggedIn { AgentId: "T6" }), TimeSpan.FromSeconds(5), "T6 logged in");
        await _driver.SendAsync(new AmiAction("Setvar").Add("Variable", "AGENT_2006_TALK").Add("Value", "3"), Ct);

        var callId = await _telephony.OriginateAsync("T6", "20", null, Ct);

        await Until(() => _seen.Any(e => e is CallEnded c && c.CallId == callId), TimeSpan.FromSeconds(20), "the outbound call to end");
        Assert.Equal(HangupParty.Agent, _seen.OfType<CallEnded>().Single(c => c.CallId == callId).HungUpBy);
    }

    [Theory]
    [InlineData(MonitorMode.Listen, "q")]
    [InlineData(MonitorMode.Whisper, "qw")]
    [InlineData(MonitorMode.Barge, "qB")]
    public async Task Monitoring_a_seat_on_a_live_call_creates_the_supervisors_spy_channel(MonitorMode mode, string options)
    {
        await _telephony.LogInAsync("T8", "2008", Ct);
        await _telephony.SetReadyAsync("T8", Ct);
        await Until(() => _seen.Any(e => e is SeatReady { AgentId: "T8" }), TimeSpan.FromSeconds(5), "T8 ready");
        var driverEvents = CollectDriverEvents();
        await CallAsync(20, "555801");
        await Until(() => _seen.Any(e => e is CallAnswered { AgentId: "T8" }), TimeSpan.FromSeconds(15), "T8 to answer");

        await _telephony.MonitorAsync("2901", "T8", mode, Ct);

        await Until(() => driverEvents.Any(f => f.Event == "ChanSpyStart"), TimeSpan.FromSeconds(10), "the spy channel");
        var spy = driverEvents.First(f => f.Event == "ChanSpyStart");
        Assert.StartsWith("Local/2901@agents", spy["SpyerChannel"]);
        Assert.StartsWith("Local/2008@agents", spy["SpyeeChannel"]);
        var channels = await _driver.SendListAsync(new AmiAction("CoreShowChannels"), Ct);
        var spyer = channels.Single(c => c.Event == "CoreShowChannel" && c["Channel"] == spy["SpyerChannel"]);
        Assert.Equal(("ChanSpy", $"Local/2008@agents,{options}"), (spyer["Application"], spyer["ApplicationData"]));
    }

    /// <summary>Every event frame the test driver receives from now on (it logs in with all events).</summary>
    private ConcurrentQueue<AmiFrame> CollectDriverEvents()
    {
        var frames = new ConcurrentQueue<AmiFrame>();
        while (_driver.Messages.TryRead(out _))
        {
        }

        _ = Task.Run(async () =>
        {
            await foreach (var message in _driver.Messages.ReadAllAsync())
            {
                if (message.Frame is { } frame) frames.Enqueue(frame);
            }
        });
        return frames;
    }

    private async Task ConsumeAsync()
    {
        await foreach (var e in _telephony.Events.ReadAllAsync())
        {
            _seen.Enqueue(e);
            lock (_liveGate) _live.Apply(e);
        }
    }

    private Task CallAsync(int seconds, string number, string? ivrDigit = null, int? callbackAfter = null) =>
        _driver.SendAsync(AsteriskSandbox.Caller(seconds, number, ivrDigit, callbackAfter), Ct);

    private KpiFigures Today()
    {
        lock (_liveGate) return _live.Snapshot(DateTimeOffset.UtcNow).Today;
    }

    private int Count<T>() => _seen.Count(e => e is T);

}
