namespace Hotline.Telephony.Asterisk;

/// <summary>Settings under <c>Hotline:Telephony:Asterisk</c> (used when <c>Hotline:Telephony:Mode</c> is <c>Asterisk</c>).</summary>
public sealed class AsteriskOptions
{
    public const string Section = "Hotline:Telephony:Asterisk";

    /// <summary>One entry per Asterisk (calls landing at several sites are merged into one live picture).</summary>
    public List<AsteriskNodeOptions> Nodes { get; set; } = [];

    /// <summary>The app_queue queue seats log in to.</summary>
    public string Queue { get; set; } = "hotline";

    /// <summary>An agent's device; <c>{extension}</c> is replaced by the seat's extension.</summary>
    public string AgentDevice { get; set; } = "Local/{extension}@agents";

    /// <summary>Dialplan context that dials the citizen for outbound calls (平台外呼).</summary>
    public string OutboundContext { get; set; } = "outbound";

    /// <summary>Dialplan context that runs ChanSpy on the extension in <c>EXTEN</c> with options in <c>SPYOPTS</c>.</summary>
    public string MonitorContext { get; set; } = "monitor";

    /// <summary>The authorised number shown to citizens on outbound calls (外显), e.g. <c>12345</c>.</summary>
    public string OutboundCallerId { get; set; } = "";

    /// <summary>The queue's <c>wrapuptime</c> in deploy/asterisk/queues.conf (keep them equal): after a queue call the
    /// seat shows WrapUp (话后处理) this long, then Ready; Asterisk sends no event for the end, so the bridge times it.</summary>
    public int WrapUpSeconds { get; set; } = 5;

    /// <summary>Every problem, each naming its setting; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Nodes.Count == 0)
        {
            errors.Add($"{Section}:Nodes must list at least one Asterisk node when Hotline:Telephony:Mode is Asterisk");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Nodes.Count; i++)
        {
            var node = Nodes[i];
            var at = $"{Section}:Nodes:{i}";
            if (string.IsNullOrWhiteSpace(node.Name)) errors.Add($"{at}:Name is required");
            else if (!names.Add(node.Name)) errors.Add($"{at}:Name '{node.Name}' is used by another node");
            if (string.IsNullOrWhiteSpace(node.Ami.Host)) errors.Add($"{at}:Ami:Host is required");
            if (node.Ami.Port is < 1 or > 65535) errors.Add($"{at}:Ami:Port must be 1-65535 (was {node.Ami.Port})");
            if (string.IsNullOrWhiteSpace(node.Ami.User)) errors.Add($"{at}:Ami:User is required");
            if (string.IsNullOrEmpty(node.Ami.Secret)) errors.Add($"{at}:Ami:Secret is required");
            if (!string.IsNullOrWhiteSpace(node.Ari.BaseUrl) && !Uri.TryCreate(node.Ari.BaseUrl, UriKind.Absolute, out _))
            {
                errors.Add($"{at}:Ari:BaseUrl must be an absolute URL such as http://127.0.0.1:8088/ari (was '{node.Ari.BaseUrl}')");
            }
        }

        if (WrapUpSeconds is < 0 or > 3600) errors.Add($"{Section}:WrapUpSeconds must be 0-3600 (was {WrapUpSeconds})");
        if (string.IsNullOrWhiteSpace(Queue)) errors.Add($"{Section}:Queue is required");
        if (!AgentDevice.Contains("{extension}", StringComparison.Ordinal)) errors.Add($"{Section}:AgentDevice must contain {{extension}} (was '{AgentDevice}')");
        return errors;
    }
}
