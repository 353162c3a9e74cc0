using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.TicketsWeb;
using Hotline.Tests.Web;
using Microsoft.Playwright;

namespace Hotline.Tests.Browser;

/// <summary>The ticket screens in a real Chromium against the real app on Kestrel (test clock at 10:00 in Shanghai).</summary>
public sealed class TicketBrowserTests(ChromiumFixture chromium, TicketsServerFixture server)
    : IClassFixture<ChromiumFixture>, IClassFixture<TicketsServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IBrowserContext> NewContextAsync() => await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = server.Address.ToString(),
        ViewportSize = new ViewportSize { Width = 1600, Height = 1200 },
        Locale = "zh-CN",
    });

    private static async Task SignInAsync(IPage page, string user, string returnUrl)
    {
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", Accounts.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex(Regex.Escape(returnUrl) + "$"));
    }

    [Fact]
    public async Task The_sign_out_button_posts_the_form_and_ends_the_session()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "backoffice01", "/tickets");
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToBeVisibleAsync();

        await page.Locator("[data-part='logout'] button").ClickAsync();

        await page.WaitForURLAsync(new Regex("/login"));
        await page.GotoAsync("/tickets");
        await page.WaitForURLAsync(new Regex("/login"));
    }

    [Fact]
    public async Task What_the_agent_typed_survives_closing_the_page()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "agent02", "/agent");
        var content = page.Locator("#tf-content");
        await Assertions.Expect(page.Locator("[data-part='ticket-form']")).ToHaveAttributeAsync("data-ready", "true");

        await content.FillAsync("小区东门路灯坏了两个星期，晚上很黑");
        await Assertions.Expect(page.Locator("[data-part='draft-state']")).ToContainTextAsync("草稿未保存");
        server.Time.Advance(TimeSpan.FromSeconds(1)); // the debounce runs on the app's clock
        await Assertions.Expect(page.Locator("[data-part='draft-state']")).ToContainTextAsync("草稿已保存");
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false });

        var again = await context.NewPageAsync();
        await again.GotoAsync("/agent");
        await Assertions.Expect(again.Locator("#tf-content")).ToHaveValueAsync("小区东门路灯坏了两个星期，晚上很黑");
    }

    [Fact]
    public async Task An_agent_registers_a_ticket_and_the_department_replies()
    {
        await using var agentContext = await NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await SignInAsync(agent, "agent03", "/agent");
        await Assertions.Expect(agent.Locator("[data-part='ticket-form']")).ToHaveAttributeAsync("data-ready", "true");

        await agent.FillAsync("#tf-callerNumber", "13866668888");
        await agent.GetByText("投诉", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await agent.Locator("#tf-category").PressSequentiallyAsync("垃圾清运");
        await agent.GetByText("城市管理/环境卫生/垃圾清运").ClickAsync();
        await agent.FillAsync("#tf-content", "幸福社区3号楼旁垃圾堆放多日无人清运，气味很大");
        await agent.Locator("#tf-content").PressAsync("Control+Enter");

        var registered = agent.Locator("[data-part='registered']");
        await Assertions.Expect(registered).ToContainTextAsync("已受理，工单编号 YH");
        var number = Regex.Match(await registered.TextContentAsync() ?? "", @"YH\d{8}-\d{4}").Value;

        // Back office dispatches through the API (the /tickets page is covered by component tests).
        using var backOffice = server.Api(DemoTicketData.BackOfficeApiKey);
        using var dispatched = await backOffice.PostAsJsonAsync($"/api/tickets/{number}/transitions",
            new { action = "Dispatch", leadDepartmentId = DemoTicketData.DemoDepartmentId }, Ct);
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync(Ct));

        await using var departmentContext = await NewContextAsync();
        var department = await departmentContext.NewPageAsync();
        await SignInAsync(department, "department01", "/department");
        await department.ClickAsync($"[data-ticket='{number}']");
        await Assertions.Expect(department.Locator("[data-part='number']")).ToHaveTextAsync(number);
        await Assertions.Expect(department.Locator("[data-part='caller']")).ToHaveTextAsync("138****8888");

        await department.ClickAsync("[data-action='SignFor']");
        await department.ClickAsync("[data-action='confirm']");
        await Assertions.Expect(department.Locator("[data-action='Reply']")).ToBeVisibleAsync();
        await department.ClickAsync("[data-action='Reply']");
        await department.FillAsync("#action-note", "已安排环卫车辆清运，并加密清运频次");
        await department.ClickAsync("[data-action='confirm']");

        await Assertions.Expect(department.Locator("[data-part='reply']")).ToHaveTextAsync("已安排环卫车辆清运，并加密清运频次");
        var details = await backOffice.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}", Ct);
        Assert.Equal("Replied", details!["ticket"]!["status"]!.GetValue<string>());
    }
}
