namespace Hotline.Core.Tickets;

/// <summary>诉求类型.</summary>
public enum RequestType
{
    /// <summary>咨询.</summary>
    Consultation,

    /// <summary>求助.</summary>
    HelpRequest,

    /// <summary>投诉.</summary>
    Complaint,

    /// <summary>举报.</summary>
    Report,

    /// <summary>建议.</summary>
    Suggestion,

    /// <summary>表扬.</summary>
    Praise,

    /// <summary>其他.</summary>
    Other,
}
