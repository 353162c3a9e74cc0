namespace Hotline.Core.Assessment;

/// <summary>A citizen's complaint about the operator (投诉登记), counted in the month it was received.</summary>
public sealed record Complaint
{
    public long Id { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public string? TicketNumber { get; init; }
    public string? AgentId { get; init; }
    public required string Summary { get; init; }
    public ComplaintFinding Finding { get; init; }
    public string? FindingNote { get; init; }
    public string RecordedBy { get; init; } = "";

    public static string FindingText(ComplaintFinding finding) => finding switch
    {
        ComplaintFinding.OperatorFault => "有责",
        ComplaintFinding.NotOperatorFault => "无责",
        _ => "待认定",
    };

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Summary)) errors.Add("投诉内容不能为空");
        if (Finding != ComplaintFinding.Pending && string.IsNullOrWhiteSpace(FindingNote)) errors.Add("请填写认定理由");
        return errors;
    }
}
