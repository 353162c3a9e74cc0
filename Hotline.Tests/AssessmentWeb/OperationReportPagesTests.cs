using Bunit;
using Hotline.Core.Assessment;
using Hotline.Core.Calls;
using Hotline.Core.Security;
using Hotline.Web.Components.Pages.Reports;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.AssessmentWeb;

public sealed class OperationReportPagesTests : AssessmentComponentTestBase
{
    public OperationReportPagesTests() => Services.AddSingleton<OperationReportService>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // Today on the test clock is 27 Nov (10:00 Shanghai): two calls at 09h (answered after 5 s, abandoned after 3 s),
        // one at 00:00; one at 26 Nov 23:59 counts on the day before.
        await Services.GetRequiredService<CallStore>().UpsertCallsAsync(
        [
            Answered(At(11, 27, 9, 10), "A001", wait: 5, talk: 100),
            Abandoned(At(11, 27, 9, 40), wait: 3),
            SelfServed(At(11, 27, 0)),
            SelfServed(At(11, 26, 23, 59)),
        ], Ct);
    }

    private IRenderedComponent<T> RenderAs<T>(string role) where T : Microsoft.AspNetCore.Components.IComponent
    {
        Auth.SetAuthorized("someone");
        Auth.SetRoles(role);
        var page = Render<T>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-part='rows'] tbody tr")));
        return page;
    }

    private static string Figure(IRenderedComponent<DailyReportPage> page, string part) =>
        page.Find($"[data-figure='{part}'] [data-part='value']").TextContent.Trim();

    [Fact]
    public void The_daily_page_opens_on_today_with_the_figures_at_a_glance()
    {
        var page = RenderAs<DailyReportPage>(Roles.Official);

        Assert.Equal("2026年11月27日", page.Find("[data-part='period']").TextContent.Trim());
        Assert.Equal("3", Figure(page, "offered"));
        Assert.Equal("1", Figure(page, "short-abandoned"));
        Assert.Equal("66.67%", Figure(page, "effective"));   // (1 answered + 1 self-served) / 3
        Assert.Equal("100.00%", Figure(page, "service-level"));
        Assert.Equal("/api/reports/daily/2026-11-27.xlsx", page.Find("[data-action='download-workbook']").GetAttribute("href"));
    }

    [Fact]
    public void The_daily_page_has_a_row_per_hour_and_a_total()
    {
        var page = RenderAs<DailyReportPage>(Roles.Supervisor);

        Assert.Equal(25, page.FindAll("[data-part='rows'] tbody tr").Count);
        Assert.Equal("2", page.Find("[data-row='09:00–10:00'] td:nth-child(2)").TextContent.Trim());
        Assert.Equal("1", page.Find("[data-row='00:00–01:00'] td:nth-child(2)").TextContent.Trim());
        Assert.Equal("3", page.Find("[data-row='total'] td:nth-child(2)").TextContent.Trim());
    }

    [Fact]
    public void The_weekly_page_shows_monday_to_sunday_of_this_week()
    {
        var page = RenderAs<WeeklyReportPage>(Roles.Admin);

        Assert.Equal(8, page.FindAll("[data-part='rows'] tbody tr").Count);
        Assert.Equal("1", page.Find("[data-row='2026-11-26 周四'] td:nth-child(2)").TextContent.Trim());
        Assert.Equal("3", page.Find("[data-row='2026-11-27 周五'] td:nth-child(2)").TextContent.Trim());
        Assert.Equal("4", page.Find("[data-row='total'] td:nth-child(2)").TextContent.Trim());
        Assert.Equal("/api/reports/weekly/2026-11-23.xlsx", page.Find("[data-action='download-workbook']").GetAttribute("href"));
    }
}
