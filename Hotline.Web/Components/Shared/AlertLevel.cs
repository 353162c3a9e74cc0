namespace Hotline.Web.Components.Shared;

/// <summary>How alarming a figure is on a screen.</summary>
public enum AlertLevel
{
    Normal,
    Amber,
    Red,
}
