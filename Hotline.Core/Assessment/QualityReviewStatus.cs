namespace Hotline.Core.Assessment;

/// <summary>Where a quality review stands (stored by name).</summary>
public enum QualityReviewStatus
{
    /// <summary>待评: sampled or picked, not yet scored.</summary>
    Pending,
    /// <summary>无差错.</summary>
    Passed,
    /// <summary>有差错: errors found; confirmed unless the agent disputes.</summary>
    ErrorsFound,
    /// <summary>申诉中: the agent disputes the finding; a supervisor decides.</summary>
    Disputed,
    /// <summary>申诉驳回: the errors stand.</summary>
    Upheld,
    /// <summary>申诉成立: the finding is withdrawn.</summary>
    Overturned,
}
