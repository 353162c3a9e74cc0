namespace Hotline.Web.Configuration;

/// <summary>Settings under <c>Hotline:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Hotline:Demo";

    /// <summary>
    /// Loads demo users and, on an empty day, fast-forwards the simulated switch from midnight. Defaults to true in the
    /// Development environment only.
    /// </summary>
    public bool Enabled { get; set; }
}
