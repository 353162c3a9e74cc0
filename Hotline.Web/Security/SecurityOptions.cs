namespace Hotline.Web.Security;

/// <summary>Settings under <c>Hotline:Security</c>: passwords, lockout, sessions, rate limits, uploads, first start.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Hotline:Security";

    /// <summary>Minimum password length; passwords also need 3 of: upper case, lower case, digits, symbols.</summary>
    public int PasswordMinLength { get; set; } = 10;

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A signed-in session ends after this long without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How often an open page (Blazor circuit) checks that its user is still enabled, with the same role.</summary>
    public int RevalidateSeconds { get; set; } = 30;

    /// <summary>Sign-in attempts per client address per minute.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Requests per minute per machine client (API key or address) on machine endpoints (APIs, webhooks).</summary>
    public int MachinePermitsPerMinute { get; set; } = 600;

    /// <summary>Largest accepted upload (roster imports), bytes.</summary>
    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Reverse proxies in front of the app (comma-separated addresses or CIDR networks). When set, the client address
    /// (for rate limits and the audit log) and scheme are taken from X-Forwarded-For/-Proto, but only from these proxies;
    /// when empty, forwarded headers are ignored (anyone could send them).
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>The parsed <see cref="KnownProxies"/>: single addresses as /32 (/128) networks; null when an entry is invalid.</summary>
    public IReadOnlyList<System.Net.IPNetwork>? ProxyNetworks()
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (KnownProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
                networks.Add(network);
            else if (System.Net.IPAddress.TryParse(entry, out var address))
                networks.Add(new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else
                return null;
        }

        return networks;
    }

    /// <summary>The admin account created on the first start without demo data.</summary>
    public string InitialAdminUserName { get; set; } = "admin";

    /// <summary>
    /// Required on the first start without demo data (no admin yet): the first admin's password. Give it once (an
    /// environment variable <c>Hotline__Security__InitialAdminPassword</c>), then remove it.
    /// </summary>
    public string? InitialAdminPassword { get; set; }

    public IEnumerable<string> Validate()
    {
        if (PasswordMinLength is < 8 or > 128) yield return $"{Section}:PasswordMinLength must be 8..128.";
        if (MaxFailedSignIns is < 1 or > 100) yield return $"{Section}:MaxFailedSignIns must be 1..100.";
        if (LockoutMinutes is < 1 or > 1440) yield return $"{Section}:LockoutMinutes must be 1..1440.";
        if (IdleTimeoutMinutes is < 1 or > 1440) yield return $"{Section}:IdleTimeoutMinutes must be 1..1440.";
        if (RevalidateSeconds is < 1 or > 3600) yield return $"{Section}:RevalidateSeconds must be 1..3600.";
        if (SignInPermitsPerMinute < 1) yield return $"{Section}:SignInPermitsPerMinute must be at least 1.";
        if (MachinePermitsPerMinute < 1) yield return $"{Section}:MachinePermitsPerMinute must be at least 1.";
        if (MaxUploadBytes < 1) yield return $"{Section}:MaxUploadBytes must be positive.";
        if (ProxyNetworks() is null) yield return $"{Section}:KnownProxies must be comma-separated IP addresses or CIDR networks.";
        if (string.IsNullOrWhiteSpace(InitialAdminUserName)) yield return $"{Section}:InitialAdminUserName must not be empty.";
    }
}
