using System.Net.Http.Headers;
using Hotline.Tests.Web;
using Hotline.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.TicketsWeb;

/// <summary>
/// The real app on Kestrel (temp SQLite, demo users, departments, API keys and a few demo tickets) on a test clock
/// frozen at Friday 2026-11-27 10:00 in Shanghai.
/// </summary>
public sealed class TicketsServerFixture : IAsyncLifetime
{
    public TicketsServerFixture()
    {
        Factory = new HotlineAppFactory(HotlineAppFactory.NewFolder(), new Dictionary<string, string?>
        {
            ["Hotline:Telephony:Simulation:LoadFactor"] = "0.2",
            ["Hotline:Demo:TicketCount"] = "20",
        }, Time, kestrel: true);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public HotlineAppFactory Factory { get; }

    public Uri Address => Factory.ServerAddress;

    public async ValueTask InitializeAsync()
    {
        Factory.StartServer();
        var ingest = Factory.Services.GetRequiredService<TelephonyIngestService>();
        await ingest.CaughtUp.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

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

    /// <summary>A browser-like client: cookies kept, redirects visible.</summary>
    public HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
    {
        BaseAddress = Address,
    };

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
