namespace Hotline.Core.Assessment;

/// <summary>How a ticket came into the review: the monthly random sample or a supervisor's targeted pick.</summary>
public enum QualityPick
{
    Random,
    Targeted,
}
