using Hotline.Core;
using Hotline.Core.Calendar;
using Hotline.Core.Data;
using Hotline.Core.Departments;
using Hotline.Core.Security;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Data;
using Hotline.Tests.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.TicketStorage;

/// <summary>Drafts, API keys, the stored work calendar, departments and streets.</summary>
public abstract class StorageSupportTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(TicketTestKit.Monday);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await TicketStorageReset.ResetAsync(database.Connections);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_saved_draft_is_replaced_by_the_next_save_and_gone_after_delete()
    {
        var drafts = new TicketDraftStore(database.Connections);
        var draft = TicketTestKit.Draft();
        await drafts.SaveAsync("agent01", draft, TicketTestKit.Monday, Ct);
        draft.Content = "市民补充：摊贩晚上八点后更多。";
        draft.LinkedCallIds = ["call-1", "call-2"];
        await drafts.SaveAsync("agent01", draft, TicketTestKit.Monday.AddSeconds(5), Ct);

        var loaded = await drafts.LoadAsync("agent01", Ct);

        Assert.NotNull(loaded);
        Assert.Equal("市民补充：摊贩晚上八点后更多。", loaded.Draft.Content);
        Assert.Equal(["call-1", "call-2"], loaded.Draft.LinkedCallIds);
        Assert.Equal(RequestType.Complaint, loaded.Draft.RequestType);
        Assert.Equal(TicketTestKit.Monday.AddSeconds(5), loaded.SavedAt);
        Assert.Null(await drafts.LoadAsync("agent02", Ct));
        Assert.True(await drafts.DeleteAsync("agent01", Ct));
        Assert.Null(await drafts.LoadAsync("agent01", Ct));
        Assert.False(await drafts.DeleteAsync("agent01", Ct));
    }

    [Fact]
    public async Task An_issued_api_key_is_found_by_its_plaintext_which_is_never_stored()
    {
        var keys = new ApiKeyStore(database.Connections, _time);

        var issued = await keys.IssueAsync("市12345平台", Roles.Department, "D1", Ct);
        var found = await keys.FindAsync(issued.Plaintext, Ct);

        Assert.Equal(issued.Key, found);
        Assert.Null(await keys.FindAsync(issued.Plaintext + "x", Ct));
        Assert.Null(await keys.FindAsync(ApiKeyStore.Hash(issued.Plaintext), Ct));
        await using var connection = await database.Connections.OpenAsync(Ct);
        var stored = await Dapper.SqlMapper.QuerySingleAsync<string>(connection, "SELECT key_hash FROM api_keys");
        Assert.Equal(64, stored.Length);
        Assert.DoesNotContain(issued.Plaintext, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_still_found_but_marked_revoked()
    {
        var keys = new ApiKeyStore(database.Connections, _time);
        var issued = await keys.IssueAsync("旧系统", Roles.Official, null, Ct);

        Assert.True(await keys.RevokeAsync(issued.Key.Id, Ct));

        Assert.True((await keys.FindAsync(issued.Plaintext, Ct))!.Revoked);
    }

    [Fact]
    public async Task Ensuring_a_demo_key_twice_keeps_one_key()
    {
        var keys = new ApiKeyStore(database.Connections, _time);

        var first = await keys.EnsureDemoKeyAsync("demo-api-backoffice", "演示", Roles.BackOffice, null, Ct);
        var second = await keys.EnsureDemoKeyAsync("demo-api-backoffice", "演示", Roles.BackOffice, null, Ct);

        Assert.Equal(first, second);
        Assert.Single(await keys.ListAsync(Ct));
    }

    [Fact]
    public async Task A_new_database_holds_the_shipped_calendar()
    {
        var connections = await database.CreateEmptyAsync();
        await new Migrator(connections).MigrateAsync(Ct);

        var calendar = await new CalendarStore(connections, new HotlineOptions()).LoadAsync(Ct);

        Assert.Equal(ChinaPublicHolidays.Year2026.OrderBy(d => d.Date), calendar.Overrides);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.Equal("国庆节调休", calendar.Find(new DateOnly(2026, 10, 10))!.Name);
    }

    [Fact]
    public async Task A_calendar_emptied_by_the_admin_stays_empty_after_a_restart()
    {
        var connections = await database.CreateEmptyAsync();
        var migrator = new Migrator(connections);
        await migrator.MigrateAsync(Ct);
        var calendars = new CalendarStore(connections, new HotlineOptions());
        foreach (var day in (await calendars.LoadAsync(Ct)).Overrides)
        {
            await calendars.RemoveDayAsync(day.Date, Ct);
        }

        await migrator.MigrateAsync(Ct);
        var reloaded = await new CalendarStore(connections, new HotlineOptions()).LoadAsync(Ct);

        // Plain weekdays and weekends: National Day (a Thursday) is worked, the make-up Saturday is not.
        Assert.Empty(reloaded.Overrides);
        Assert.True(reloaded.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.False(reloaded.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public async Task The_stored_calendar_follows_edits()
    {
        var calendars = new CalendarStore(database.Connections, new HotlineOptions());
        Assert.Empty((await calendars.LoadAsync(Ct)).Overrides);
        await calendars.SetDayAsync(new CalendarDay(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节"), Ct);
        await calendars.SetDayAsync(new CalendarDay(new DateOnly(2026, 10, 10), CalendarDayKind.WorkingDay, "国庆节调休"), Ct);
        await calendars.SetDayAsync(new CalendarDay(new DateOnly(2026, 11, 2), CalendarDayKind.Holiday, "区庆"), Ct);
        Assert.True(await calendars.RemoveDayAsync(new DateOnly(2026, 10, 10), Ct));
        Assert.False(await calendars.RemoveDayAsync(new DateOnly(2026, 10, 10), Ct));

        var edited = await new CalendarStore(database.Connections, new HotlineOptions()).LoadAsync(Ct);
        Assert.False(edited.IsWorkingDay(new DateOnly(2026, 11, 2)));
        Assert.Equal("区庆", edited.Find(new DateOnly(2026, 11, 2))!.Name);
        Assert.False(edited.IsWorkingDay(new DateOnly(2026, 10, 10))); // a Saturday without its make-up entry
        Assert.False(edited.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.Same(await calendars.LoadAsync(Ct), await calendars.LoadAsync(Ct));
    }

    [Fact]
    public async Task Deadlines_use_the_edited_calendar()
    {
        var calendars = new CalendarStore(database.Connections, new HotlineOptions());
        var service = new TicketService(database.Connections, calendars, new TicketOptions(), _time);
        await new DepartmentStore(database.Connections).SaveAsync(new Department("D1", "区住建局"), Ct);
        await calendars.SetDayAsync(new CalendarDay(new DateOnly(2026, 11, 2), CalendarDayKind.Holiday, "区庆"), Ct);

        var outcome = await service.RegisterAsync(TicketTestKit.Draft(), TicketTestKit.Agent, Ct);

        // Registered on a holiday: "same day" dispatch means the end of the next working day.
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 17, 30, 0, TicketTestKit.China), outcome.Ticket!.Deadline);
    }

    [Fact]
    public async Task Departments_categories_and_streets_are_listed_as_saved()
    {
        var departments = new DepartmentStore(database.Connections);
        await departments.SaveAsync(new Department("D002", "区城管执法局"), Ct);
        await departments.SaveAsync(new Department("D001", "区住建局"), Ct);
        await departments.SaveAsync(new Department("D002", "区城管执法局", Active: false), Ct);
        var streets = new StreetStore(database.Connections);
        await streets.SaveAsync(new Street("城关街道", ["幸福社区", "南门社区"]), Ct);
        await streets.SaveAsync(new Street("城关街道", ["幸福社区"]), Ct);
        var categories = new CategoryStore(database.Connections);
        var top = await categories.AddAsync(null, "市场监管", Ct);
        await categories.AddAsync(null, "城乡建设", Ct);
        var child = await categories.AddAsync(top.Id, "消费维权", Ct);

        Assert.Equal(["D001"], (await departments.ListAsync(cancellationToken: Ct)).Select(d => d.Id));
        Assert.Equal(2, (await departments.ListAsync(includeInactive: true, Ct)).Count);
        Assert.Equal([new Street("城关街道", ["幸福社区", "南门社区"])], await streets.ListAsync(Ct), new StreetComparer());
        Assert.Equal(["市场监管", "市场监管/消费维权", "城乡建设"], (await categories.ListAsync(Ct)).Select(c => c.Path));
        Assert.Equal(2, child.Depth);
    }

    private sealed class StreetComparer : IEqualityComparer<Street>
    {
        public bool Equals(Street? x, Street? y) => x?.Name == y?.Name && x!.Communities.SequenceEqual(y!.Communities);

        public int GetHashCode(Street obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}

public sealed class SqliteStorageSupportTests(SqliteTestDatabase database) : StorageSupportTests<SqliteTestDatabase>(database);

public sealed class PostgresStorageSupportTests(PostgresTestDatabase database) : StorageSupportTests<PostgresTestDatabase>(database);
