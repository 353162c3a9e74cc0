using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Hotline.Core.Tickets.Storage;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hotline.Tests.Security;

/// <summary>The live hub: an agent's connection gets only the agent's own seat; departments and API keys cannot connect.</summary>
public sealed class HubAccessTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HubConnection Connect(Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions> configure)
        => new HubConnectionBuilder().WithUrl(new Uri(server.Address, "/hubs/live"), configure).Build();

    [Fact]
    public async Task An_agent_on_the_hub_receives_only_their_own_seat_in_every_snapshot()
    {
        // An agent of the demo accounts (agent01..05 = A001..A005) whose seat is on the floor, among others.
        using var wallboard = server.Api(Hotline.Tests.Web.HotlineAppFactory.DeviceToken);
        using var all = JsonDocument.Parse(await wallboard.GetStringAsync("/api/live/snapshot", Ct));
        var floor = all.RootElement.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("agentId").GetString()).ToList();
        var agentId = floor.First(id => id is "A001" or "A002" or "A003" or "A004" or "A005");
        Assert.True(floor.Count > 1, "the floor has several seats");
        var (browser, cookie) = await SecurityTestKit.SignedInWithCookieAsync(server, "agent0" + agentId![^1], Hotline.Tests.Web.Accounts.DemoPassword);
        using var _ = browser;
        var received = Channel.CreateUnbounded<JsonElement>();
        await using var connection = Connect(o => o.Cookies.Add(new Cookie("hotline.auth", cookie, "/", server.Address.Host)));
        connection.On<JsonElement>("ReceiveSnapshot", snapshot => received.Writer.TryWrite(snapshot.Clone()));

        var connected = server.Time.GetUtcNow();
        await connection.StartAsync(Ct);
        // The snapshot sent on connect may predate the demo morning (the test clock stands still); the next push has the seats.
        server.Time.Advance(TimeSpan.FromSeconds(1));

        JsonElement pushed;
        do
        {
            pushed = await received.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(15), Ct);
            Assert.All(pushed.GetProperty("seats").EnumerateArray(), seat => Assert.Equal(agentId, seat.GetProperty("agentId").GetString()));
        }
        while (pushed.GetProperty("generatedAt").GetDateTimeOffset() <= connected);

        Assert.Equal(agentId, Assert.Single(pushed.GetProperty("seats").EnumerateArray()).GetProperty("agentId").GetString());
    }

    [Fact]
    public async Task A_department_user_cannot_connect_to_the_hub()
    {
        var (browser, cookie) = await SecurityTestKit.SignedInWithCookieAsync(server, "department01", Hotline.Tests.Web.Accounts.DemoPassword);
        using var _ = browser;
        await using var connection = Connect(o => o.Cookies.Add(new Cookie("hotline.auth", cookie, "/", server.Address.Host)));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task An_api_key_is_not_a_device_token_on_the_hub()
    {
        await using var connection = Connect(o => o.AccessTokenProvider = () => Task.FromResult<string?>(DemoTicketData.OfficialApiKey));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
