namespace Hotline.Core.Assessment;

/// <summary>What a roster workbook holds: the shifts, or every problem (in Chinese, by row number); never both.</summary>
public sealed record RosterImportResult(IReadOnlyList<RosterShift> Shifts, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
