namespace Hotline.Core.Assessment;

/// <summary>
/// A month's assessment: the six indicators with their deductions and every table behind them. The page, the
/// workbook and the confirmed snapshot are all this one object, so their figures cannot differ.
/// </summary>
public sealed record AssessmentReport
{
    public required AssessmentMonth Month { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public AssessmentConfirmation? Confirmation { get; init; }
    public required IReadOnlyList<IndicatorResult> Indicators { get; init; }
    public decimal TotalDeduction => Indicators.Sum(i => i.Deduction);
    public required CallFigures Calls { get; init; }
    public required IReadOnlyList<DailyCallRow> Days { get; init; }
    public required IReadOnlyList<AgentRow> Agents { get; init; }
    public double OnDutySeconds { get; init; }
    public double OnlineSeconds { get; init; }
    public int TicketsRegistered { get; init; }
    public required IReadOnlyList<QualityReview> Reviews { get; init; }
    public int ErrorTickets { get; init; }
    public required IReadOnlyList<Complaint> Complaints { get; init; }
    public int FaultComplaints { get; init; }
    public required TurnoverFigures Turnover { get; init; }
    public required IReadOnlyList<StaffChangeRow> StaffChanges { get; init; }
    public EfficiencyEntry? Efficiency { get; init; }

    public IndicatorResult this[AssessmentIndicator indicator] => Indicators[(int)indicator];
}
