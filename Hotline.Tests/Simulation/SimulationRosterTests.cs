using Hotline.Telephony;
using Hotline.Telephony.Simulation;

namespace Hotline.Tests.Simulation;

public class SimulationRosterTests
{
    private static readonly DateTimeOffset Midnight = SimulationScenarios.Midnight;

    [Fact]
    public void The_default_roster_has_91_agents_with_ids_extensions_and_distinct_chinese_names()
    {
        var roster = SimulationRoster.Build(new SimulationOptions());

        Assert.Equal(91, roster.Count);
        Assert.Equal(new SimulatedAgent("A001", "王伟", "8001", "早班"), roster[0]);
        Assert.Equal("A091", roster[^1].AgentId);
        Assert.Equal("8091", roster[^1].Extension);
        Assert.Equal(91, roster.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void The_roster_does_not_depend_on_the_seed() =>
        Assert.Equal(SimulationRoster.Build(new SimulationOptions { Seed = 1 }), SimulationRoster.Build(new SimulationOptions { Seed = 2 }));

    [Fact]
    public void Agents_log_in_at_shift_start_and_out_at_shift_end_and_never_more_than_77_at_once()
    {
        var events = SimulationScenarios.Run(new SimulationOptions(), Midnight, TimeSpan.FromHours(26));

        // A001, early shift 07:00–15:30 Beijing time: logs in on time, logs out at 15:30 or after the call in hand.
        var a001 = events.Where(e => e is SeatLoggedIn { AgentId: "A001" } or SeatLoggedOut { AgentId: "A001" }).ToList();
        Assert.Equal(new SeatLoggedIn(Midnight.AddHours(7), "A001", "王伟", "8001"), a001[0]);
        Assert.IsType<SeatLoggedOut>(a001[1]);
        Assert.InRange(a001[1].At, Midnight.AddHours(15.5), Midnight.AddHours(16));

        // The night shift (21:00–08:00) is already on duty when the simulation starts at midnight.
        Assert.Contains(new SeatLoggedIn(Midnight, "A091", SimulationRoster.Agent(90, "夜班").Name, "8091"), events);

        int loggedIn = 0, most = 0;
        foreach (var e in events)
        {
            loggedIn += e switch { SeatLoggedIn => 1, SeatLoggedOut => -1, _ => 0 };
            most = Math.Max(most, loggedIn);
        }

        Assert.InRange(most, 70, 77);
    }

    [Fact]
    public void Rostered_agents_take_short_breaks_meals_and_sometimes_training()
    {
        var events = SimulationScenarios.Run(new SimulationOptions(), Midnight, TimeSpan.FromDays(1));

        var reasons = events.OfType<SeatNotReady>().GroupBy(e => e.Reason).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(reasons["小休"], 100, 200);
        Assert.InRange(reasons["用餐"], 80, 91);
        Assert.True(reasons.ContainsKey("培训"));
    }

    [Fact]
    public void Without_breaks_rostered_agents_are_never_not_ready()
    {
        var events = SimulationScenarios.Run(new SimulationOptions { TakeBreaks = false }, Midnight, TimeSpan.FromDays(1));

        Assert.DoesNotContain(events, e => e is SeatNotReady);
    }
}
