namespace Hotline.Core.Recordings;

/// <summary>Settings under <c>Hotline:Recordings</c>.</summary>
public sealed class RecordingOptions
{
    public const string Section = "Hotline:Recordings";

    /// <summary>DOMAIN.md: recordings are kept at least 3 months.</summary>
    public const int MinimumRetentionDays = 90;

    /// <summary>Recordings that started longer ago than this are deleted by the retention job (default 100, never below 90).</summary>
    public int RetentionDays { get; set; } = 100;

    /// <summary>Where the simulated switch's demo recording is written (the <c>simulated</c> node's recordings directory).</summary>
    public string SimulatedPath { get; set; } = "data/recordings";
}
