using Bunit;
using Hotline.Core.Assessment;
using Hotline.Core.Audit;
using Hotline.Core.Calls;
using Hotline.Core.Security;
using Hotline.Web.Components.Pages.Reports;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.AssessmentWeb;

public sealed class AssessmentPageTests : AssessmentComponentTestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // October: 10 calls on the 12th, 9 answered (one caller 13912345678) and 1 abandoned = 90 %.
        List<CallRecord> calls = [.. Enumerable.Range(0, 9).Select(i => Answered(At(10, 12, 9, i), "A001", 5, 100) with { CallerNumber = "13912345678" }), Abandoned(At(10, 12, 11), 30)];
        await Services.GetRequiredService<CallStore>().UpsertCallsAsync(calls, Ct);
    }

    private IRenderedComponent<AssessmentPage> RenderAs(string user, string role)
    {
        Auth.SetAuthorized(user);
        Auth.SetRoles(role);
        var page = Render<AssessmentPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-part='indicators'] tbody tr")));
        return page;
    }

    [Fact]
    public void The_page_opens_on_the_previous_month_with_the_six_indicators()
    {
        var page = RenderAs("official01", Roles.Official);

        Assert.Contains("2026年10月 考核结果", page.Markup);
        Assert.Equal(6, page.FindAll("[data-part='indicators'] tbody tr").Count);
        var connection = page.Find("[data-indicator='EffectiveConnectionRate']");
        Assert.Equal("90.00%", connection.QuerySelector("[data-part='value']")!.TextContent.Trim());
        Assert.Equal("20,000.00", connection.QuerySelector("[data-part='deduction']")!.TextContent.Trim()); // 50 steps, capped
        Assert.Contains("未确认", page.Find("[data-part='open']").TextContent);
    }

    [Fact]
    public void The_downloads_link_to_the_months_workbook_and_raw_exports()
    {
        var page = RenderAs("supervisor01", Roles.Supervisor);

        Assert.Equal("/api/reports/assessment/2026-10.xlsx", page.Find("[data-action='download-workbook']").GetAttribute("href"));
        Assert.Equal("/api/reports/calls/2026-10.csv", page.Find("[data-action='download-calls']").GetAttribute("href"));
    }

    [Fact]
    public void Only_an_official_is_offered_the_confirmation()
    {
        Assert.Empty(RenderAs("supervisor01", Roles.Supervisor).FindAll("[data-action='confirm']"));
    }

    [Fact]
    public async Task Confirming_freezes_the_month_and_is_audited()
    {
        var page = RenderAs("official01", Roles.Official);

        await page.Find("[data-action='confirm']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("已确认", page.Find("[data-part='confirmed']").TextContent));
        Assert.Empty(page.FindAll("[data-action='confirm']"));
        Assert.NotNull(await Services.GetRequiredService<Hotline.Core.Assessment.Storage.AssessmentStore>().ConfirmationAsync(October, Ct));
        var (rows, _) = await Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery { Action = AuditActions.AssessmentConfirmed }, Ct);
        Assert.Equal("assessment/2026-10", Assert.Single(rows).Target);
    }

    [Fact]
    public async Task A_day_drills_down_to_its_calls_with_masked_numbers()
    {
        var page = RenderAs("official01", Roles.Official);

        await page.Find("[data-day='2026-10-12'] a").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("[data-part='day-calls'] tbody tr").Count));
        Assert.Contains("139****5678", page.Find("[data-part='day-calls']").TextContent);
        Assert.DoesNotContain("13912345678", page.Markup);
    }

    [Fact]
    public void The_daily_table_totals_the_month()
    {
        var page = RenderAs("admin01", Roles.Admin);

        var total = page.Find("[data-day='total']");
        Assert.Contains("90.00%", total.QuerySelector("[data-part='effective']")!.TextContent);
        Assert.Equal(32, page.FindAll("[data-part='daily'] tbody tr").Count); // 31 days and the total
    }
}
