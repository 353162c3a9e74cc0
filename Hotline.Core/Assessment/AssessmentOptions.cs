namespace Hotline.Core.Assessment;

/// <summary>Settings under <c>Hotline:Assessment</c>.</summary>
public sealed class AssessmentOptions
{
    public const string Section = "Hotline:Assessment";

    /// <summary>NotReady reasons that count as online working time for 用工时长 (besides Ready, Ringing, OnCall, WrapUp).</summary>
    public List<string> WorkReasons { get; set; } = ["培训", "会议", "后台工作"];

    /// <summary>Share of each agent's tickets drawn by the monthly quality sample (0.05 = 5 %).</summary>
    public double QualitySampleShare { get; set; } = 0.05;

    /// <summary>Largest roster workbook accepted for import, in bytes.</summary>
    public long RosterImportMaxBytes { get; set; } = 2 * 1024 * 1024;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (QualitySampleShare is < 0 or > 1 || !double.IsFinite(QualitySampleShare))
        {
            errors.Add($"{Section}:{nameof(QualitySampleShare)} must be between 0 and 1");
        }

        if (RosterImportMaxBytes <= 0)
        {
            errors.Add($"{Section}:{nameof(RosterImportMaxBytes)} must be > 0");
        }

        return errors;
    }
}
