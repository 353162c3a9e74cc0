using Hotline.Core.Assessment;

namespace Hotline.Tests.Assessment;

public class QualityReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 2, 0, 0, TimeSpan.Zero);

    private static QualityReview Pending() => new()
    {
        Month = new AssessmentMonth(2026, 10),
        TicketNumber = "YH20261012-0001",
        AgentUserName = "agent01",
        Status = QualityReviewStatus.Pending,
    };

    private static QualityReview WithErrors() => QualityReviewWorkflow.Score(Pending(), ["category"], "分类错误", "supervisor01", Now).Review!;

    [Fact]
    public void Scoring_without_errors_passes_the_ticket()
    {
        var (review, error) = QualityReviewWorkflow.Score(Pending(), [], null, "supervisor01", Now);

        Assert.Null(error);
        Assert.Equal(QualityReviewStatus.Passed, review!.Status);
        Assert.False(review.HasConfirmedErrors);
    }

    [Fact]
    public void Scoring_with_errors_confirms_them_until_the_agent_disputes()
    {
        var review = WithErrors();

        Assert.Equal(QualityReviewStatus.ErrorsFound, review.Status);
        Assert.True(review.HasConfirmedErrors);
        Assert.Equal(["category"], review.Errors);
    }

    [Fact]
    public void An_error_type_outside_the_checklist_is_refused()
    {
        var (review, error) = QualityReviewWorkflow.Score(Pending(), ["nonsense"], null, "supervisor01", Now);

        Assert.Null(review);
        Assert.Contains("未知的差错类型", error);
    }

    [Fact]
    public void Only_the_agent_who_registered_the_ticket_may_dispute()
    {
        var (review, error) = QualityReviewWorkflow.Dispute(WithErrors(), "agent02", "不同意", Now);

        Assert.Null(review);
        Assert.Equal("只能对本人受理单的质检结果申诉", error);
    }

    [Fact]
    public void A_disputed_finding_is_not_confirmed_until_resolved()
    {
        var (review, _) = QualityReviewWorkflow.Dispute(WithErrors(), "agent01", "来电人自己说的分类", Now);

        Assert.Equal(QualityReviewStatus.Disputed, review!.Status);
        Assert.False(review.HasConfirmedErrors);
    }

    [Fact]
    public void A_dispute_needs_a_reason()
    {
        var (_, error) = QualityReviewWorkflow.Dispute(WithErrors(), "agent01", " ", Now);

        Assert.Equal("请填写申诉理由", error);
    }

    [Fact]
    public void Upholding_a_dispute_confirms_the_errors_and_overturning_withdraws_them()
    {
        var disputed = QualityReviewWorkflow.Dispute(WithErrors(), "agent01", "理由", Now).Review!;

        var upheld = QualityReviewWorkflow.Resolve(disputed, true, "维持", "supervisor01", Now).Review!;
        var overturned = QualityReviewWorkflow.Resolve(disputed, false, "撤销", "supervisor01", Now).Review!;

        Assert.True(upheld.HasConfirmedErrors);
        Assert.Equal(QualityReviewStatus.Upheld, upheld.Status);
        Assert.False(overturned.HasConfirmedErrors);
        Assert.Equal(QualityReviewStatus.Overturned, overturned.Status);
    }

    [Fact]
    public void A_finding_under_dispute_cannot_be_scored_again()
    {
        var disputed = QualityReviewWorkflow.Dispute(WithErrors(), "agent01", "理由", Now).Review!;

        var (review, error) = QualityReviewWorkflow.Score(disputed, [], null, "supervisor01", Now);

        Assert.Null(review);
        Assert.Contains("申诉中", error);
    }

    [Fact]
    public void Only_a_finding_with_errors_can_be_disputed()
    {
        var passed = QualityReviewWorkflow.Score(Pending(), [], null, "supervisor01", Now).Review!;

        Assert.NotNull(QualityReviewWorkflow.Dispute(passed, "agent01", "理由", Now).Error);
    }
}
