using System.Threading.Channels;
using Hotline.Core;
using Hotline.Core.Calls;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Web.Hubs;
using Hotline.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Web;

public sealed class LiveFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingHubContext _hub = new();
    private readonly LiveHubConnections _connections = new();
    private readonly LiveProjection _projection = new(new LiveState(new HotlineOptions()), new CallRecorder());
    private readonly LiveFeed _feed;
    private readonly Channel<LiveSnapshot> _received = Channel.CreateUnbounded<LiveSnapshot>();

    public LiveFeedTests()
    {
        _feed = new LiveFeed(_hub, _connections, NullLogger<LiveFeed>.Instance);
        _feed.Subscribe(s => _received.Writer.WriteAsync(s).AsTask());
    }

    private LivePublisherService Publisher() => new(_projection, _feed, _time, NullLogger<LivePublisherService>.Instance);

    private async Task<LiveSnapshot> NextAsync() => await _received.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);

    private void Login(string agentId, string caller = "")
    {
        _projection.Apply(new SeatLoggedIn(_time.GetUtcNow(), agentId, "话务员" + agentId, "8" + agentId[1..]));
        _projection.Apply(new SeatReady(_time.GetUtcNow(), agentId));
        if (caller.Length > 0)
        {
            _projection.Apply(new CallArrived(_time.GetUtcNow(), "C-" + agentId, caller, "12345"));
            _projection.Apply(new CallQueued(_time.GetUtcNow(), "C-" + agentId, "12345", 1));
            _projection.Apply(new CallOffered(_time.GetUtcNow(), "C-" + agentId, agentId));
            _projection.Apply(new CallAnswered(_time.GetUtcNow(), "C-" + agentId, agentId, "12345", 3));
        }
    }

    [Fact]
    public async Task The_publisher_sends_a_snapshot_at_once_and_then_the_events_of_the_next_quarter_second()
    {
        using var publisher = Publisher();
        await publisher.StartAsync(Ct);
        var first = await NextAsync();

        Login("A001");
        _time.Advance(TimeSpan.FromMilliseconds(250));
        var second = await NextAsync();

        Assert.Equal(Start, first.GeneratedAt);
        Assert.Equal(Start.AddMilliseconds(250), second.GeneratedAt);
        Assert.Equal(_projection.EventsApplied, second.EventsApplied);
        await publisher.StopAsync(Ct);
    }

    [Fact]
    public async Task An_event_after_a_quiet_spell_goes_out_at_once_not_at_the_next_quarter_second()
    {
        using var publisher = Publisher();
        await publisher.StartAsync(Ct);
        await NextAsync();

        _time.Advance(TimeSpan.FromMilliseconds(400));
        // One event: the publisher may take its snapshot between two events of a batch applied one by one.
        _projection.Apply(new SeatLoggedIn(_time.GetUtcNow(), "A001", "话务员A001", "8001"));
        var next = await NextAsync();

        Assert.Equal(Start.AddMilliseconds(400), next.GeneratedAt);
        Assert.Equal(_projection.EventsApplied, next.EventsApplied);
        await publisher.StopAsync(Ct);
    }

    [Fact]
    public async Task An_event_soon_after_a_snapshot_goes_out_a_quarter_second_after_that_snapshot()
    {
        using var publisher = Publisher();
        await publisher.StartAsync(Ct);
        await NextAsync();

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Login("A001");
        _time.Advance(TimeSpan.FromMilliseconds(149));
        Assert.False(_received.Reader.TryRead(out _));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var next = await NextAsync();

        Assert.Equal(Start.AddMilliseconds(250), next.GeneratedAt);
        Assert.Equal(_projection.EventsApplied, next.EventsApplied);
        await publisher.StopAsync(Ct);
    }

    [Fact]
    public async Task Without_events_the_publisher_still_sends_one_snapshot_a_second_so_ages_tick()
    {
        using var publisher = Publisher();
        await publisher.StartAsync(Ct);
        await NextAsync();

        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }

        var next = await NextAsync();
        Assert.Equal(Start.AddSeconds(1), next.GeneratedAt);
        await publisher.StopAsync(Ct);
    }

    [Fact]
    public async Task A_steady_stream_of_events_gives_at_most_four_snapshots_a_second_and_the_last_has_them_all()
    {
        using var publisher = Publisher();
        await publisher.StartAsync(Ct);
        var snapshots = new List<LiveSnapshot> { await NextAsync() };

        for (var i = 0; i < 40; i++)
        {
            _projection.Apply(new SeatNotReady(_time.GetUtcNow(), "A001", i % 2 == 0 ? "小休" : "用餐"));
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var total = _projection.EventsApplied;
        while (snapshots[^1].EventsApplied != total)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            snapshots.Add(await NextAsync());
            while (_received.Reader.TryRead(out var more))
            {
                snapshots.Add(more);
            }
        }

        var gaps = snapshots.Zip(snapshots.Skip(1), (a, b) => b.GeneratedAt - a.GeneratedAt);
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(250), $"gap {gap}"));
        await publisher.StopAsync(Ct);
    }

    [Fact]
    public async Task The_hub_gets_masked_numbers_and_each_connected_agent_only_their_own_seat_in_full()
    {
        Login("A001", caller: "13812341234");
        Login("A002", caller: "13900001111");
        _connections.AgentConnected("A002");

        await _feed.PublishAsync(_projection.Snapshot(_time.GetUtcNow()));

        var sent = _hub.Sent;
        var shared = Assert.Single(sent, s => s.Target == "wallboard,supervisors").Snapshot;
        Assert.Equal(["138****1234", "139****1111"], shared.Seats.Select(s => s.CurrentCaller));
        var agent = Assert.Single(sent, s => s.Target == LiveHub.AgentGroup("A002")).Snapshot;
        var seat = Assert.Single(agent.Seats);
        Assert.Equal("13900001111", seat.CurrentCaller);
        Assert.DoesNotContain(sent, s => s.Target == LiveHub.AgentGroup("A001"));
    }

    [Fact]
    public async Task A_disposed_subscription_gets_no_more_snapshots()
    {
        var count = 0;
        var subscription = _feed.Subscribe(_ =>
        {
            count++;
            return Task.CompletedTask;
        });
        await _feed.PublishAsync(_projection.Snapshot(_time.GetUtcNow()));

        subscription.Dispose();
        await _feed.PublishAsync(_projection.Snapshot(_time.GetUtcNow()));

        Assert.Equal(1, count);
        Assert.NotNull(_feed.Current);
    }
}
