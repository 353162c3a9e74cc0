namespace Hotline.Core.Assessment;

/// <summary>
/// The review's steps, pure: a supervisor scores (again, until the agent disputes), the agent who registered the
/// ticket disputes a finding with errors, a supervisor resolves the dispute (uphold or overturn).
/// Each returns the changed review, or a Chinese reason why the step is not allowed.
/// </summary>
public static class QualityReviewWorkflow
{
    public static (QualityReview? Review, string? Error) Score(QualityReview review, IReadOnlyList<string> errors, string? note, string reviewer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(errors);
        if (review.Status is not (QualityReviewStatus.Pending or QualityReviewStatus.Passed or QualityReviewStatus.ErrorsFound))
        {
            return (null, $"质检结果{QualityReview.StatusText(review.Status)}，不能再评分");
        }

        var unknown = errors.FirstOrDefault(code => QualityErrorType.Checklist.All(t => t.Code != code));
        if (unknown is not null)
        {
            return (null, $"未知的差错类型：{unknown}");
        }

        var distinct = errors.Distinct(StringComparer.Ordinal).ToList();
        return (review with
        {
            Status = distinct.Count == 0 ? QualityReviewStatus.Passed : QualityReviewStatus.ErrorsFound,
            Errors = distinct,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Reviewer = reviewer,
            ReviewedAt = at,
        }, null);
    }

    public static (QualityReview? Review, string? Error) Dispute(QualityReview review, string agentUserName, string? note, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!string.Equals(review.AgentUserName, agentUserName, StringComparison.Ordinal))
        {
            return (null, "只能对本人受理单的质检结果申诉");
        }

        if (review.Status != QualityReviewStatus.ErrorsFound)
        {
            return (null, $"质检结果{QualityReview.StatusText(review.Status)}，不能申诉");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return (null, "请填写申诉理由");
        }

        return (review with { Status = QualityReviewStatus.Disputed, DisputeNote = note.Trim(), DisputedAt = at }, null);
    }

    public static (QualityReview? Review, string? Error) Resolve(QualityReview review, bool upholdErrors, string? note, string supervisor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Status != QualityReviewStatus.Disputed)
        {
            return (null, "只有申诉中的质检结果可以处理");
        }

        return (review with
        {
            Status = upholdErrors ? QualityReviewStatus.Upheld : QualityReviewStatus.Overturned,
            ResolutionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            ResolvedBy = supervisor,
            ResolvedAt = at,
        }, null);
    }
}
