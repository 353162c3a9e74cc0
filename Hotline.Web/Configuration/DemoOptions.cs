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

    /// <summary>
    /// With <see cref="Enabled"/>: on first start, the simulated switch also produces the previous month and this month
    /// up to today (calls and seat time), with a roster, staff register, quality reviews and complaints, so the
    /// monthly assessment shows full months.
    /// </summary>
    public bool History { get; set; } = true;
}
