namespace Hotline.Telephony.Asterisk;

/// <summary><c>Hotline:Telephony:Asterisk:Nodes:N:Ari</c> (an ari.conf user).</summary>
public sealed class AriEndpointOptions
{
    /// <summary>E.g. <c>http://127.0.0.1:8088/ari</c>; empty turns ARI off for the node.</summary>
    public string BaseUrl { get; set; } = "";

    public string User { get; set; } = "";

    public string Password { get; set; } = "";
}
