namespace Hotline.Core.Assessment;

/// <summary>One agent of 坐席明细 for the month.</summary>
public sealed record AgentRow(
    string AgentId,
    string Name,
    int Answered,
    double TalkSeconds,
    double AverageHandleTimeSeconds,
    double OnDutySeconds,
    double OnlineSeconds,
    int Reviewed,
    int ErrorTickets)
{
    /// <summary>用工时长 of this agent: online ÷ on duty (0 without a shift).</summary>
    public double StaffedTimeRatio => OnDutySeconds == 0 ? 0 : OnlineSeconds / OnDutySeconds;
}
