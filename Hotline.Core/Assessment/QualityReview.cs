namespace Hotline.Core.Assessment;

/// <summary>
/// The quality review of one ticket (质检). <see cref="Month"/> is the month the ticket was registered in;
/// <see cref="AgentUserName"/> is who registered it. A ticket counts as having a confirmed error while the
/// review is <see cref="QualityReviewStatus.ErrorsFound"/> or <see cref="QualityReviewStatus.Upheld"/>.
/// </summary>
public sealed record QualityReview
{
    public long Id { get; init; }
    public required AssessmentMonth Month { get; init; }
    public required string TicketNumber { get; init; }
    public required string AgentUserName { get; init; }
    public string? AgentId { get; init; }
    public DateTimeOffset TicketCreatedAt { get; init; }
    public QualityPick Pick { get; init; }
    public QualityReviewStatus Status { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public string? Note { get; init; }
    public string? Reviewer { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public string? DisputeNote { get; init; }
    public DateTimeOffset? DisputedAt { get; init; }
    public string? ResolutionNote { get; init; }
    public string? ResolvedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public int Version { get; init; }

    public bool HasConfirmedErrors => Status is QualityReviewStatus.ErrorsFound or QualityReviewStatus.Upheld;

    public static string StatusText(QualityReviewStatus status) => status switch
    {
        QualityReviewStatus.Pending => "待评",
        QualityReviewStatus.Passed => "无差错",
        QualityReviewStatus.ErrorsFound => "有差错",
        QualityReviewStatus.Disputed => "申诉中",
        QualityReviewStatus.Upheld => "申诉驳回",
        _ => "申诉成立",
    };
}
