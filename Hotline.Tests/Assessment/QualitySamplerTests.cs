using Hotline.Core.Assessment;

namespace Hotline.Tests.Assessment;

public class QualitySamplerTests
{
    private static List<(string, string)> Tickets() =>
    [
        .. Enumerable.Range(1, 40).Select(i => ($"YH20261012-{i:0000}", "agent01")),
        .. Enumerable.Range(41, 7).Select(i => ($"YH20261012-{i:0000}", "agent02")),
        ("YH20261012-0099", "agent03"),
    ];

    [Fact]
    public void Each_agent_gets_his_share_rounded_up()
    {
        var sample = QualitySampler.Sample(Tickets(), 0.05, seed: 1);
        var owner = Tickets().ToDictionary(t => t.Item1, t => t.Item2);

        Assert.Equal(2, sample.Count(n => owner[n] == "agent01")); // 5 % of 40
        Assert.Equal(1, sample.Count(n => owner[n] == "agent02")); // 5 % of 7 = 0.35 → 1
        Assert.Equal(1, sample.Count(n => owner[n] == "agent03")); // his only ticket
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample_whatever_the_order_of_the_tickets()
    {
        var tickets = Tickets();
        var first = QualitySampler.Sample(tickets, 0.2, seed: 202610);
        tickets.Reverse();

        Assert.Equal(first.Order(), QualitySampler.Sample(tickets, 0.2, seed: 202610).Order());
    }

    [Fact]
    public void Different_seeds_draw_different_samples()
    {
        var samples = Enumerable.Range(1, 5).Select(seed => string.Join(",", QualitySampler.Sample(Tickets(), 0.1, seed).Order())).ToHashSet();

        Assert.True(samples.Count > 1);
    }

    [Fact]
    public void A_share_of_zero_samples_nothing()
    {
        Assert.Empty(QualitySampler.Sample(Tickets(), 0, seed: 1));
    }
}
