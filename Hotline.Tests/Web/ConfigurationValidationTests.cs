using System.Diagnostics;

namespace Hotline.Tests.Web;

/// <summary>
/// Bad settings stop the start with a message that names the setting. The real app runs as its own process
/// (as an operator starts it, settings from environment variables): it must exit, not serve, and say why.
/// </summary>
public sealed class ConfigurationValidationTests
{
    private static async Task<ProcessExit> StartWith(string key, string value)
    {
        var folder = HotlineAppFactory.NewFolder();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Hotline.Web.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Hotline"] = $"Data Source={Path.Combine(folder, "hotline.db")}";
        start.Environment["Hotline__Demo__Enabled"] = "false";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "hotline-.log");
        start.Environment[key.Replace(":", "__")] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The app kept running with {key}={value}: a bad setting must stop the start.");
        }

        return new ProcessExit(process.ExitCode, await output + await error);
    }

    private sealed record ProcessExit(int Code, string Output)
    {
        public string Message
        {
            get
            {
                Assert.NotEqual(0, Code);
                return Output;
            }
        }
    }

    [Fact]
    public async Task An_unknown_telephony_mode_stops_the_start_naming_the_setting()
    {
        var error = await StartWith("Hotline:Telephony:Mode", "Carrier-Pigeon");

        Assert.Contains("Hotline:Telephony:Mode must be Simulated or Asterisk (was 'Carrier-Pigeon')", error.Message);
    }

    [Fact]
    public async Task Asterisk_mode_without_nodes_stops_the_start_naming_the_nodes_setting()
    {
        var error = await StartWith("Hotline:Telephony:Mode", "Asterisk");

        Assert.Contains("Hotline:Telephony:Asterisk:Nodes must list at least one Asterisk node", error.Message);
    }

    [Fact]
    public async Task A_malformed_time_zone_stops_the_start_naming_the_setting()
    {
        var error = await StartWith("Hotline:TimeZone", "Asia/Atlantis");

        Assert.Contains("Hotline:TimeZone", error.Message);
        Assert.Contains("Asia/Atlantis", error.Message);
    }

    [Fact]
    public async Task An_unknown_database_provider_stops_the_start_naming_the_setting()
    {
        var error = await StartWith("Hotline:Database:Provider", "Oracle");

        Assert.Contains("Hotline:Database:Provider must be Sqlite, PostgreSql or SqlServer (was 'Oracle')", error.Message);
    }

    [Fact]
    public async Task Wallboard_thresholds_in_the_wrong_order_stop_the_start_naming_the_setting()
    {
        var error = await StartWith("Hotline:Wallboard:LongestWaitAmberSeconds", "60");

        Assert.Contains("Hotline:Wallboard:LongestWaitAmberSeconds", error.Message);
    }

    [Fact]
    public async Task A_recordings_retention_below_90_days_stops_the_start_naming_the_setting()
    {
        var error = await StartWith("Hotline:Recordings:RetentionDays", "60");

        Assert.Contains("Hotline:Recordings:RetentionDays must be at least 90", error.Message);
    }
}
