namespace Hotline.Core.Assessment;

/// <summary>
/// The monthly random sample: for each agent, the given share of the tickets he registered (rounded up, so an
/// agent with any ticket gets at least one reviewed), chosen by a seeded hash of the ticket number. The same
/// seed and tickets always give the same sample, whatever their order.
/// </summary>
public static class QualitySampler
{
    public static IReadOnlyList<string> Sample(IEnumerable<(string TicketNumber, string Agent)> tickets, double share, int seed)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        if (share <= 0)
        {
            return [];
        }

        var picked = new List<string>();
        foreach (var agent in tickets.GroupBy(t => t.Agent, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var numbers = agent.Select(t => t.TicketNumber).Distinct(StringComparer.Ordinal).ToList();
            var count = (int)Math.Ceiling(Math.Round(Math.Min(share, 1) * numbers.Count, 9));
            picked.AddRange(numbers.OrderBy(n => Hash(seed, n)).ThenBy(n => n, StringComparer.Ordinal).Take(count));
        }

        return picked;
    }

    /// <summary>The seed of a month's sample when none is given: stable across processes (not string.GetHashCode).</summary>
    public static int SeedOf(AssessmentMonth month) => month.Year * 100 + month.Month;

    // FNV-1a: stable across processes and platforms.
    private static ulong Hash(int seed, string value)
    {
        var hash = 14695981039346656037UL ^ (uint)seed;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash * 1099511628211UL;
    }
}
