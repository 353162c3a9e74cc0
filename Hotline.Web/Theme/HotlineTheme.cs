using MudBlazor;

namespace Hotline.Web.Theme;

/// <summary>The one theme: a light palette for desks and a dark one for the wallboard.</summary>
public static class HotlineTheme
{
    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            AppbarBackground = "#0d47a1",
            Success = "#2e7d32",
            Warning = "#f59e0b",
            Error = "#d32f2f",
            Info = "#0288d1",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#4db6ac",
            Background = "#0b1220",
            Surface = "#141d2f",
            AppbarBackground = "#0b1220",
            TextPrimary = "#f1f5f9",
            TextSecondary = "#94a3b8",
            Success = "#22c55e",
            Warning = "#f59e0b",
            Error = "#ef4444",
            Info = "#38bdf8",
            LinesDefault = "#1e293b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
