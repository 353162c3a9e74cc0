namespace Hotline.Telephony.Asterisk;

/// <summary>One Asterisk: <c>Hotline:Telephony:Asterisk:Nodes:N</c>.</summary>
public sealed class AsteriskNodeOptions
{
    public string Name { get; set; } = "";

    public AmiEndpointOptions Ami { get; set; } = new();

    /// <summary>May be left empty: what needs ARI is then off for this node, and everything else runs on AMI.</summary>
    public AriEndpointOptions Ari { get; set; } = new();

    /// <summary>Where the product writes the generated IVR include (the node's <c>/etc/asterisk/hotline-ivr.conf</c>, on a
    /// path this server can write); empty = the IVR menu is not published to this node.</summary>
    public string IvrIncludePath { get; set; } = "";

    /// <summary>The node's recordings directory as a local path on this machine (where MixMonitor writes, e.g. a mount of
    /// <c>/var/spool/asterisk/recording</c>). Empty: recordings are fetched through ARI, or are not playable without ARI.</summary>
    public string RecordingsPath { get; set; } = "";

    /// <summary>The node's queue_log (<c>/var/log/asterisk/queue_log</c> on the switch) as a local path here, e.g. a
    /// mount. After an AMI outage the calls that happened wholly in it are reconciled from this file. Empty = off.</summary>
    public string QueueLogPath { get; set; } = "";
}
