using System.Security.Claims;
using Hotline.Core.Security;
using Hotline.Tests.Data;
using Hotline.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Security;

/// <summary>An open page (circuit) ends its sign-in after the idle time without requests or page activity, on a virtual clock.</summary>
public abstract class IdleSessionTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private readonly IOptions<SecurityOptions> _options = Options.Create(new SecurityOptions { IdleTimeoutMinutes = 30 });

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class FixedState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private async Task<(SessionStore Sessions, ClaimsPrincipal User, HotlineAuthenticationStateProvider Page, SessionActivityCircuitHandler Circuit)> SignedInAsync()
    {
        var users = new UserStore(database.Connections);
        var user = await users.EnsureAsync(new UserAccount
        {
            UserName = "idle-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "测试", Role = Roles.BackOffice, PasswordHash = "x",
        }, Ct);
        var sessions = new SessionStore(database.Connections, _time);
        var principal = UserPrincipal.Create(user, await sessions.StartAsync(user.Id, Ct));
        var page = new HotlineAuthenticationStateProvider(NullLoggerFactory.Instance, sessions, _options);
        var circuit = new SessionActivityCircuitHandler(new FixedState(principal), sessions, _options, NullLogger<SessionActivityCircuitHandler>.Instance);
        return (sessions, principal, page, circuit);
    }

    [Fact]
    public async Task An_open_page_without_activity_for_the_idle_time_is_signed_out_and_its_session_ended()
    {
        var (_, user, page, circuit) = await SignedInAsync();
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await page.IsCurrentAsync(user, Ct));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await page.IsCurrentAsync(user, Ct));
        // Ended for good: activity afterwards does not bring the sign-in back.
        await circuit.RecordActivityAsync(Ct);
        Assert.False(await page.IsCurrentAsync(user, Ct));
    }

    [Fact]
    public async Task Activity_on_the_open_page_keeps_the_sign_in_alive()
    {
        var (_, user, page, circuit) = await SignedInAsync();

        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            await circuit.RecordActivityAsync(Ct);
        }

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await page.IsCurrentAsync(user, Ct));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await page.IsCurrentAsync(user, Ct));
    }

    [Fact]
    public async Task Activity_within_the_write_interval_is_not_written_again_so_the_earlier_write_counts()
    {
        var (_, user, page, circuit) = await SignedInAsync();
        _time.Advance(TimeSpan.FromMinutes(10));
        await circuit.RecordActivityAsync(Ct);
        // Within the write interval (a minute at most): not written again, so the last write (10 min) counts.
        _time.Advance(TimeSpan.FromSeconds(30));
        await circuit.RecordActivityAsync(Ct);

        _time.Advance(TimeSpan.FromMinutes(29.5));
        Assert.False(await page.IsCurrentAsync(user, Ct));
    }
}

public sealed class SqliteIdleSessionTests(SqliteTestDatabase database) : IdleSessionTests<SqliteTestDatabase>(database);

public sealed class PostgresIdleSessionTests(PostgresTestDatabase database) : IdleSessionTests<PostgresTestDatabase>(database);
