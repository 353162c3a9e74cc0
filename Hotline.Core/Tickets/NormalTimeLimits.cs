namespace Hotline.Core.Tickets;

/// <summary>一般 tickets: limits in working days; 0 means "same day" (end of the current working day).</summary>
public sealed class NormalTimeLimits
{
    /// <summary>Dispatch after registration: same day.</summary>
    public int DispatchWorkingDays { get; set; }

    /// <summary>Sign-for after dispatch: 1 working day.</summary>
    public int SignForWorkingDays { get; set; } = 1;

    /// <summary>Handling after dispatch, by request type: 咨询 3, 求助 5, 投诉/举报/建议 10.</summary>
    public Dictionary<RequestType, int> HandlingWorkingDays { get; set; } = new()
    {
        [RequestType.Consultation] = 3,
        [RequestType.HelpRequest] = 5,
        [RequestType.Complaint] = 10,
        [RequestType.Report] = 10,
        [RequestType.Suggestion] = 10,
    };

    /// <summary>Handling for request types not in <see cref="HandlingWorkingDays"/> (表扬, 其他; not in the table, our default).</summary>
    public int DefaultHandlingWorkingDays { get; set; } = 10;

    /// <summary>Follow-up call after the reply: 1 working day.</summary>
    public int FollowUpWorkingDays { get; set; } = 1;
}
