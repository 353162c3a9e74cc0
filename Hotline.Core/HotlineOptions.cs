namespace Hotline.Core;

/// <summary>Settings under <c>Hotline</c> that the KPI math needs.</summary>
public sealed class HotlineOptions
{
    public const string Section = "Hotline";

    /// <summary>IANA time zone that cuts days and months (default Asia/Shanghai).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>An answer within this many seconds counts for the service level (GB/T 33358: 15 s).</summary>
    public double ServiceLevelSeconds { get; set; } = 15;

    /// <summary>Abandons shorter than this are counted separately as short abandons.</summary>
    public double ShortAbandonSeconds { get; set; } = 5;
}
