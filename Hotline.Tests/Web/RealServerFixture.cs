using System.Net.Http.Headers;
using Hotline.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Web;

/// <summary>
/// The real app on Kestrel (temp SQLite, demo data, simulated switch) on a test clock frozen at Friday
/// 2026-11-27 10:00 in Shanghai: the demo fast-forward fills the morning, and nothing moves until a test
/// advances the clock. Subclasses choose the settings.
/// </summary>
public abstract class RealServerFixture : IAsyncLifetime
{
    protected RealServerFixture(IDictionary<string, string?> settings)
    {
        Factory = new HotlineAppFactory(HotlineAppFactory.NewFolder(), settings, Time, kestrel: true);
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

    /// <summary>An API client presenting <paramref name="key"/> (or nothing).</summary>
    public HttpClient Api(string? key)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
