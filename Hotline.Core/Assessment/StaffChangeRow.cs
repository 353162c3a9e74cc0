namespace Hotline.Core.Assessment;

/// <summary>A join or a leave inside the turnover window (人员变动).</summary>
public sealed record StaffChangeRow(DateOnly Day, string Change, string Name, string? AgentId, string Post, string? Reason, bool CountsAsTurnover);
