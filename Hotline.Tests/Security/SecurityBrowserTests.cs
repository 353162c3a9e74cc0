using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hotline.Core.Audit;
using Hotline.Core.Security;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Browser;
using Hotline.Tests.Web;
using Hotline.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Tests.Security;

/// <summary>
/// Chromium against the real app with its security headers on: hostile ticket content is shown as text on every page that
/// shows it and never runs; the pages work under the CSP (the circuit connects); open pages sign out when the user is disabled.
/// </summary>
public sealed class SecurityBrowserTests(ChromiumFixture chromium, SecurityServerFixture server)
    : IClassFixture<ChromiumFixture>, IClassFixture<SecurityServerFixture>
{
    private const string ContentPayload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>路灯不亮";
    private const string NamePayload = "\"><svg onload=\"window.__pwned=3\">";
    private const string AddressPayload = "<iframe src=\"javascript:top.__pwned=4\"></iframe>幸福路";
    private const string ReplyPayload = "<a href=\"javascript:window.__pwned=5\" id=\"pwn\">点我</a><b onmouseover=\"window.__pwned=6\">已处理</b>";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> OpenAsync(string user, string password = Accounts.DemoPassword)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.Contains("Refused", StringComparison.Ordinal)))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));
        return (context, page, problems);
    }

    /// <summary>Waits until the page's circuit is connected (clicks before that do nothing).</summary>
    private static Task InteractiveAsync(IPage page)
        => Assertions.Expect(page.Locator(".mud-main-content[data-interactive='true']")).ToBeVisibleAsync();

    /// <summary>The page shows the marker as text, no injected element exists, nothing set window.__pwned, and the CSP refused nothing.</summary>
    private static async Task AssertInertAsync(IPage page, List<string> problems, string marker, string where)
    {
        await Assertions.Expect(page.GetByText(marker, new PageGetByTextOptions { Exact = false }).First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("img[src='x'], svg[onload], iframe, #pwn, b[onmouseover], script:not([src]):not([type='importmap'])").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.True(problems.Count == 0, where + ": " + string.Join("\n", problems));
    }

    private async Task<string> HostileTicketAsync()
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, DemoTicketData.DemoDepartmentId,
            content: ContentPayload, callerName: NamePayload, address: AddressPayload, caller: "13911112222");
        using var department = server.Api(DemoTicketData.DepartmentApiKey);
        foreach (var body in new object[] { new { action = "SignFor" }, new { action = "Reply", note = ReplyPayload } })
        {
            using var response = await department.PostAsJsonAsync($"/api/tickets/{number}/transitions", body, Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        return number;
    }

    [Fact]
    public async Task Hostile_ticket_content_is_shown_as_text_on_every_page_that_shows_it_and_never_runs()
    {
        var number = await HostileTicketAsync();

        var (backOfficeContext, backOffice, backOfficeProblems) = await OpenAsync("backoffice01");
        await using (backOfficeContext)
        {
            await backOffice.GotoAsync("/tickets");
            await AssertInertAsync(backOffice, backOfficeProblems, "<img src=x onerror=", "/tickets");
            await backOffice.GotoAsync($"/tickets/{number}");
            await AssertInertAsync(backOffice, backOfficeProblems, "window.__pwned=2</script>路灯不亮", "/tickets/{number}");
            await AssertInertAsync(backOffice, backOfficeProblems, "<svg onload=", "caller name");
            await AssertInertAsync(backOffice, backOfficeProblems, "<iframe src=", "address");
            await AssertInertAsync(backOffice, backOfficeProblems, "<b onmouseover=", "reply");
        }

        var (departmentContext, department, departmentProblems) = await OpenAsync("department01");
        await using (departmentContext)
        {
            await department.GotoAsync("/department");
            await InteractiveAsync(department);
            await department.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "全部" }).ClickAsync();
            await AssertInertAsync(department, departmentProblems, "<img src=x onerror=", "/department");
            await department.GotoAsync($"/department/tickets/{number}");
            await AssertInertAsync(department, departmentProblems, "window.__pwned=2</script>路灯不亮", "/department/tickets/{number}");
        }

        var (agentContext, agent, agentProblems) = await OpenAsync("agent04");
        await using (agentContext)
        {
            await agent.GotoAsync("/agent");
            await Assertions.Expect(agent.Locator("[data-part='ticket-form']")).ToHaveAttributeAsync("data-ready", "true");
            await agent.FillAsync("#tf-callerNumber", "13911112222");
            await AssertInertAsync(agent, agentProblems, "<img src=x onerror=", "the agent's history of the caller");
        }

        // A user name typed into the sign-in form lands in the audit log, which the admin reads.
        using (var typed = server.Browser())
        {
            (await Accounts.PostLoginAsync(typed, "<img src=x onerror=window.__pwned=7>", "x")).Dispose();
        }

        var (adminContext, admin, adminProblems) = await OpenAsync("admin01");
        await using (adminContext)
        {
            await admin.GotoAsync("/admin/audit");
            await AssertInertAsync(admin, adminProblems, "onerror=window.__pwned=7>", "/admin/audit");
        }
    }

    [Fact]
    public async Task Pages_work_under_the_csp_and_revealing_a_number_is_audited()
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, DemoTicketData.DemoDepartmentId, caller: "13955556666");
        var (context, page, problems) = await OpenAsync("backoffice01");
        await using var _ = context;

        await page.GotoAsync($"/tickets/{number}");
        await Assertions.Expect(page.Locator("[data-part='caller']")).ToHaveTextAsync("139****6666");
        await InteractiveAsync(page);
        await page.ClickAsync("[data-action='reveal']"); // a circuit event: works only if the circuit connected under the CSP

        await Assertions.Expect(page.Locator("[data-part='caller']")).ToHaveTextAsync("13955556666");
        var row = Assert.Single(await SecurityTestKit.AuditRowsAsync(server, AuditActions.NumberRevealed, number));
        Assert.Equal(("backoffice01", "BackOffice"), (row.Actor, row.Role));
        Assert.False(string.IsNullOrEmpty(row.Address));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task An_open_page_signs_out_when_an_admin_disables_the_user()
    {
        var number = await SecurityTestKit.DispatchedTicketAsync(server, DemoTicketData.DemoDepartmentId, caller: "13977778888");
        var user = await SecurityTestKit.NewUserAsync(server, Roles.BackOffice);
        var (context, page, _) = await OpenAsync(user.UserName, SecurityTestKit.Password);
        await using var __ = context;
        await page.GotoAsync($"/tickets/{number}");
        await InteractiveAsync(page);
        await page.ClickAsync("[data-action='reveal']");
        await Assertions.Expect(page.Locator("[data-part='caller']")).ToHaveTextAsync("13977778888"); // the circuit is live

        await using (var scope = server.Factory.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetDisabledAsync(user.UserName, true, SecurityTestKit.Admin(), Ct));
        }

        // The circuit re-checks its user every second here (Hotline:Security:RevalidateSeconds).
        await page.WaitForURLAsync(new Regex("/login"), new PageWaitForURLOptions { Timeout = 15_000 });
    }
}
