using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hotline.Tests.Web;

/// <summary>The live pipeline, the API and sign-in on a real Kestrel server.</summary>
public sealed class LiveServerTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signalr_client_with_the_device_token_receives_pushed_snapshots()
    {
        var connected = server.Time.GetUtcNow();
        var received = Channel.CreateUnbounded<JsonElement>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(HotlineAppFactory.DeviceToken))
            .Build();
        connection.On<JsonElement>("ReceiveSnapshot", snapshot => received.Writer.TryWrite(snapshot.Clone()));

        await connection.StartAsync(Ct);
        // One snapshot comes on connect; then the feed pushes at least once a second.
        server.Time.Advance(TimeSpan.FromSeconds(1));

        JsonElement pushed;
        do
        {
            pushed = await received.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(15), Ct);
        }
        while (pushed.GetProperty("generatedAt").GetDateTimeOffset() <= connected);

        Assert.Equal(connected.AddSeconds(1), pushed.GetProperty("generatedAt").GetDateTimeOffset());
        Assert.True(pushed.GetProperty("today").GetProperty("offered").GetInt32() > 0, "the demo morning has calls");
        Assert.Equal(JsonValueKind.String, pushed.GetProperty("seats")[0].GetProperty("state").ValueKind);
    }

    [Fact]
    public async Task A_signalr_client_without_a_token_is_refused()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(server.Address, "/hubs/live")).Build();

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task The_snapshot_api_with_the_device_token_returns_the_documented_fields()
    {
        using var client = server.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HotlineAppFactory.DeviceToken);

        using var response = await client.GetAsync("/api/live/snapshot", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;
        root.GetProperty("generatedAt").GetDateTimeOffset();
        Assert.True(root.GetProperty("switchLinkUp").ValueKind is JsonValueKind.True or JsonValueKind.False);
        var today = root.GetProperty("today");
        foreach (var field in new[]
                 {
                     "offered", "answered", "selfServed", "abandoned", "shortAbandoned", "answeredWithin15s",
                     "effectiveConnectionRate", "agentConnectionRate", "serviceLevel15s", "abandonRate",
                     "averageSpeedOfAnswerSeconds", "averageHandleTimeSeconds",
                 })
        {
            Assert.Equal(JsonValueKind.Number, today.GetProperty(field).ValueKind);
        }

        var rate = today.GetProperty("effectiveConnectionRate").GetDouble();
        Assert.InRange(rate, 0, 1);
        Assert.True(today.GetProperty("offered").GetInt32() > 0, "the demo morning has calls");
        var queue = root.GetProperty("queues").EnumerateArray().First();
        queue.GetProperty("name").GetString();
        queue.GetProperty("waiting").GetInt32();
        queue.GetProperty("longestWaitSeconds").GetDouble();
        var seats = root.GetProperty("seats").EnumerateArray().ToList();
        Assert.NotEmpty(seats);
        foreach (var seat in seats)
        {
            seat.GetProperty("agentId").GetString();
            seat.GetProperty("name").GetString();
            Assert.True(Enum.TryParse<Hotline.Telephony.SeatState>(seat.GetProperty("state").GetString(), out _), "state is the enum's name");
            Assert.True(seat.TryGetProperty("reason", out _));
            seat.GetProperty("secondsInState").GetDouble();
            if (seat.GetProperty("currentCaller").GetString() is { } caller)
            {
                Assert.Contains("****", caller);
            }
        }
    }

    [Fact]
    public async Task The_snapshot_api_without_credentials_answers_401()
    {
        using var client = server.Browser();

        using var response = await client.GetAsync("/api/live/snapshot", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_snapshot_api_with_a_wrong_device_token_answers_401()
    {
        using var client = server.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.GetAsync("/api/live/snapshot", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_snapshot_api_refuses_a_department_user_with_403()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "department01");

        using var response = await browser.GetAsync("/api/live/snapshot", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_gets_only_their_own_seat_from_the_snapshot_api()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "agent01");

        using var response = await browser.GetAsync("/api/live/snapshot", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.All(json.RootElement.GetProperty("seats").EnumerateArray(), seat => Assert.Equal("A001", seat.GetProperty("agentId").GetString()));
    }

    [Fact]
    public async Task Signing_in_with_a_demo_account_sets_the_cookie_and_returns_to_the_requested_page()
    {
        using var browser = server.Browser();

        using var response = await Accounts.PostLoginAsync(browser, "supervisor01", Accounts.DemoPassword, "/supervisor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/supervisor", response.Headers.Location!.OriginalString);
        using var page = await browser.GetAsync("/supervisor", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("班长监控", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_fails_and_shows_the_form_again()
    {
        using var browser = server.Browser();

        using var response = await Accounts.PostLoginAsync(browser, "supervisor01", "wrong-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?error=1", response.Headers.Location!.OriginalString);
        using var page = await browser.GetAsync("/supervisor", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_in_without_the_antiforgery_token_is_rejected()
    {
        using var browser = server.Browser();
        var form = new Dictionary<string, string> { ["userName"] = "supervisor01", ["password"] = Accounts.DemoPassword };

        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(form), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_supervisor_page_is_refused_to_an_agent()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "agent02");

        using var response = await browser.GetAsync("/supervisor", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_agent_page_shows_the_signed_in_agents_own_seat()
    {
        using var browser = server.Browser();
        await Accounts.SignInAsync(browser, "agent03");

        using var response = await browser.GetAsync("/agent", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("我的坐席 A003", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task The_wallboard_opens_with_the_device_token_and_no_user()
    {
        using var browser = server.Browser();

        using var response = await browser.GetAsync($"/wallboard?token={HotlineAppFactory.DeviceToken}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("排队等待", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("hotline.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_wallboard_without_a_token_sends_people_to_sign_in()
    {
        using var browser = server.Browser();

        using var response = await browser.GetAsync("/wallboard", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
    }
}
