using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Hotline.Core.Assessment;
using Hotline.Tests.AssessmentWeb;
using Hotline.Tests.Web;
using Microsoft.Playwright;

namespace Hotline.Tests.Browser;

/// <summary>An official opens the assessment page in a real Chromium, downloads the workbook and it opens.</summary>
public sealed class AssessmentBrowserTests(ChromiumFixture chromium, AssessmentServerFixture server)
    : IClassFixture<ChromiumFixture>, IClassFixture<AssessmentServerFixture>
{
    [Fact]
    public async Task The_official_downloads_the_months_workbook_from_the_page()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1200 },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Freports%2Fassessment");
        await page.FillAsync("#userName", "official01");
        await page.FillAsync("#password", Accounts.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/reports/assessment$"));
        await Assertions.Expect(page.Locator("[data-part='indicators'] tbody tr")).ToHaveCountAsync(6);
        var total = await page.Locator("[data-part='total']").InnerTextAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action='download-workbook']"));

        Assert.Equal("12345考核-2026-10.xlsx", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), "hotline-tests", Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(file);
        try
        {
            using var book = new XLWorkbook(file);
            Assert.Equal(7, book.Worksheets.Count);
            var sum = book.Worksheet(AssessmentWorkbook.SummarySheet).Cell(AssessmentWorkbook.HeaderRow + 7, 7).GetDouble();
            Assert.Contains(sum.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), total);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
