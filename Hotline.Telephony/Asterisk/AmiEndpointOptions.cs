namespace Hotline.Telephony.Asterisk;

/// <summary><c>Hotline:Telephony:Asterisk:Nodes:N:Ami</c> (a manager.conf user with read/write rights).</summary>
public sealed class AmiEndpointOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 5038;

    public string User { get; set; } = "";

    public string Secret { get; set; } = "";
}
