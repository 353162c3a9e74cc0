using Hotline.Core.Calendar;

namespace Hotline.Core.Assessment;

/// <summary>Everything a month's assessment is computed from, already loaded (calls and seat time already tallied).</summary>
public sealed record AssessmentInputs
{
    public required AssessmentMonth Month { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required CallMonthTally Calls { get; init; }
    public required StaffedTimeTally StaffedTime { get; init; }
    public required WorkCalendar Calendar { get; init; }
    public required IReadOnlyList<AssessmentRule> Rules { get; init; }
    public int TicketsRegistered { get; init; }
    public IReadOnlyList<QualityReview> Reviews { get; init; } = [];
    public IReadOnlyList<Complaint> Complaints { get; init; } = [];
    public IReadOnlyList<StaffMember> Staff { get; init; } = [];
    public EfficiencyEntry? Efficiency { get; init; }
    /// <summary>Agent id → name, for agents not in the staff register (seat names).</summary>
    public IReadOnlyDictionary<string, string> AgentNames { get; init; } = new Dictionary<string, string>();
    /// <summary>User name → agent id: reviews name the user who registered the ticket.</summary>
    public IReadOnlyDictionary<string, string> AgentIdsByUserName { get; init; } = new Dictionary<string, string>();
}
