using Hotline.Telephony.Ivr;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;

namespace Hotline.Tests.Simulation;

public class SimulationEngineTests
{
    private static readonly DateTimeOffset Midnight = SimulationScenarios.Midnight;

    [Fact]
    public void The_same_seed_gives_the_same_event_sequence()
    {
        var first = SimulationScenarios.Run(new SimulationOptions { Seed = 7 }, Midnight, TimeSpan.FromDays(1));
        var second = SimulationScenarios.Run(new SimulationOptions { Seed = 7 }, Midnight, TimeSpan.FromDays(1));

        Assert.True(first.Count > 40_000);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_a_different_event_sequence()
    {
        var first = SimulationScenarios.Run(new SimulationOptions { Seed = 7 }, Midnight, TimeSpan.FromHours(12));
        var second = SimulationScenarios.Run(new SimulationOptions { Seed = 8 }, Midnight, TimeSpan.FromHours(12));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_normal_day_brings_about_5000_calls()
    {
        var events = SimulationScenarios.Run(new SimulationOptions(), Midnight, TimeSpan.FromDays(1));

        Assert.InRange(events.OfType<CallArrived>().Count(), 4_800, 5_200);
    }

    [Fact]
    public void Load_factor_3_brings_about_three_times_the_arrivals()
    {
        int normal = SimulationScenarios.Run(new SimulationOptions { LoadFactor = 1 }, Midnight, TimeSpan.FromDays(2)).OfType<CallArrived>().Count();
        int typhoon = SimulationScenarios.Run(new SimulationOptions { LoadFactor = 3 }, Midnight, TimeSpan.FromDays(2)).OfType<CallArrived>().Count();

        Assert.InRange((double)typhoon / normal, 2.85, 3.15);
    }

    [Fact]
    public void Arrivals_follow_the_day_curve_in_the_configured_time_zone()
    {
        // Calls only between 10:00 and 10:30 Beijing time, which is 02:00–02:30 UTC.
        var curve = new double[48];
        curve[20] = 300;
        var events = SimulationScenarios.Run(new SimulationOptions { DayCurve = curve, Shifts = [] }, Midnight, TimeSpan.FromDays(1));

        var arrivals = events.OfType<CallArrived>().ToList();
        Assert.InRange(arrivals.Count, 240, 360);
        Assert.All(arrivals, a =>
        {
            Assert.Equal(2, a.At.UtcDateTime.Hour);
            Assert.InRange(a.At.UtcDateTime.Minute, 0, 29);
        });
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Events_come_in_time_order_and_every_call_ends_in_exactly_one_outcome(double loadFactor)
    {
        // Run a day and two hours more, so that every call of the day has finished.
        var events = SimulationScenarios.Run(new SimulationOptions { LoadFactor = loadFactor }, Midnight, TimeSpan.FromHours(26));

        for (int i = 1; i < events.Count; i++)
        {
            if (events[i - 1].At > events[i].At)
            {
                Assert.Fail($"event {i} ({events[i]}) is earlier than the one before it");
            }
        }

        var calls = new Dictionary<string, List<TelephonyEvent>>();
        foreach (var e in events)
        {
            string? callId = e switch
            {
                CallArrived a => a.CallId,
                CallEnteredIvr x => x.CallId,
                CallSelfServed x => x.CallId,
                CallDisconnected x => x.CallId,
                CallQueued x => x.CallId,
                CallOffered x => x.CallId,
                CallAnswered x => x.CallId,
                CallEnded x => x.CallId,
                CallAbandoned x => x.CallId,
                _ => null,
            };
            if (callId is not null)
            {
                (calls.TryGetValue(callId, out var list) ? list : calls[callId] = []).Add(e);
            }
        }

        var dayCalls = calls.Values.Where(c => c[0] is CallArrived a && a.At < Midnight.AddDays(1)).ToList();
        Assert.InRange(dayCalls.Count, 4_500 * loadFactor, 5_500 * loadFactor);
        Assert.All(calls.Values, c => Assert.IsType<CallArrived>(c[0]));
        Assert.All(dayCalls, call =>
        {
            Assert.Single(call.OfType<CallArrived>());
            int answeredAndEnded = call.OfType<CallAnswered>().Count() == 1 && call.OfType<CallEnded>().Count() == 1 ? 1 : 0;
            int outcomes = answeredAndEnded
                + call.OfType<CallAbandoned>().Count()
                + call.OfType<CallSelfServed>().Count()
                + call.OfType<CallDisconnected>().Count();
            if (outcomes != 1 || call[^1] is not (CallEnded or CallAbandoned or CallSelfServed or CallDisconnected))
            {
                Assert.Fail($"call {call[0]} has {outcomes} outcomes: {string.Join(", ", call)}");
            }
        });
        Assert.Contains(dayCalls, c => c.Any(e => e is CallAbandoned));
        Assert.Contains(dayCalls, c => c.Any(e => e is CallSelfServed));
        Assert.Contains(dayCalls, c => c.Any(e => e is CallEnded));
    }

    [Fact]
    public void A_caller_who_hangs_up_while_the_seat_rings_is_abandoned_and_the_seat_is_ready_again()
    {
        // One seat that rings for a long time, callers with little patience.
        var options = SimulationScenarios.Textbook(callsPerHalfHour: 20, handleSeconds: 60);
        options.RingSeconds = 30;
        options.MeanPatienceSeconds = 10;
        var events = new List<TelephonyEvent>();
        var engine = new SimulationEngine(options, Midnight);
        SimulationScenarios.StaffByCommand(engine, 1, events.Add);

        engine.RunUntil(Midnight.AddHours(4), events.Add);

        var offered = events.OfType<CallOffered>().Select(o => o.CallId).ToHashSet();
        var abandonedWhileRinging = events.OfType<CallAbandoned>().Where(a => offered.Contains(a.CallId)).ToList();
        Assert.NotEmpty(abandonedWhileRinging);
        Assert.All(abandonedWhileRinging, abandon =>
        {
            Assert.Equal(1, abandon.Position);
            Assert.DoesNotContain(events, e => e is CallAnswered a && a.CallId == abandon.CallId);
            int index = events.IndexOf(abandon);
            Assert.Equal(new SeatReady(abandon.At, "A001"), events[index + 1]);
        });
    }

    [Fact]
    public void Answer_wait_counts_from_joining_the_queue_and_includes_the_ring_time()
    {
        var options = SimulationScenarios.Textbook(callsPerHalfHour: 5, handleSeconds: 60);
        options.RingSeconds = 4;
        options.IvrSeconds = 30;
        var events = new List<TelephonyEvent>();
        var engine = new SimulationEngine(options, Midnight);
        SimulationScenarios.StaffByCommand(engine, 5, events.Add);

        engine.RunUntil(Midnight.AddHours(3), events.Add);

        var queued = events.OfType<CallQueued>().ToDictionary(q => q.CallId, q => q.At);
        var answers = events.OfType<CallAnswered>().ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Equal((a.At - queued[a.CallId]).TotalSeconds, a.WaitSeconds, 6));
        Assert.Contains(answers, a => a.WaitSeconds == 4);
    }

    [Fact]
    public void Every_queued_caller_first_leaves_the_ivr_with_the_keys_of_one_of_the_menus_ways_to_the_queue()
    {
        var options = SimulationScenarios.Textbook(callsPerHalfHour: 100, handleSeconds: 60);
        var engine = new SimulationEngine(options, Midnight);
        var events = new List<TelephonyEvent>();
        SimulationScenarios.StaffByCommand(engine, 5, events.Add);

        engine.RunUntil(Midnight.AddHours(2), events.Add);

        var queued = events.OfType<CallQueued>().ToList();
        var left = events.OfType<CallLeftIvr>().ToDictionary(l => l.CallId);
        Assert.True(queued.Count > 300, $"{queued.Count} queued calls");
        Assert.All(queued, q => Assert.True(events.IndexOf(left[q.CallId]) < events.IndexOf(q)));
        // The shipped menu: 1, 2, 3 and 0 go to the queue, and so does no key at all.
        Assert.Equal(["-", "0", "1", "2", "3"], left.Values.Select(l => l.Keys).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void After_a_new_menu_callers_press_its_keys_through_submenus()
    {
        var options = SimulationScenarios.Textbook(callsPerHalfHour: 100, handleSeconds: 60);
        var engine = new SimulationEngine(options, Midnight);
        var events = new List<TelephonyEvent>();
        SimulationScenarios.StaffByCommand(engine, 5, events.Add);
        engine.UseIvrMenu(new IvrMenu
        {
            OnTimeout = IvrFallback.Hangup,
            Options =
            [
                new IvrOption { Digit = "9", Label = "办公时间", Action = IvrAction.SelfService, Node = "hours", Prompt = "queue-thankyou" },
                new IvrOption
                {
                    Digit = "4", Label = "社保", Action = IvrAction.Submenu, Prompt = "custom/social",
                    Options = [new IvrOption { Digit = "1", Label = "养老", Action = IvrAction.Queue }, new IvrOption { Digit = "2", Label = "医保", Action = IvrAction.Queue }],
                },
            ],
        });

        engine.RunUntil(Midnight.AddHours(1), events.Add);

        Assert.Equal(["41", "42"], events.OfType<CallLeftIvr>().Select(l => l.Keys).Distinct().Order(StringComparer.Ordinal));
    }
}
