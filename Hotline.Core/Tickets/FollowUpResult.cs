namespace Hotline.Core.Tickets;

/// <summary>回访结果.</summary>
public enum FollowUpResult
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意.</summary>
    Dissatisfied,
}
