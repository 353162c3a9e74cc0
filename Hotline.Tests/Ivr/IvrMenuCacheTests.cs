using Hotline.Core.Data;
using Hotline.Core.Ivr;
using Hotline.Telephony.Ivr;
using Hotline.Tests.Web;
using Hotline.Web.Ivr;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Ivr;

public sealed class IvrMenuCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private readonly ConnectionFactory _connections = new(new DatabaseOptions
    {
        ConnectionString = $"Data Source={Path.Combine(HotlineAppFactory.NewFolder(), "hotline.db")}",
    });

    private static IvrMenu Menu(string label) => new() { Options = [new IvrOption { Digit = "1", Label = label, Action = IvrAction.Queue }] };

    [Fact]
    public async Task A_saved_menu_names_the_keys_once_the_minute_old_copy_has_expired()
    {
        await new Migrator(_connections).MigrateAsync(Ct);
        var store = new IvrMenuStore(_connections, _time);
        var cache = new IvrMenuCache(store, _time, NullLogger<IvrMenuCache>.Instance);
        await store.SaveAsync(Menu("户籍"), "admin01", Ct);
        var first = await cache.GetAsync(Ct);

        await store.SaveAsync(Menu("社保"), "admin01", Ct);
        var withinTheMinute = await cache.GetAsync(Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await cache.GetAsync(Ct);

        Assert.Equal(["户籍", "户籍", "社保"], new[] { first, withinTheMinute, after }.Select(m => m.Options[0].Label));
    }

    [Fact]
    public async Task An_unreadable_store_gives_the_shipped_menu()
    {
        // No migrations: the menu table does not exist.
        var cache = new IvrMenuCache(new IvrMenuStore(_connections, _time), _time, NullLogger<IvrMenuCache>.Instance);

        var menu = await cache.GetAsync(Ct);

        Assert.Equal(IvrMenu.Default().Options.Select(o => o.Label), menu.Options.Select(o => o.Label));
    }
}
