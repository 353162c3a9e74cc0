using System.Net.Http.Headers;
using System.Text.Json;
using Hotline.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Web;

/// <summary>After a graceful stop and a new start on the same database, the day totals are the same.</summary>
public sealed class RestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_restarted_app_shows_the_same_day_totals_as_before_it_stopped()
    {
        var folder = HotlineAppFactory.NewFolder();
        // Frozen at 10:00 in Shanghai: the demo fast-forward produces the morning, then nothing moves, so the
        // totals at stop are exactly what was produced, and the restarted switch adds no call before we look.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?> { ["Hotline:Telephony:Simulation:LoadFactor"] = "1" };

        LiveProjection before;
        await using (var first = new HotlineAppFactory(folder, settings, clock))
        {
            first.StartServer();
            await first.Services.GetRequiredService<TelephonyIngestService>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            before = first.Services.GetRequiredService<LiveProjection>();
        }

        // Taken after the graceful stop: it includes every event the stop drained from the switch.
        var totals = before.Snapshot(clock.GetUtcNow()).Today;
        Assert.True(totals.Offered > 100, $"the morning had calls ({totals.Offered})");
        Assert.True(totals.Answered > 0 && totals.SelfServed > 0, "calls were answered and self-served");

        // Demo off: an empty restore must not be covered up by simulating the same morning again.
        settings["Hotline:Demo:Enabled"] = "false";
        await using var second = new HotlineAppFactory(folder, settings, clock);
        using var client = second.CreateClient();
        await second.Services.GetRequiredService<TelephonyIngestService>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HotlineAppFactory.DeviceToken);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/live/snapshot", Ct));
        var today = json.RootElement.GetProperty("today");

        Assert.Equal(totals.Offered, today.GetProperty("offered").GetInt32());
        Assert.Equal(totals.Answered, today.GetProperty("answered").GetInt32());
        Assert.Equal(totals.Abandoned, today.GetProperty("abandoned").GetInt32());
        Assert.Equal(totals.SelfServed, today.GetProperty("selfServed").GetInt32());
        Assert.Equal(totals.AnsweredWithin15s, today.GetProperty("answeredWithin15s").GetInt32());
    }
}
