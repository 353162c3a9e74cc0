using Hotline.Core.Assessment.Storage;
using Hotline.Core.Security;

namespace Hotline.Core.Assessment;

/// <summary>Quality review with storage: the monthly sample, targeted picks, scoring, disputes and their resolution.</summary>
public sealed class QualityService(QualityReviewStore store, UserStore users, AssessmentOptions options, HotlineOptions hotline, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(hotline.TimeZone);

    /// <summary>
    /// Adds the month's random sample (the configured share of each agent's tickets, deterministic for the seed;
    /// the month's default seed when none is given). Tickets already under review are kept as they are. Returns how many were added.
    /// </summary>
    public async Task<int> SampleAsync(AssessmentMonth month, int? seed = null, CancellationToken cancellationToken = default)
    {
        var tickets = await store.TicketsAsync(month.Start(_zone), month.End(_zone), cancellationToken);
        var picked = QualitySampler.Sample(tickets.Select(t => (t.Number, t.CreatedBy)), options.QualitySampleShare, seed ?? QualitySampler.SeedOf(month)).ToHashSet(StringComparer.Ordinal);
        var agentIds = await AgentIdsAsync(cancellationToken);
        var reviews = tickets.Where(t => picked.Contains(t.Number))
            .Select(t => NewReview(month, t.Number, t.CreatedBy, t.CreatedAt, QualityPick.Random, agentIds)).ToList();
        return await store.AddAsync(reviews, cancellationToken);
    }

    /// <summary>Puts one ticket under review (a targeted pick); returns a Chinese reason when it cannot.</summary>
    public async Task<string?> PickAsync(string ticketNumber, CancellationToken cancellationToken = default)
    {
        var number = ticketNumber.Trim();
        if (await store.TicketAsync(number, cancellationToken) is not { } ticket)
        {
            return $"受理单 {number} 不存在";
        }

        var month = AssessmentMonth.Of(ticket.CreatedAt, _zone);
        var added = await store.AddAsync([NewReview(month, number, ticket.CreatedBy, ticket.CreatedAt, QualityPick.Targeted, await AgentIdsAsync(cancellationToken))], cancellationToken);
        return added == 0 ? $"受理单 {number} 已在质检中" : null;
    }

    public Task<(QualityReview? Review, string? Error)> ScoreAsync(long id, IReadOnlyList<string> errors, string? note, string reviewer, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, r => QualityReviewWorkflow.Score(r, errors, note, reviewer, time.GetUtcNow()), cancellationToken);

    public Task<(QualityReview? Review, string? Error)> DisputeAsync(long id, string agentUserName, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, r => QualityReviewWorkflow.Dispute(r, agentUserName, note, time.GetUtcNow()), cancellationToken);

    public Task<(QualityReview? Review, string? Error)> ResolveAsync(long id, bool upholdErrors, string? note, string supervisor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, r => QualityReviewWorkflow.Resolve(r, upholdErrors, note, supervisor, time.GetUtcNow()), cancellationToken);

    private async Task<(QualityReview? Review, string? Error)> ChangeAsync(long id, Func<QualityReview, (QualityReview? Review, string? Error)> step, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } review)
        {
            return (null, "质检记录不存在");
        }

        var (changed, error) = step(review);
        if (changed is null)
        {
            return (null, error);
        }

        return await store.UpdateAsync(changed, cancellationToken)
            ? (changed with { Version = changed.Version + 1 }, null)
            : (null, "该质检记录已被他人修改，请刷新后重试");
    }

    private async Task<Dictionary<string, string>> AgentIdsAsync(CancellationToken cancellationToken) =>
        (await users.ListAsync(cancellationToken)).Where(u => u.AgentId is not null).ToDictionary(u => u.UserName, u => u.AgentId!);

    private static QualityReview NewReview(AssessmentMonth month, string number, string createdBy, DateTimeOffset createdAt, QualityPick pick, Dictionary<string, string> agentIds) => new()
    {
        Month = month,
        TicketNumber = number,
        AgentUserName = createdBy,
        AgentId = agentIds.GetValueOrDefault(createdBy),
        TicketCreatedAt = createdAt,
        Pick = pick,
        Status = QualityReviewStatus.Pending,
    };
}
