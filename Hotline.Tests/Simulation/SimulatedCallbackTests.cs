using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using static Hotline.Tests.Simulation.SimulationScenarios;

namespace Hotline.Tests.Simulation;

public sealed class SimulatedCallbackTests
{
    [Fact]
    public void On_a_typhoon_morning_callers_waiting_past_the_threshold_leave_callback_requests_instead_of_other_outcomes()
    {
        var options = new SimulationOptions { LoadFactor = 3, CallbackShare = 0.5 };
        var engine = new SimulationEngine(options, Midnight, callbackAfterSeconds: 60);
        var events = new List<TelephonyEvent>();
        engine.RunUntil(Midnight.AddHours(12), events.Add);

        var requests = events.OfType<CallbackRequested>().ToList();
        Assert.NotEmpty(requests);
        var queuedAt = events.OfType<CallQueued>().ToDictionary(q => q.CallId, q => q.At);
        var otherOutcomes = events.Select(e => e switch { CallAbandoned a => a.CallId, CallAnswered b => b.CallId, _ => null }).OfType<string>().ToHashSet();
        foreach (var request in requests)
        {
            Assert.Equal(queuedAt[request.CallId], request.QueuedAt);
            Assert.Equal(60, request.WaitSeconds, 6);
            Assert.DoesNotContain(request.CallId, otherOutcomes);
            Assert.False(string.IsNullOrEmpty(request.CallerNumber));
        }
    }

    [Fact]
    public void Without_the_threshold_the_simulation_makes_no_callback_requests()
    {
        var events = Run(new SimulationOptions { LoadFactor = 3, CallbackShare = 1 }, Midnight, TimeSpan.FromHours(12));

        Assert.DoesNotContain(events, e => e is CallbackRequested);
    }
}
