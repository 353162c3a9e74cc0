using static Hotline.Tests.Asterisk.AsteriskWait;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Hotline.Telephony;
using Hotline.Telephony.Ami;
using Hotline.Tests.Web;
using Hotline.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Asterisk;

/// <summary>The whole app in Asterisk mode against the sandbox: what callers do on the real switch shows in <c>/api/live/snapshot</c>.</summary>
[Collection(nameof(AsteriskSandbox))]
public sealed class AsteriskWebAppTests : IAsyncLifetime
{
    private HotlineAppFactory _app = null!;
    private AmiClient _driver = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var (host, port) = await AsteriskSandbox.AmiAsync();
        _driver = await AsteriskSandbox.StartDriverAsync(host, port, 2, 3, Ct);

        _app = new HotlineAppFactory(HotlineAppFactory.NewFolder(), new Dictionary<string, string?>
        {
            ["Hotline:Telephony:Mode"] = "Asterisk",
            ["Hotline:Demo:Enabled"] = "false",
            ["Hotline:Security:InitialAdminPassword"] = "Sandbox!Pass#2026", // no demo data: the first start needs the admin password
            ["Hotline:Telephony:Asterisk:Nodes:0:Name"] = "sandbox",
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Host"] = host,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:User"] = AsteriskSandbox.User,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Secret"] = AsteriskSandbox.Secret,
        });
        _ = _app.Services; // starts the host: the bridge connects and the ingest runs
        await _app.Services.GetRequiredService<TelephonyIngestService>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _driver.DisposeAsync();
    }

    [Fact]
    public async Task Callers_on_the_real_switch_show_as_offered_answered_abandoned_and_self_served_in_the_snapshot_api()
    {
        await Until(async () => (await SnapshotAsync()).GetProperty("switchLinkUp").GetBoolean(), TimeSpan.FromSeconds(10), "the switch link up");
        var telephony = _app.Services.GetRequiredService<ITelephony>();
        await telephony.LogInAsync("W1", "2001", Ct);
        await telephony.LogInAsync("W2", "2002", Ct);
        await telephony.SetReadyAsync("W1", Ct);
        await telephony.SetReadyAsync("W2", Ct);
        await Until(async () => ReadySeats(await SnapshotAsync()) == 2, TimeSpan.FromSeconds(5), "both seats ready", async () => (await SnapshotAsync()).GetProperty("seats").ToString());

        // As in AsteriskTelephonyTests: four callers who wait, one served by the IVR (digit 9), one who hangs up in
        // the IVR menu, and one who gives up 3 s after joining the queue behind the others.
        for (var i = 1; i <= 4; i++) await CallAsync(25, $"55520{i}");
        await CallAsync(20, "555209", digit: "9");
        await CallAsync(1, "555208");
        await Task.Delay(300, Ct);
        await CallAsync(6, "555205");

        await Until(async () => Today(await SnapshotAsync()) is (_, 4, 1, _), TimeSpan.FromSeconds(40), "four answers and one abandon");
        Assert.Equal((7, 4, 1, 1), Today(await SnapshotAsync()));
    }

    private async Task<JsonElement> SnapshotAsync()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HotlineAppFactory.DeviceToken);
        using var response = await client.GetAsync("/api/live/snapshot", Ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.Clone();
    }

    private static (int Offered, int Answered, int Abandoned, int SelfServed) Today(JsonElement snapshot)
    {
        var today = snapshot.GetProperty("today");
        return (today.GetProperty("offered").GetInt32(), today.GetProperty("answered").GetInt32(),
            today.GetProperty("abandoned").GetInt32(), today.GetProperty("selfServed").GetInt32());
    }

    private static int ReadySeats(JsonElement snapshot) =>
        snapshot.GetProperty("seats").EnumerateArray().Count(s => s.GetProperty("state").GetString() == "Ready");

    private Task CallAsync(int seconds, string number, string? digit = null) => _driver.SendAsync(AsteriskSandbox.Caller(seconds, number, digit), Ct);

}
