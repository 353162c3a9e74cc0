using Hotline.Telephony;
using Hotline.Telephony.Simulation;

namespace Hotline.Tests.Simulation;

public class SeatCommandTests
{
    private static readonly DateTimeOffset Midnight = SimulationScenarios.Midnight;

    [Fact]
    public void A_seat_set_not_ready_by_command_gets_no_calls_until_it_is_set_ready_again()
    {
        // Five seats carrying 5 Erlang, so every seat is needed.
        var options = SimulationScenarios.Textbook(callsPerHalfHour: 50, handleSeconds: 180);
        var engine = new SimulationEngine(options, Midnight);
        SimulationScenarios.StaffByCommand(engine, 5, _ => { });
        engine.RunUntil(Midnight.AddHours(1), _ => { });

        var paused = new List<TelephonyEvent>();
        Assert.True(engine.SetNotReady("A001", "培训", paused.Add));
        engine.RunUntil(Midnight.AddHours(3), paused.Add);

        Assert.Contains(paused, e => e is SeatNotReady { AgentId: "A001", Reason: "培训" });
        Assert.DoesNotContain(paused, e => e is CallOffered { AgentId: "A001" });
        Assert.Contains(paused, e => e is CallOffered { AgentId: "A002" });

        var resumed = new List<TelephonyEvent>();
        Assert.True(engine.SetReady("A001", resumed.Add));
        engine.RunUntil(Midnight.AddHours(4), resumed.Add);

        Assert.Equal(new SeatReady(Midnight.AddHours(3), "A001"), resumed[0]);
        Assert.Contains(resumed, e => e is CallOffered { AgentId: "A001" });
    }

    [Fact]
    public void A_seat_under_command_takes_no_automatic_breaks_and_stays_logged_in_after_its_shift()
    {
        // A001 works the early shift, 07:00–15:30, with breaks.
        var engine = new SimulationEngine(new SimulationOptions(), Midnight);
        engine.RunUntil(Midnight.AddHours(7.5), _ => { });
        Assert.NotEqual(SeatState.LoggedOut, engine.GetSeatState("A001"));

        var events = new List<TelephonyEvent>();
        engine.SetReady("A001", events.Add);
        engine.RunUntil(Midnight.AddHours(20), events.Add);

        Assert.DoesNotContain(events, e => e is SeatNotReady { AgentId: "A001" } or SeatLoggedOut { AgentId: "A001" });
        Assert.Contains(events, e => e is SeatNotReady { AgentId: "A002" });
        Assert.Contains(events, e => e is SeatLoggedOut { AgentId: "A002" });
        Assert.NotEqual(SeatState.LoggedOut, engine.GetSeatState("A001"));
    }

    [Fact]
    public void A_seat_logged_out_by_command_is_logged_in_again_by_its_next_shift()
    {
        var engine = new SimulationEngine(new SimulationOptions(), Midnight);
        engine.RunUntil(Midnight.AddHours(8), _ => { });
        var events = new List<TelephonyEvent>();

        engine.LogOut("A001", events.Add);
        engine.RunUntil(Midnight.AddHours(32), events.Add);

        var logIns = events.OfType<SeatLoggedIn>().Where(e => e.AgentId == "A001").ToList();
        Assert.Equal(Midnight.AddHours(31), Assert.Single(logIns).At);
        Assert.Contains(events, e => e is SeatLoggedOut { AgentId: "A001" });
    }

    [Fact]
    public void A_not_ready_asked_for_during_a_call_applies_when_the_call_is_over()
    {
        var options = SimulationScenarios.Textbook(callsPerHalfHour: 600, handleSeconds: 120);
        var engine = new SimulationEngine(options, Midnight);
        SimulationScenarios.StaffByCommand(engine, 1, _ => { });
        engine.RunUntil(Midnight.AddMinutes(10), _ => { });
        Assert.Equal(SeatState.OnCall, engine.GetSeatState("A001"));

        var events = new List<TelephonyEvent>();
        engine.SetNotReady("A001", "小休", events.Add);
        Assert.Empty(events);
        engine.RunUntil(Midnight.AddHours(1), events.Add);

        int ended = events.FindIndex(e => e is CallEnded);
        Assert.Equal(new SeatNotReady(events[ended].At, "A001", "小休"), events[ended + 1]);
        Assert.Single(events.OfType<CallEnded>());
        Assert.Equal(SeatState.NotReady, engine.GetSeatState("A001"));
    }

    [Fact]
    public void An_outbound_call_puts_the_agent_on_the_phone_and_back_to_the_earlier_state_afterwards()
    {
        var options = SimulationScenarios.Textbook(callsPerHalfHour: 0, handleSeconds: 120);
        options.MeanWrapUpSeconds = 30;
        var engine = new SimulationEngine(options, Midnight);
        var events = new List<TelephonyEvent>();
        engine.LogIn("A001", "8001", events.Add);
        engine.SetNotReady("A001", "回访", events.Add);

        string? callId = engine.Originate("A001", "13800138000", "YH20260310-0001", events.Add);
        engine.RunUntil(Midnight.AddHours(2), events.Add);

        Assert.NotNull(callId);
        Assert.Equal(
            [typeof(SeatLoggedIn), typeof(SeatNotReady), typeof(OutboundCallStarted), typeof(SeatOnCall), typeof(CallEnded), typeof(SeatWrapUp), typeof(SeatNotReady)],
            events.Select(e => e.GetType()));
        Assert.Equal(new OutboundCallStarted(Midnight, callId, "A001", "13800138000", "YH20260310-0001"), events[2]);
        Assert.Equal("回访", ((SeatNotReady)events[^1]).Reason);
        Assert.Null(engine.Originate("A999", "13800138000", null, events.Add));
    }

    [Fact]
    public void Commands_for_an_agent_who_is_not_logged_in_are_refused()
    {
        var engine = new SimulationEngine(SimulationScenarios.Textbook(10, 60), Midnight);
        var events = new List<TelephonyEvent>();

        Assert.False(engine.SetReady("A001", events.Add));
        Assert.False(engine.SetNotReady("A001", "小休", events.Add));
        Assert.False(engine.LogOut("A001", events.Add));
        Assert.Empty(events);
    }

    [Fact]
    public void A_manual_log_in_starts_not_ready_and_takes_no_calls()
    {
        var engine = new SimulationEngine(SimulationScenarios.Textbook(100, 60), Midnight);
        var events = new List<TelephonyEvent>();

        Assert.True(engine.LogIn("Z001", "8999", events.Add));
        engine.RunUntil(Midnight.AddHours(1), events.Add);

        Assert.Equal(new SeatLoggedIn(Midnight, "Z001", "Z001", "8999"), events[0]);
        Assert.DoesNotContain(events, e => e is CallOffered);
        Assert.Equal(SeatState.NotReady, engine.GetSeatState("Z001"));
    }
}
