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
    public async Task Disabling_an_unknown_user_reports_false()
    {
        Assert.False(await _users.SetDisabledAsync("nobody", true, TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteUserStoreTests(SqliteTestDatabase database) : UserStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresUserStoreTests(PostgresTestDatabase database) : UserStoreTests<PostgresTestDatabase>(database);
