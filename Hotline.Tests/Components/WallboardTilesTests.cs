using Bunit;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Web.Components.Pages.Wallboard;
using Hotline.Web.Configuration;
using MudBlazor.Services;
using static Hotline.Tests.Components.TestSnapshots;

namespace Hotline.Tests.Components;

public sealed class WallboardTilesTests : BunitContext
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public WallboardTilesTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Waiting_calls_tile_shows_the_calls_waiting_in_all_queues()
    {
        var snapshot = Create(queues: [new QueueSnapshot("12345", 3, 20), new QueueSnapshot("english", 1, 5)]);

        var cut = Render<WaitingCallsTile>(p => p.Add(x => x.Snapshot, snapshot));

        Assert.Equal("4", cut.Find(".wb-tile__value").TextContent.Trim());
        Assert.Contains("排队等待", cut.Markup);
    }

    [Theory]
    [InlineData(4, "normal")]
    [InlineData(5, "amber")]
    [InlineData(9, "amber")]
    [InlineData(10, "red")]
    public void Waiting_calls_tile_turns_amber_and_red_at_the_configured_counts(int waiting, string level)
    {
        var snapshot = Create(queues: [new QueueSnapshot("12345", waiting, 1)]);

        var cut = Render<WaitingCallsTile>(p => p.Add(x => x.Snapshot, snapshot).Add(x => x.Amber, 5).Add(x => x.Red, 10));

        Assert.Equal(level, cut.Find("[data-tile='waiting']").GetAttribute("data-level"));
    }

    [Fact]
    public void Longest_wait_tile_shows_the_longest_wait_of_any_queue_as_minutes_and_seconds()
    {
        var snapshot = Create(queues: [new QueueSnapshot("12345", 3, 95.7), new QueueSnapshot("english", 1, 12)]);

        var cut = Render<LongestWaitTile>(p => p.Add(x => x.Snapshot, snapshot));

        Assert.Equal("01:35", cut.Find(".wb-tile__value").TextContent.Trim());
        Assert.Contains("最长等待", cut.Markup);
    }

    [Theory]
    [InlineData(14.9, "normal")]
    [InlineData(15, "amber")]
    [InlineData(29.9, "amber")]
    [InlineData(30, "red")]
    public void Longest_wait_tile_turns_amber_and_red_past_the_configured_seconds(double seconds, string level)
    {
        var snapshot = Create(queues: [new QueueSnapshot("12345", 1, seconds)]);

        var cut = Render<LongestWaitTile>(p => p.Add(x => x.Snapshot, snapshot).Add(x => x.AmberSeconds, 15).Add(x => x.RedSeconds, 30));

        Assert.Equal(level, cut.Find("[data-tile='longest-wait']").GetAttribute("data-level"));
    }

    [Fact]
    public void Today_tiles_show_offered_answered_and_the_three_rates_as_percentages()
    {
        var today = Kpis(offered: 1234, answered: 1100, selfServed: 80, abandoned: 54, shortAbandoned: 9,
            effective: 0.9562, serviceLevel: 0.8811, abandonRate: 0.0438);

        var cut = Render<TodayKpiTiles>(p => p.Add(x => x.Snapshot, Create(today: today)));

        Assert.Equal("1,234", cut.Find("[data-tile='offered'] .wb-tile__value").TextContent.Trim());
        Assert.Equal("1,100", cut.Find("[data-tile='answered'] .wb-tile__value").TextContent.Trim());
        Assert.Equal("95.6%", cut.Find("[data-tile='effective-rate'] .wb-tile__value").TextContent.Trim());
        Assert.Equal("88.1%", cut.Find("[data-tile='service-level'] .wb-tile__value").TextContent.Trim());
        Assert.Equal("4.4%", cut.Find("[data-tile='abandon-rate'] .wb-tile__value").TextContent.Trim());
        Assert.Contains("短时放弃 9", cut.Find("[data-tile='abandon-rate']").TextContent);
    }

    [Fact]
    public void Rates_show_a_dash_before_any_call_was_offered()
    {
        var cut = Render<TodayKpiTiles>(p => p.Add(x => x.Snapshot, Create(today: Kpis())));

        Assert.Equal("—", cut.Find("[data-tile='effective-rate'] .wb-tile__value").TextContent.Trim());
    }

    [Fact]
    public void Seat_states_tile_counts_the_seats_in_each_state_and_lists_not_ready_reasons()
    {
        var seats = new[]
        {
            Seat("A001", SeatState.Ready), Seat("A002", SeatState.Ready), Seat("A003", SeatState.OnCall),
            Seat("A004", SeatState.NotReady, "小休"), Seat("A005", SeatState.NotReady, "小休"), Seat("A006", SeatState.NotReady, "用餐"),
            Seat("A007", SeatState.LoggedOut),
        };

        var cut = Render<SeatStatesTile>(p => p.Add(x => x.Snapshot, Create(seats: seats)));

        Assert.Equal("2", cut.Find("[data-state='Ready'] .wb-seat__count").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-state='OnCall'] .wb-seat__count").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-state='NotReady'] .wb-seat__count").TextContent.Trim());
        Assert.Contains("在线 6", cut.Markup);
        Assert.Contains("小休 2 · 用餐 1", cut.Find("[data-part='reasons']").TextContent);
    }

    [Fact]
    public void Link_banner_reads_normal_while_the_switch_link_is_up()
    {
        var cut = Render<LinkStatusBanner>(p => p.Add(x => x.Snapshot, Create(linkUp: true)));

        Assert.Equal("up", cut.Find("[data-part='link']").GetAttribute("data-link"));
        Assert.Contains("交换机连接正常", cut.Markup);
    }

    [Fact]
    public void Link_banner_turns_into_a_red_alert_when_the_switch_link_is_down()
    {
        var cut = Render<LinkStatusBanner>(p => p.Add(x => x.Snapshot, Create(linkUp: false)));

        var banner = cut.Find("[data-part='link']");
        Assert.Equal("down", banner.GetAttribute("data-link"));
        Assert.Contains("wb-link--down", banner.ClassName);
        Assert.Contains("交换机连接中断", banner.TextContent);
    }

    [Fact]
    public void Data_age_counts_the_seconds_since_the_snapshot_was_taken()
    {
        var cut = Render<DataAge>(p => p.Add(x => x.GeneratedAt, At).Add(x => x.Now, At.AddSeconds(3.6)).Add(x => x.StaleAfterSeconds, 5));

        Assert.Contains("数据更新于 3 秒前", cut.Markup);
        Assert.Equal("false", cut.Find("[data-part='age']").GetAttribute("data-stale"));
    }

    [Fact]
    public void Data_age_marks_the_data_stale_once_it_is_older_than_the_threshold()
    {
        var cut = Render<DataAge>(p => p.Add(x => x.GeneratedAt, At).Add(x => x.Now, At.AddSeconds(5.5)).Add(x => x.StaleAfterSeconds, 5));

        Assert.Equal("true", cut.Find("[data-part='age']").GetAttribute("data-stale"));
        Assert.Contains("STALE", cut.Markup);
    }

    [Fact]
    public void Wallboard_looks_live_with_fresh_data()
    {
        var cut = Render<WallboardView>(p => p
            .Add(x => x.Snapshot, Create())
            .Add(x => x.Now, At.AddSeconds(1))
            .Add(x => x.Options, new WallboardOptions { StaleAfterSeconds = 5 })
            .Add(x => x.Zone, Shanghai));

        Assert.Equal("false", cut.Find(".wallboard").GetAttribute("data-stale"));
        Assert.Empty(cut.FindAll("[data-part='stale']"));
    }

    [Fact]
    public void Wallboard_greys_out_and_says_stale_when_the_data_is_old()
    {
        var cut = Render<WallboardView>(p => p
            .Add(x => x.Snapshot, Create())
            .Add(x => x.Now, At.AddSeconds(12))
            .Add(x => x.Options, new WallboardOptions { StaleAfterSeconds = 5 })
            .Add(x => x.Zone, Shanghai));

        var board = cut.Find(".wallboard");
        Assert.Contains("wallboard--stale", board.ClassName);
        Assert.Contains("数据已过期", cut.Find("[data-part='stale']").TextContent);
        Assert.Contains("10:00:00", cut.Find("[data-part='stale']").TextContent);
    }

    [Fact]
    public void Wallboard_without_any_snapshot_yet_waits_and_never_looks_live()
    {
        var cut = Render<WallboardView>(p => p.Add(x => x.Snapshot, null).Add(x => x.Now, At));

        Assert.Equal("true", cut.Find(".wallboard").GetAttribute("data-stale"));
        Assert.Contains("正在等待实时数据", cut.Markup);
    }

    [Fact]
    public void Wallboard_shows_the_figures_and_the_local_time_of_the_configured_zone()
    {
        var snapshot = Create(queues: [new QueueSnapshot("12345", 7, 31)], today: Kpis(offered: 500, answered: 420));

        var cut = Render<WallboardView>(p => p
            .Add(x => x.Snapshot, snapshot)
            .Add(x => x.Now, At)
            .Add(x => x.Options, new WallboardOptions())
            .Add(x => x.Zone, Shanghai));

        Assert.Equal("7", cut.Find("[data-tile='waiting'] .wb-tile__value").TextContent.Trim());
        Assert.Equal("red", cut.Find("[data-tile='longest-wait']").GetAttribute("data-level"));
        Assert.Equal("500", cut.Find("[data-tile='offered'] .wb-tile__value").TextContent.Trim());
        Assert.Contains("10:00:00", cut.Find(".wb-clock").TextContent);
    }

    [Fact]
    public void Trend_chart_draws_each_half_hour_in_its_local_time_slot()
    {
        // 01:30 UTC is 09:30 in Shanghai: slot 19 of 48.
        var points = new[] { new HalfHourPoint(new DateTimeOffset(2026, 11, 27, 1, 30, 0, TimeSpan.Zero), 40, 35, 2, 3, 30) };

        var cut = Render<TrendChart>(p => p.Add(x => x.Snapshot, Create(halfHours: points)).Add(x => x.Zone, Shanghai));

        var bar = cut.Find("rect.wb-trend__offered");
        Assert.Equal("19", bar.GetAttribute("data-slot"));
        Assert.True(double.Parse(bar.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }
}
