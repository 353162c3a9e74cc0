using System.Diagnostics;
using Hotline.Telephony;
using Hotline.Telephony.Ami;
using Hotline.Telephony.Asterisk;
using Microsoft.Extensions.Options;

namespace Hotline.Tests.Asterisk;

/// <summary>
/// The real Asterisk for these tests: the one at <c>HOTLINE_TEST_AMI</c> (host:port, user hotline) if set, otherwise
/// the sandbox that <c>scripts/asterisk-sandbox.sh start</c> runs (started once per test run, idempotent).
/// If neither works the tests fail with the script's output: they are never skipped.
/// </summary>
public static class AsteriskSandbox
{
    public const string EnvironmentVariable = "HOTLINE_TEST_AMI";
    public const string User = "hotline";
    public const string Secret = "hotline-ami-secret";

    /// <summary>The ARI user in deploy/asterisk/ari.conf.</summary>
    public const string AriUser = "hotline";
    public const string AriPassword = "hotline-ari-secret";

    /// <summary>ARI of the sandbox: <c>HOTLINE_TEST_ARI</c> if set, else loopback on the script's <c>HTTP_PORT</c> (8088).</summary>
    public static string AriBaseUrl() =>
        Environment.GetEnvironmentVariable("HOTLINE_TEST_ARI") is { Length: > 0 } configured ? configured
        : $"http://127.0.0.1:{(Environment.GetEnvironmentVariable("HTTP_PORT") is { Length: > 0 } port ? port : "8088")}/ari";

    /// <summary>Where the sandbox's MixMonitor writes (extensions.conf [inbound]), seen from this machine through the
    /// chroot: <c>HOTLINE_TEST_RECORDINGS</c> if set, else under the script's <c>ASTROOT</c>.</summary>
    public static string RecordingsPath() =>
        Environment.GetEnvironmentVariable("HOTLINE_TEST_RECORDINGS") is { Length: > 0 } configured ? configured : InChroot("var/spool/asterisk/recording");

    /// <summary>A path inside the sandbox's chroot as seen from this machine (the script's <c>ASTROOT</c>).</summary>
    public static string InChroot(string path) =>
        Path.Combine(Environment.GetEnvironmentVariable("ASTROOT") is { Length: > 0 } root ? root : "/var/tmp/hotline-asterisk/root", path);

    private static readonly Lazy<Task<(string Host, int Port)>> Server = new(FindOrStartAsync);

    /// <summary>The sandbox's IVR include (the script's ASTROOT, as for <c>scripts/asterisk-sandbox.sh</c>): the product
    /// writes the generated menu there.</summary>
    public static string IvrIncludePath => InChroot("etc/asterisk/hotline-ivr.conf");

    public static Task<(string Host, int Port)> AmiAsync() => Server.Value;

    /// <summary>Runs the sandbox script (start, stop) and fails with its output if it fails.</summary>
    public static async Task RunScriptAsync(string command)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "asterisk-sandbox.sh"));
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run scripts/asterisk-sandbox.sh.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A fresh machine builds the chroot first (about two minutes).
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The Asterisk tests need a running Asterisk: set {EnvironmentVariable} or make scripts/asterisk-sandbox.sh {command} work (exit {process.ExitCode}).\n{await stdout}\n{await stderr}");
        }
    }

    /// <summary>
    /// The tests' own AMI connection ("driver"), logged in, with the sandbox reset and the emulated agents talking
    /// <paramref name="talkMin"/>..<paramref name="talkMax"/> seconds (extensions.conf [agents]).
    /// </summary>
    /// <summary>
    /// The product's bridge on one sandbox node ("sandbox", authorised number 12345), reconnecting quickly because tests
    /// cut and restore links; <paramref name="node"/> adds node settings (IVR include, queue_log).
    /// </summary>
    public static AsteriskTelephony Bridge(string host, int port, Action<AsteriskNodeOptions>? node = null, TimeSpan? maxRetryDelay = null)
    {
        var settings = new AsteriskNodeOptions { Name = "sandbox", Ami = new AmiEndpointOptions { Host = host, Port = port, User = User, Secret = Secret } };
        node?.Invoke(settings);
        var options = new TelephonyOptions { Mode = "Asterisk" };
        options.Asterisk.Nodes.Add(settings);
        options.Asterisk.OutboundCallerId = "12345";
        return new AsteriskTelephony(Options.Create(options), TimeProvider.System,
            tune: s => s with { FirstRetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = maxRetryDelay ?? TimeSpan.FromSeconds(1) });
    }

    public static async Task<AmiClient> StartDriverAsync(string host, int port, int talkMin, int talkMax, CancellationToken cancellationToken)
    {
        var driver = new AmiClient(Settings(host, port, "driver"), TimeProvider.System);
        driver.Start();
        await AsteriskWait.Until(() => driver.IsConnected, TimeSpan.FromSeconds(10), "the test driver to log in");
        await ResetAsync(driver, cancellationToken);
        await driver.SendAsync(new AmiAction("Setvar").Add("Variable", "AGENT_TALK_MIN").Add("Value", talkMin.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        await driver.SendAsync(new AmiAction("Setvar").Add("Variable", "AGENT_TALK_MAX").Add("Value", talkMax.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        return driver;
    }

    /// <summary>A simulated citizen (extensions.conf [caller]) who calls the hotline and hangs up after
    /// <paramref name="seconds"/>, pressing <paramref name="ivrDigit"/> in the menu and, when given, asking for a callback.</summary>
    public static AmiAction Caller(int seconds, string number, string? ivrDigit = null, int? callbackAfter = null)
    {
        var action = new AmiAction("Originate").Add("Channel", $"Local/{seconds}@caller").Add("Context", "inbound").Add("Exten", "s")
            .Add("Priority", "1").Add("CallerID", $"Caller <{number}>").Add("Async", "true").Add("Timeout", "30000");
        if (ivrDigit is not null) action.Add("Variable", "__IVRDIGIT=" + ivrDigit);
        if (callbackAfter is { } after) action.Add("Variable", "__CALLBACKAFTER=" + after.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return action;
    }

    /// <summary>
    /// Leaves the shared Asterisk as a new test expects it: no queue members (they would take its calls) and no channels
    /// (callers and agents of an earlier test still talking would be offered to its seats or counted in its totals).
    /// </summary>
    public static async Task ResetAsync(AmiClient driver, CancellationToken cancellationToken)
    {
        var status = await driver.SendListAsync(new AmiAction("QueueStatus").Add("Queue", "hotline"), cancellationToken);
        foreach (var member in status.Where(f => f.Event == "QueueMember"))
        {
            await driver.SendAsync(new AmiAction("QueueRemove").Add("Queue", "hotline").Add("Interface", member["Location"]), cancellationToken);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var channels = (await driver.SendListAsync(new AmiAction("CoreShowChannels"), cancellationToken)).Where(f => f.Event == "CoreShowChannel").ToList();
            if (channels.Count == 0) return;
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Channels still up after hanging them up: {string.Join(", ", channels.Select(c => c["Channel"]))}");
            }

            foreach (var channel in channels)
            {
                try
                {
                    await driver.SendAsync(new AmiAction("Hangup").Add("Channel", channel["Channel"]), cancellationToken);
                }
                catch (AmiActionException)
                {
                    // Gone meanwhile (hanging up one half of a Local channel ends the other).
                }
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public static AmiClientSettings Settings(string host, int port, string name = "sandbox") => new()
    {
        Name = name,
        Host = host,
        Port = port,
        User = User,
        Secret = Secret,
        FirstRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromSeconds(1),
    };

    private static async Task<(string, int)> FindOrStartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var parts = configured.Split(':');
            return (parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 5038);
        }

        await RunScriptAsync("start");
        return ("127.0.0.1", 5038);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Hotline.sln above {AppContext.BaseDirectory}.");
    }
}
