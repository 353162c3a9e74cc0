using System.Net;
using Hotline.Core.Security;
using Hotline.Web.Security;
using Hotline.Tests.Web;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Security;

/// <summary>An open live-hub connection ends when its user's session no longer stands, not only at the next reconnect.</summary>
public sealed class LiveHubSessionTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string?> AdministerAsync(Func<UserAdministration, Task<string?>> change)
    {
        using var scope = server.Factory.Services.CreateScope();
        return await change(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private async Task<(HttpClient Browser, HubConnection Connection, Task Closed, string UserName)> ConnectedSupervisorAsync()
    {
        var user = await SecurityTestKit.NewUserAsync(server, Roles.Supervisor);
        var (browser, cookie) = await SecurityTestKit.SignedInWithCookieAsync(server, user.UserName);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/live"), o => o.Cookies.Add(new Cookie("hotline.auth", cookie, "/", server.Address.Host)))
            .Build();
        var closed = new TaskCompletionSource();
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync(Ct);
        return (browser, connection, closed.Task, user.UserName);
    }

    /// <summary>One revalidation period on the virtual clock; the check then runs on the server (a real, bounded wait).</summary>
    private async Task AssertClosedAfterRevalidationAsync(HubConnection connection, Task closed)
    {
        server.Time.Advance(TimeSpan.FromSeconds(1));
        await closed.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task An_open_hub_connection_of_a_user_an_admin_disables_is_closed()
    {
        var (browser, connection, closed, userName) = await ConnectedSupervisorAsync();
        using var _ = browser;
        await using var __ = connection;

        Assert.Null(await AdministerAsync(a => a.SetDisabledAsync(userName, true, SecurityTestKit.Admin(), Ct)));

        await AssertClosedAfterRevalidationAsync(connection, closed);
    }

    [Fact]
    public async Task An_open_hub_connection_of_a_user_whose_role_changes_is_closed()
    {
        var (browser, connection, closed, userName) = await ConnectedSupervisorAsync();
        using var _ = browser;
        await using var __ = connection;

        Assert.Null(await AdministerAsync(a => a.SetRoleAsync(userName, Roles.Official, null, SecurityTestKit.Admin(), Ct)));

        await AssertClosedAfterRevalidationAsync(connection, closed);
    }

    [Fact]
    public async Task An_open_hub_connection_is_closed_when_its_user_signs_out()
    {
        var (browser, connection, closed, _) = await ConnectedSupervisorAsync();
        using var _ = browser;
        await using var __ = connection;

        await Accounts.PostLogoutAsync(browser);

        await AssertClosedAfterRevalidationAsync(connection, closed);
    }

    [Fact]
    public async Task A_hub_connection_whose_session_stands_stays_open_through_the_checks()
    {
        var (browser, connection, _, _) = await ConnectedSupervisorAsync();
        using var _ = browser;
        await using var __ = connection;

        var check = server.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Hotline.Web.Hubs.LiveHubSessionCheck>().Single();
        await check.CheckAsync(Ct);

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }
}
