using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Core.Audit;
using Hotline.Core.Security;
using Hotline.Tests.Web;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Tests.Security;

/// <summary>Helpers for the break-in tests: fresh users, tickets, audit rows.</summary>
internal static class SecurityTestKit
{
    public const string Password = "Str0ng!Passw0rd";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new enabled user with <see cref="Password"/>, unique per call.</summary>
    public static async Task<UserAccount> NewUserAsync(RealServerFixture server, string role, string? departmentId = null)
    {
        var name = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var account = new UserAccount
        {
            UserName = name,
            DisplayName = "测试用户",
            Role = role,
            PasswordHash = "",
            DepartmentId = departmentId,
            AgentId = role == Roles.Agent ? "A005" : null,
        };
        var hash = server.Service<PasswordHasher<UserAccount>>().HashPassword(account, Password);
        return (await server.Service<UserStore>().CreateAsync(account with { PasswordHash = hash }, Ct))!;
    }

    public static async Task<HttpClient> SignedInAsync(RealServerFixture server, string userName, string password = Password)
        => (await SignedInWithCookieAsync(server, userName, password)).Browser;

    /// <summary>A signed-in browser and the value of the sign-in cookie it was given.</summary>
    public static async Task<(HttpClient Browser, string Cookie)> SignedInWithCookieAsync(RealServerFixture server, string userName, string password = Password)
    {
        var browser = server.Browser();
        using var response = await Accounts.PostLoginAsync(browser, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("error", response.Headers.Location!.OriginalString);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hotline.auth=", StringComparison.Ordinal));
        return (browser, setCookie["hotline.auth=".Length..setCookie.IndexOf(';')]);
    }

    /// <summary>An admin principal for <see cref="Hotline.Web.Security.UserAdministration"/>.</summary>
    public static ClaimsPrincipal Admin(string name = "admin01")
        => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

    public static async Task<IReadOnlyList<AuditEntry>> AuditRowsAsync(RealServerFixture server, string action, string? target = null)
    {
        var (rows, _) = await server.Service<AuditLog>().SearchAsync(new AuditQuery(Action: action, Target: target, PageSize: 500), Ct);
        return rows;
    }

    /// <summary>Registers a ticket through the back office API key and dispatches it to <paramref name="department"/>.</summary>
    public static async Task<string> DispatchedTicketAsync(RealServerFixture server, string department, string content = "小区电梯经常停运，物业不处理",
        string callerName = "李女士", string address = "幸福路1号", string caller = "13900001111")
    {
        using var backOffice = server.Api(Hotline.Core.Tickets.Storage.DemoTicketData.BackOfficeApiKey);
        using var registered = await backOffice.PostAsJsonAsync("/api/tickets", new
        {
            channel = "Phone", callerNumber = caller, callerName, requestType = "Complaint", categoryId = 1, categoryPath = "城乡建设",
            content, street = "城关街道", address, urgency = "Normal", followUpWanted = true,
        }, Ct);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(Ct));
        var number = (await registered.Content.ReadFromJsonAsync<JsonObject>(Ct))!["number"]!.GetValue<string>();
        using var dispatched = await backOffice.PostAsJsonAsync($"/api/tickets/{number}/transitions", new { action = "Dispatch", leadDepartmentId = department }, Ct);
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync(Ct));
        return number;
    }
}
