using System.Net;
using Hotline.Core.Security;
using Hotline.Tests.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Security;

/// <summary>Outside Development and without demo data: no default credentials, the first admin's password is required, HTTPS is enforced.</summary>
public sealed class ProductionModeTests
{
    private const string AdminPassword = "Adm1n!Secure#2026";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WebApplicationFactory<Program> Production(string? adminPassword) => OwnServer.Create(new()
    {
        ["Hotline:Demo:Enabled"] = null, // the default: off outside Development
        ["Hotline:Security:InitialAdminPassword"] = adminPassword,
        ["https_port"] = "443",
    }).WithWebHostBuilder(b => b.UseEnvironment("Production"));

    [Fact]
    public async Task The_first_start_without_an_admin_password_stops_naming_the_setting()
    {
        await using var app = Production(null);

        var error = Record.Exception(() => app.Services);

        Assert.NotNull(error);
        Assert.Contains("Hotline:Security:InitialAdminPassword", error.ToString());
    }

    [Fact]
    public async Task A_weak_initial_admin_password_stops_the_start()
    {
        await using var app = Production("admin123");

        var error = Record.Exception(() => app.Services);

        Assert.NotNull(error);
        Assert.Contains("不符合密码规则", error.ToString());
    }

    [Fact]
    public async Task The_first_start_creates_only_the_admin_with_the_given_password_and_no_demo_users()
    {
        await using var app = Production(AdminPassword);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://hotline.example"),
        });

        var users = await app.Services.GetRequiredService<UserStore>().ListAsync(Ct);
        using var demo = await Accounts.PostLoginAsync(browser, "admin01", Accounts.DemoPassword);
        using var admin = await Accounts.PostLoginAsync(browser, "admin", AdminPassword);

        Assert.Equal("admin", Assert.Single(users).UserName);
        Assert.Contains("error=1", demo.Headers.Location!.OriginalString);
        Assert.Equal("/", admin.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Https_is_enforced_with_hsts_outside_development()
    {
        await using var app = Production(AdminPassword);
        using var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://hotline.example") });
        using var secure = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://hotline.example") });

        using var redirected = await plain.GetAsync("/login", Ct);
        using var page = await secure.GetAsync("/login", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://hotline.example/login", redirected.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
    }
}
