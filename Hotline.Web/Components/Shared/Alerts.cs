namespace Hotline.Web.Components.Shared;

public static class Alerts
{
    /// <summary>Red at or past <paramref name="red"/>, amber at or past <paramref name="amber"/>, else normal.</summary>
    public static AlertLevel Level(double value, double amber, double red)
        => value >= red ? AlertLevel.Red : value >= amber ? AlertLevel.Amber : AlertLevel.Normal;

    /// <summary>The CSS modifier for a level: <c>normal</c>, <c>amber</c> or <c>red</c>.</summary>
    public static string Css(AlertLevel level) => level.ToString().ToLowerInvariant();
}
