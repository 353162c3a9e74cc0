using Hotline.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Web;

/// <summary>
/// One real Kestrel server (temp SQLite, demo data, simulated switch) shared by the server tests. It runs on a
/// test clock frozen at 10:00 in Shanghai: the demo fast-forward fills the morning, and nothing moves until a
/// test advances the clock.
/// </summary>
public sealed class LiveServerFixture : IAsyncLifetime
{
    public LiveServerFixture()
    {
        Factory = new HotlineAppFactory(HotlineAppFactory.NewFolder(), new Dictionary<string, string?>
        {
            ["Hotline:Telephony:Simulation:LoadFactor"] = "1",
        }, Time, kestrel: true);
    }

    /// <summary>2026-11-27 10:00 in Asia/Shanghai.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public HotlineAppFactory Factory { get; }

    public Uri Address => Factory.ServerAddress;

    public async ValueTask InitializeAsync()
    {
        Factory.StartServer();
        var ingest = Factory.Services.GetRequiredService<TelephonyIngestService>();
        await ingest.CaughtUp.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    /// <summary>A browser-like client: cookies kept, redirects visible.</summary>
    public HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
    {
        BaseAddress = Address,
    };

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
