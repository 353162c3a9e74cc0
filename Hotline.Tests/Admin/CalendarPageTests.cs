using Bunit;
using Hotline.Core.Security;
using Hotline.Core.Calendar;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.TicketsWeb;
using Hotline.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Admin;

/// <summary>The work calendar page on the real calendar store and ticket service (temporary SQLite).</summary>
public sealed class CalendarPageTests : TicketComponentTestBase
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private CalendarStore Calendars => Services.GetRequiredService<CalendarStore>();

    private IRenderedComponent<CalendarPage> RenderPage()
    {
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-part='summary']")));
        return cut;
    }

    private static void Save(IRenderedComponent<CalendarPage> cut, string date, string name)
    {
        cut.Find("#calendar-date").Input(date);
        cut.Find("#calendar-name").Input(name);
        cut.Find("[data-action='save']").Click();
    }

    private async Task<Ticket> RegisterAsync()
    {
        var category = await LeafCategoryAsync();
        var outcome = await Tickets.RegisterAsync(new TicketDraft
        {
            CallerNumber = "13912345678",
            RequestType = RequestType.Complaint,
            CategoryId = category.Id,
            CategoryPath = category.Path,
            Content = "小区路灯坏了一个月没人修",
        }, Agent, Ct);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        return outcome.Ticket!;
    }

    [Fact]
    public async Task Making_2026_12_31_a_holiday_moves_the_deadline_of_a_ticket_registered_on_2026_12_30()
    {
        // Wednesday 30 December after office hours: dispatch is due by the end of the next working day.
        Time.SetUtcNow(new DateTimeOffset(2026, 12, 30, 18, 0, 0, Shanghai));
        var before = await RegisterAsync();
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 17, 30, 0, Shanghai), before.Deadline);
        var cut = RenderPage();

        Save(cut, "2026-12-31", "元旦");

        cut.WaitForAssertion(() => Assert.Contains("元旦", cut.Find("tr[data-day='2026-12-31']").TextContent));
        var after = await RegisterAsync();
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 17, 30, 0, Shanghai), after.Deadline);
    }

    [Fact]
    public async Task A_year_without_holiday_data_is_flagged()
    {
        var cut = RenderPage();
        Assert.Empty(cut.FindAll("[data-part='no-data']"));
        Assert.NotEmpty(cut.FindAll("tr[data-day='2026-10-01']"));

        cut.Find("[data-action='next-year']").Click();

        cut.WaitForAssertion(() => Assert.Contains("2027 年尚无节假日数据", cut.Find("[data-part='no-data']").TextContent));
        Assert.Empty(cut.FindAll("tr[data-day]"));
        Assert.False((await Calendars.LoadAsync(Ct)).HasDataFor(2027));
    }

    [Fact]
    public async Task Adding_a_day_in_another_year_shows_that_year_and_clears_its_warning()
    {
        var cut = RenderPage();
        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudRadioGroup<CalendarDayKind>>().Instance.ValueChanged.InvokeAsync(CalendarDayKind.WorkingDay));

        Save(cut, "2027-02-07", "春节调休");

        cut.WaitForAssertion(() => Assert.Contains("调休上班", cut.Find("tr[data-day='2027-02-07']").TextContent));
        Assert.Empty(cut.FindAll("[data-part='no-data']"));
        var calendar = await Calendars.LoadAsync(Ct);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 7)));
    }

    [Fact]
    public async Task Editing_a_holiday_into_a_working_day_replaces_it()
    {
        var cut = RenderPage();
        var saturday = (await Calendars.LoadAsync(Ct)).Overrides.First(d => d.Date.Year == 2026 && d.Kind == CalendarDayKind.WorkingDay);

        cut.Find($"tr[data-day='{saturday.Date:yyyy-MM-dd}'] [data-action='edit']").Click();
        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudRadioGroup<CalendarDayKind>>().Instance.ValueChanged.InvokeAsync(CalendarDayKind.Holiday));
        cut.Find("[data-action='save']").Click();

        cut.WaitForAssertion(() => Assert.Contains("放假", cut.Find($"tr[data-day='{saturday.Date:yyyy-MM-dd}']").TextContent));
        Assert.False((await Calendars.LoadAsync(Ct)).IsWorkingDay(saturday.Date));
    }

    [Fact]
    public async Task Removing_a_day_puts_it_back_to_the_plain_weekday_rule()
    {
        var cut = RenderPage();

        cut.Find("tr[data-day='2026-10-01'] [data-action='remove']").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tr[data-day='2026-10-01']")));
        var calendar = await Calendars.LoadAsync(Ct);
        Assert.Null(calendar.Find(new DateOnly(2026, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void Saving_without_a_date_or_name_shows_the_problems_in_chinese()
    {
        var cut = RenderPage();

        cut.Find("[data-action='save']").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("请选择日期", cut.Markup);
            Assert.Contains("请填写名称", cut.Markup);
        });
    }

    [Fact]
    public async Task Saving_and_removing_a_day_are_audited_as_setting_changes_by_the_admin()
    {
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "admin01"), new(System.Security.Claims.ClaimTypes.Role, Roles.Admin)], "test"));
        var host = Render<Microsoft.AspNetCore.Components.CascadingValue<Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>>>(p => p
            .Add(x => x.Value, Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(admin)))
            .AddChildContent<CalendarPage>());
        var cut = host.FindComponent<CalendarPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-part='summary']")));

        Save(cut, "2026-10-09", "测试调休");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr[data-day='2026-10-09']")));
        cut.Find("tr[data-day='2026-10-09'] [data-action='remove']").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tr[data-day='2026-10-09']")));

        var (rows, _) = await Services.GetRequiredService<Hotline.Core.Audit.AuditLog>().SearchAsync(
            new Hotline.Core.Audit.AuditQuery(Action: Hotline.Core.Audit.AuditActions.SettingChanged, Target: "calendar:2026-10-09"), Ct);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("admin01", Roles.Admin), (r.Actor, r.Role)));
        Assert.StartsWith("removed", rows[0].Detail);
        Assert.StartsWith("set", rows[1].Detail);
    }
}
