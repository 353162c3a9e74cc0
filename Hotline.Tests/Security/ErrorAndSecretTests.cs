using System.Net;
using Hotline.Core.Tickets.Storage;
using Hotline.Tests.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Hotline.Tests.Security;

/// <summary>Errors show no internals; secrets from the settings reach neither the log nor the browser.</summary>
public sealed class ErrorAndSecretTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_failure_answers_with_a_chinese_message_and_no_stack_trace_or_sql()
    {
        await using var app = OwnServer.Create();
        using var backOffice = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        backOffice.DefaultRequestHeaders.Authorization = new("Bearer", DemoTicketData.BackOfficeApiKey);
        using (var ok = await backOffice.GetAsync("/api/tickets", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.Folder, "hotline.db")};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE tickets RENAME TO tickets_moved_away";
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var api = await backOffice.GetAsync("/api/tickets?q=test", Ct);
        using var page = await SignedInPageAsync(app, "/tickets/YH20261127-0001");

        foreach (var (response, body) in new[] { (api, await api.Content.ReadAsStringAsync(Ct)), (page, await page.Content.ReadAsStringAsync(Ct)) })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains("服务器内部错误", System.Text.RegularExpressions.Regex.Unescape(WebUtility.HtmlDecode(body)));
            foreach (var leak in new[] { "Sqlite", "SQLite", "tickets", "SELECT", "Exception", " at Hotline", ".cs:line" })
            {
                Assert.DoesNotContain(leak, body);
            }
        }
    }

    [Fact]
    public async Task Secrets_in_the_settings_are_never_logged_nor_sent_to_the_browser()
    {
        string[] secrets = ["ami-secret-4711", "ari-secret-4712", "device-secret-4713"];
        await using var app = OwnServer.Create(new()
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
            ["Hotline:Telephony:Asterisk:Nodes:0:Name"] = "pbx1",
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Host"] = "127.0.0.1",
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:User"] = "hotline",
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Secret"] = secrets[0],
            ["Hotline:Telephony:Asterisk:Nodes:0:Ari:Password"] = secrets[1],
            ["Hotline:Wallboard:DeviceTokens:0"] = secrets[2],
        });
        using var wallboard = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var pages = new List<string> { await wallboard.GetStringAsync($"/wallboard?token={secrets[2]}", Ct) };
        (await wallboard.GetAsync("/wallboard?token=wrong-token", Ct)).Dispose();
        foreach (var path in new[] { "/", "/admin/api-keys", "/admin/users", "/supervisor", "/openapi/v1.json" })
        {
            using var response = await SignedInPageAsync(app, path);
            pages.Add(await response.Content.ReadAsStringAsync(Ct));
        }

        await app.DisposeAsync(); // flushes the log
        var log = string.Concat(Directory.GetFiles(Path.Combine(app.Folder, "logs")).Select(File.ReadAllText));

        Assert.Contains("Database Sqlite migrated", log); // the log was written at this level
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, log);
            Assert.All(pages, html => Assert.DoesNotContain(secret, html));
        }

        Assert.DoesNotContain("Data Source=", log);
    }

    private static async Task<HttpResponseMessage> SignedInPageAsync(HotlineAppFactory app, string path)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Accounts.SignInAsync(browser, "admin01");
        return await browser.GetAsync(path, Ct);
    }
}
