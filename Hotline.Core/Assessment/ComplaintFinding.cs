namespace Hotline.Core.Assessment;

/// <summary>The finding on a complaint about the operator (stored by name).</summary>
public enum ComplaintFinding
{
    /// <summary>待认定.</summary>
    Pending,
    /// <summary>有责: the operator is at fault; counts for 责任投诉.</summary>
    OperatorFault,
    /// <summary>无责.</summary>
    NotOperatorFault,
}
