namespace Hotline.Core.Assessment;

/// <summary>效能指数 of a month as published by the city 12345 centre, entered by hand.</summary>
public sealed record EfficiencyEntry(AssessmentMonth Month, double Score, int? Rank, string? Note, string EnteredBy, DateTimeOffset EnteredAt);
