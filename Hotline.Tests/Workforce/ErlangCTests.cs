using Hotline.Core.Workforce;

namespace Hotline.Tests.Workforce;

/// <summary>Check values from DOMAIN.md: 100 calls per 30 min, AHT 180 s, target 20 s.</summary>
public class ErlangCTests
{
    private const double Erlangs = 10;
    private const double HandleSeconds = 180;
    private const double TargetSeconds = 20;

    [Fact]
    public void Hundred_calls_in_half_an_hour_at_180_seconds_are_10_erlang() =>
        Assert.Equal(10.0, ErlangC.TrafficIntensity(100, 1800, 180), 12);

    [Fact]
    public void Fourteen_agents_on_10_erlang_make_a_caller_wait_with_probability_0_1741() =>
        Assert.Equal(0.1741, ErlangC.ProbabilityOfWaiting(14, Erlangs), 4);

    [Fact]
    public void Fourteen_agents_answer_88_8_percent_within_20_seconds() =>
        Assert.Equal(0.888, ErlangC.ServiceLevel(14, Erlangs, HandleSeconds, TargetSeconds), 3);

    [Fact]
    public void Fourteen_agents_have_an_average_speed_of_answer_of_7_8_seconds() =>
        Assert.Equal(7.8, ErlangC.AverageSpeedOfAnswer(14, Erlangs, HandleSeconds), 1);

    [Fact]
    public void Thirteen_agents_answer_79_6_percent_within_20_seconds() =>
        Assert.Equal(0.796, ErlangC.ServiceLevel(13, Erlangs, HandleSeconds, TargetSeconds), 3);

    [Theory]
    [InlineData(0.75, 13)]
    [InlineData(0.80, 14)]
    [InlineData(0.888, 14)]
    [InlineData(0.89, 15)]
    public void Agents_needed_is_the_smallest_team_that_reaches_the_target(double target, int expected) =>
        Assert.Equal(expected, ErlangC.AgentsNeeded(Erlangs, HandleSeconds, TargetSeconds, target));

    [Fact]
    public void Erlang_b_of_one_erlang_on_one_server_blocks_half_the_calls() =>
        Assert.Equal(0.5, ErlangC.ErlangB(1, 1), 12);

    [Fact]
    public void Agents_who_cannot_carry_the_traffic_make_everyone_wait_forever()
    {
        Assert.Equal(1.0, ErlangC.ProbabilityOfWaiting(10, Erlangs));
        Assert.Equal(0.0, ErlangC.ServiceLevel(9, Erlangs, HandleSeconds, TargetSeconds));
        Assert.Equal(double.PositiveInfinity, ErlangC.AverageSpeedOfAnswer(10, Erlangs, HandleSeconds));
    }

    [Fact]
    public void No_traffic_means_no_waiting_and_no_agents_needed()
    {
        Assert.Equal(0.0, ErlangC.ProbabilityOfWaiting(3, 0));
        Assert.Equal(1.0, ErlangC.ServiceLevel(3, 0, HandleSeconds, TargetSeconds));
        Assert.Equal(0, ErlangC.AgentsNeeded(0, HandleSeconds, TargetSeconds, 0.8));
    }

    [Fact]
    public void A_provincial_centre_of_thousands_of_agents_stays_numerically_sound()
    {
        // A^N / N! would overflow a double long before 2,000 agents; the recursion does not.
        double pWait = ErlangC.ProbabilityOfWaiting(2_000, 1_950);
        Assert.InRange(pWait, 0.01, 0.99);
        int needed = ErlangC.AgentsNeeded(1_950, HandleSeconds, 15, 0.8);
        Assert.InRange(needed, 1_951, 2_100);
        Assert.True(ErlangC.ServiceLevel(needed, 1_950, HandleSeconds, 15) >= 0.8);
        Assert.True(ErlangC.ServiceLevel(needed - 1, 1_950, HandleSeconds, 15) < 0.8);
    }

    [Fact]
    public void A_service_level_target_of_100_percent_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.AgentsNeeded(Erlangs, HandleSeconds, TargetSeconds, 1.0));
}
