namespace Hotline.Core.Assessment;

/// <summary>Who confirmed a month and when; from then on the month's figures are the stored snapshot.</summary>
public sealed record AssessmentConfirmation(string ConfirmedBy, DateTimeOffset ConfirmedAt);
