using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Web;

/// <summary>
/// The real app on a temporary SQLite file, with settings overridden per test; optionally on real Kestrel
/// and with a test clock.
/// </summary>
public sealed class HotlineAppFactory : WebApplicationFactory<Program>
{
    public const string DeviceToken = "test-wallboard-token";

    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    public HotlineAppFactory(string folder, IDictionary<string, string?>? settings = null, TimeProvider? time = null, bool kestrel = false)
    {
        Folder = folder;
        _time = time;
        _settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Hotline"] = $"Data Source={Path.Combine(folder, "hotline.db")}",
            ["Hotline:Database:Provider"] = "Sqlite",
            ["Hotline:Telephony:Mode"] = "Simulated",
            ["Hotline:Telephony:Simulation:Seed"] = "7",
            ["Hotline:Telephony:Simulation:LoadFactor"] = "3",
            ["Hotline:Demo:Enabled"] = "true",
            // The demo's simulated previous month takes seconds: only the assessment tests ask for it.
            ["Hotline:Demo:History"] = "false",
            ["Hotline:Wallboard:DeviceTokens:0"] = DeviceToken,
            ["Hotline:Recordings:SimulatedPath"] = Path.Combine(folder, "recordings"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Many tests sign in from one address within a minute: the rate-limit tests set their own limits.
            ["Hotline:Security:SignInPermitsPerMinute"] = "100000",
            ["Hotline:Security:MachinePermitsPerMinute"] = "100000",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "logs", "hotline-.log"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public string Folder { get; }

    /// <summary>A fresh empty folder under the temp directory for one test's database and logs.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hotline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The address Kestrel listens on (after <see cref="WebApplicationFactory{T}.StartServer"/>).</summary>
    public Uri ServerAddress
        => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
        }
    }
}
