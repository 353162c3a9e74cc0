namespace Hotline.Web.Configuration;

/// <summary>Settings under <c>Hotline:Wallboard</c>: device tokens and the colour thresholds of the board.</summary>
public sealed class WallboardOptions
{
    public const string Section = "Hotline:Wallboard";

    /// <summary>Tokens a wallboard device presents (<c>?token=</c> on /wallboard, bearer on the API and hub).</summary>
    public List<string> DeviceTokens { get; set; } = [];

    /// <summary>Waiting calls at or above this count turn the tile amber.</summary>
    public int WaitingCallsAmber { get; set; } = 5;

    public int WaitingCallsRed { get; set; } = 10;

    /// <summary>A longest wait at or above this many seconds turns the tile amber.</summary>
    public double LongestWaitAmberSeconds { get; set; } = 15;

    public double LongestWaitRedSeconds { get; set; } = 30;

    /// <summary>Data older than this is marked stale on every screen.</summary>
    public double StaleAfterSeconds { get; set; } = 5;
}
