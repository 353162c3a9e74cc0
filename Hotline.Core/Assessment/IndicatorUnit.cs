namespace Hotline.Core.Assessment;

/// <summary>How an indicator's value is shown and in which unit its target and step are set.</summary>
public enum IndicatorUnit
{
    /// <summary>The value is a fraction 0..1; target and step are in percent (points).</summary>
    Percent,
    /// <summary>A count (件); target and step are counts.</summary>
    Count,
    /// <summary>A score (分).</summary>
    Score,
}
