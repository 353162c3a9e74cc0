using Hotline.Core.Security;

namespace Hotline.Tests.Data;

public abstract class UserStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly UserStore _users = new(database.Connections);

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static UserAccount Agent(string userName, string displayName = "王小明") => new()
    {
        UserName = userName,
        DisplayName = displayName,
        Role = Roles.Agent,
        PasswordHash = "AQAAAAIAAYagAAAAE-hash-" + userName,
        AgentId = "A" + userName,
        Extension = "8001",
        DepartmentId = "dept-1",
    };

    [Fact]
    public async Task Ensuring_a_new_user_stores_it_with_a_generated_id()
    {
        var stored = await _users.EnsureAsync(Agent("wang"), TestContext.Current.CancellationToken);

        Assert.True(stored.Id > 0);
        Assert.Equal(Agent("wang") with { Id = stored.Id }, stored);
    }

    [Fact]
    public async Task Ensuring_an_existing_user_name_keeps_the_stored_user()
    {
        var first = await _users.EnsureAsync(Agent("wang", "王小明"), TestContext.Current.CancellationToken);

        var second = await _users.EnsureAsync(Agent("wang", "另一个人") with { Role = Roles.Admin }, TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        Assert.Single(await _users.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Finding_by_user_name_returns_the_stored_user_with_chinese_text_intact()
    {
        await _users.EnsureAsync(Agent("li", "李四·话务班长"), TestContext.Current.CancellationToken);

        var found = await _users.FindByUserNameAsync("li", TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal("李四·话务班长", found.DisplayName);
        Assert.Equal("AQAAAAIAAYagAAAAE-hash-li", found.PasswordHash);
    }

    [Fact]
    public async Task Finding_an_unknown_user_name_returns_null()
    {
        await _users.EnsureAsync(Agent("wang"), TestContext.Current.CancellationToken);

        Assert.Null(await _users.FindByUserNameAsync("nobody", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Listing_returns_every_user_in_the_order_they_were_added()
    {
        await _users.EnsureAsync(Agent("zhao"), TestContext.Current.CancellationToken);
        await _users.EnsureAsync(Agent("admin") with { Role = Roles.Admin, AgentId = null, Extension = null, DepartmentId = null }, TestContext.Current.CancellationToken);

        var users = await _users.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["zhao", "admin"], users.Select(u => u.UserName));
        Assert.Null(users[1].AgentId);
    }

    [Fact]
    public async Task Disabling_a_user_is_stored_and_can_be_undone()
    {
        await _users.EnsureAsync(Agent("wang"), TestContext.Current.CancellationToken);

        Assert.True(await _users.SetDisabledAsync("wang", true, TestContext.Current.CancellationToken));
        Assert.True((await _users.FindByUserNameAsync("wang", TestContext.Current.CancellationToken))!.Disabled);
        Assert.True(await _users.SetDisabledAsync("wang", false, TestContext.Current.CancellationToken));
        Assert.False((await _users.FindByUserNameAsync("wang", TestContext.Current.CancellationToken))!.Disabled);
    }

    [Fact]
    public async Task Failed_sign_ins_lock_the_account_at_the_limit_and_the_count_starts_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await _users.EnsureAsync(Agent("lock"), ct);
        var until = new DateTimeOffset(2026, 11, 27, 2, 15, 0, TimeSpan.Zero);

        Assert.False(await _users.RecordFailedSignInAsync(user.Id, 3, until, ct));
        Assert.False(await _users.RecordFailedSignInAsync(user.Id, 3, until, ct));
        Assert.True(await _users.RecordFailedSignInAsync(user.Id, 3, until, ct));

        var locked = (await _users.FindByIdAsync(user.Id, ct))!;
        Assert.Equal((0, until), (locked.FailedSignIns, locked.LockedUntil));
        Assert.True(locked.IsLockedAt(until.AddSeconds(-1)));
        Assert.False(locked.IsLockedAt(until));
        await _users.ClearFailedSignInsAsync(user.Id, ct);
        Assert.Null((await _users.FindByIdAsync(user.Id, ct))!.LockedUntil);
    }

    [Fact]
    public async Task Disabling_changing_the_role_or_the_password_ends_every_session()
    {
        var ct = TestContext.Current.CancellationToken;
        var sessions = new SessionStore(database.Connections, TimeProvider.System);
        var user = await _users.EnsureAsync(Agent("sessions"), ct);

        async Task<bool> ValidAsync(string session)
        {
            var current = (await _users.FindByIdAsync(user.Id, ct))!;
            return await sessions.IsValidAsync(session, user.Id, current.Role, current.SecurityStamp, ct);
        }

        var first = await sessions.StartAsync(user.Id, ct);
        var stamp = user.SecurityStamp;
        Assert.True(await sessions.IsValidAsync(first, user.Id, Roles.Agent, stamp, ct));
        Assert.False(await sessions.IsValidAsync(first, user.Id, Roles.Admin, stamp, ct));
        Assert.False(await sessions.IsValidAsync(first, user.Id + 1, Roles.Agent, stamp, ct));

        Assert.True(await _users.SetRoleAsync("sessions", Roles.Supervisor, null, ct));
        Assert.False(await sessions.IsValidAsync(first, user.Id, Roles.Supervisor, stamp, ct));
        var second = await sessions.StartAsync(user.Id, ct);
        Assert.True(await ValidAsync(second));

        await sessions.EndAsync(second, ct);
        Assert.False(await ValidAsync(second));

        var third = await sessions.StartAsync(user.Id, ct);
        Assert.True(await _users.SetPasswordHashAsync("sessions", "AQAAAAIAAYagAAAAE-new", ct));
        var afterPassword = (await _users.FindByIdAsync(user.Id, ct))!;
        Assert.False(await sessions.IsValidAsync(third, user.Id, afterPassword.Role, stamp, ct));
        Assert.True(await ValidAsync(third));

        Assert.True(await _users.SetDisabledAsync("sessions", true, ct));
        Assert.False(await ValidAsync(third));
    }

    [Fact]
    public async Task Disabling_an_unknown_user_reports_false()
    {
        Assert.False(await _users.SetDisabledAsync("nobody", true, TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteUserStoreTests(SqliteTestDatabase database) : UserStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresUserStoreTests(PostgresTestDatabase database) : UserStoreTests<PostgresTestDatabase>(database);
