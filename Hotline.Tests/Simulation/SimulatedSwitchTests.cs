using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Simulation;

public class SimulatedSwitchTests
{
    // 09:00 Beijing time: the morning peak, with the early and day shifts on duty.
    private static readonly DateTimeOffset NineOClock = SimulationScenarios.Midnight.AddHours(9);

    private static SimulatedSwitch CreateSwitch(TimeProvider time, SimulationOptions? simulation = null) =>
        new(Options.Create(new TelephonyOptions { Simulation = simulation ?? new SimulationOptions() }), time);

    /// <summary>Reads until an event satisfies <paramref name="last"/>; a real-time guard fails the test instead of hanging it.</summary>
    private static async Task<List<TelephonyEvent>> ReadUntilAsync(SimulatedSwitch telephony, Func<TelephonyEvent, bool> last)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<TelephonyEvent>();
        while (true)
        {
            var e = await telephony.Events.ReadAsync(guard.Token);
            events.Add(e);
            if (last(e))
            {
                return events;
            }
        }
    }

    [Fact]
    public async Task Advancing_the_clock_by_an_hour_brings_that_hour_of_calls_into_the_channel()
    {
        var clock = new FakeTimeProvider(NineOClock);
        await using var telephony = CreateSwitch(clock);

        await telephony.StartAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromHours(1));
        var events = await ReadUntilAsync(telephony, e => e.At >= NineOClock.AddMinutes(55));

        Assert.Equal(new SwitchLinkUp(NineOClock, SimulatedSwitch.NodeName), events[0]);
        Assert.Contains(events, e => e is SeatLoggedIn { AgentId: "A001" });
        Assert.InRange(events.OfType<CallArrived>().Count(), 300, 600);
        Assert.All(events, e => Assert.InRange(e.At, NineOClock, NineOClock.AddHours(1)));
    }

    [Fact]
    public async Task Disposing_a_started_switch_twice_is_harmless()
    {
        var clock = new FakeTimeProvider(NineOClock);
        var telephony = CreateSwitch(clock);
        await telephony.StartAsync(TestContext.Current.CancellationToken);

        await telephony.DisposeAsync();
        await telephony.DisposeAsync();

        var events = new List<TelephonyEvent>();
        await foreach (var e in telephony.Events.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            events.Add(e);
        }

        Assert.IsType<SwitchLinkDown>(Assert.Single(events, e => e is SwitchLinkDown));
        Assert.IsType<SwitchLinkDown>(events[^1]);
    }

    [Fact]
    public async Task A_command_takes_effect_at_the_current_time_of_the_clock()
    {
        var clock = new FakeTimeProvider(NineOClock);
        await using var telephony = CreateSwitch(clock);
        await telephony.StartAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(10));

        await telephony.LogInAsync("Z001", "8999", TestContext.Current.CancellationToken);
        await telephony.SetNotReadyAsync("Z001", "会议", TestContext.Current.CancellationToken);
        var events = await ReadUntilAsync(telephony, e => e is SeatNotReady { AgentId: "Z001" });

        var at = NineOClock.AddMinutes(10);
        Assert.Equal(new SeatLoggedIn(at, "Z001", "Z001", "8999"), events.Single(e => e is SeatLoggedIn { AgentId: "Z001" }));
        Assert.Equal(new SeatNotReady(at, "Z001", "会议"), events[^1]);
    }

    [Fact]
    public async Task Commands_for_an_agent_who_is_not_logged_in_fail()
    {
        var clock = new FakeTimeProvider(SimulationScenarios.Midnight);
        await using var telephony = CreateSwitch(clock);
        await telephony.StartAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => telephony.SetReadyAsync("A001", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidOperationException>(() => telephony.OriginateAsync("A001", "13800138000", null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Fast_forward_writes_the_day_so_far_and_then_continues_live()
    {
        var midnight = SimulationScenarios.Midnight;
        var clock = new FakeTimeProvider(midnight.AddHours(10));
        await using var telephony = CreateSwitch(clock);

        await telephony.FastForwardAsync(midnight, TestContext.Current.CancellationToken);
        var backlog = new List<TelephonyEvent>();
        while (telephony.Events.TryRead(out var e))
        {
            backlog.Add(e);
        }

        Assert.Equal(new SwitchLinkUp(midnight, SimulatedSwitch.NodeName), backlog[0]);
        int expected = (int)SimulationOptions.DefaultDayCurve.Take(20).Sum();
        Assert.InRange(backlog.OfType<CallArrived>().Count(), expected * 0.9, expected * 1.1);
        Assert.InRange(backlog[^1].At, midnight.AddHours(9.9), midnight.AddHours(10));

        clock.Advance(TimeSpan.FromMinutes(30));
        var live = await ReadUntilAsync(telephony, e => e.At >= midnight.AddHours(10.4));
        Assert.All(live, e => Assert.InRange(e.At, midnight.AddHours(10), midnight.AddHours(10.5)));
    }

    [Fact]
    public async Task Fast_forward_equals_running_the_engine_over_the_same_time()
    {
        var midnight = SimulationScenarios.Midnight;
        var clock = new FakeTimeProvider(midnight.AddHours(3));
        await using var telephony = CreateSwitch(clock);

        await telephony.FastForwardAsync(midnight, TestContext.Current.CancellationToken);
        var backlog = new List<TelephonyEvent>();
        while (telephony.Events.TryRead(out var e))
        {
            backlog.Add(e);
        }

        var expected = SimulationScenarios.Run(new SimulationOptions(), midnight, TimeSpan.FromHours(3));
        Assert.Equal(expected, backlog.Skip(1));
    }

    [Fact]
    public void Bad_settings_stop_the_switch_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateSwitch(TimeProvider.System, new SimulationOptions { LoadFactor = 0 }));

        Assert.Contains("Hotline:Telephony:Simulation:LoadFactor must be > 0", error.Message);
    }

    [Fact]
    public void The_roster_is_available_before_the_switch_starts()
    {
        var telephony = CreateSwitch(TimeProvider.System);

        Assert.Equal(91, telephony.Roster.Count);
        Assert.Equal("A001", telephony.Roster[0].AgentId);
    }
}
