using System.Net;
using System.Text.Json.Nodes;
using Hotline.Core.Audit;
using Hotline.Core.Calls;
using Hotline.Core.Recordings;
using Hotline.Tests.Web;

namespace Hotline.Tests.Security;

/// <summary>A recording URL fetched without rights: refused, and nothing says whether the recording exists; nothing is audited.</summary>
public sealed class RecordingAccessTests(SecurityServerFixture server) : IClassFixture<SecurityServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A call answered by seat A001 with a recording (the simulated switch records nothing itself).</summary>
    private async Task<long> RecordingOfAnAnsweredCallAsync()
    {
        var at = server.Time.GetUtcNow();
        var callId = "SEC-" + Guid.NewGuid().ToString("N")[..12];
        await server.Service<CallStore>().UpsertCallsAsync([new CallRecord
        {
            CallId = callId, CallerNumber = "13800000000", ArrivedAt = at.AddMinutes(-3), AnsweredAt = at.AddMinutes(-3),
            EndedAt = at.AddMinutes(-1), Outcome = CallOutcome.Answered, AgentId = "A001",
        }], Ct);
        var store = server.Service<RecordingStore>();
        await store.SaveAsync([new RecordingRecord(callId, $"{callId}.wav", "sim", at.AddMinutes(-3), at.AddMinutes(-1), 1000)], Ct);
        return (await store.ForCallsAsync([callId], cancellationToken: Ct)).Single().Id;
    }

    [Fact]
    public async Task A_recording_url_is_refused_to_everyone_without_rights_and_nothing_is_audited()
    {
        var id = await RecordingOfAnAnsweredCallAsync();
        var url = $"/api/recordings/{id}";

        using var anonymous = server.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url, Ct)).StatusCode);
        using var wallboard = server.Api(HotlineAppFactory.DeviceToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await wallboard.GetAsync(url, Ct)).StatusCode);
        foreach (var user in new[] { "department01", "official01" })
        {
            using var browser = server.Browser();
            await Accounts.SignInAsync(browser, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(url, Ct)).StatusCode);
        }

        // agent05 (seat A005) did not answer this call (A001 did): the same 404 as for a recording that does not exist.
        using var otherAgent = server.Browser();
        await Accounts.SignInAsync(otherAgent, "agent05");
        using var refused = await otherAgent.GetAsync(url, Ct);
        using var missing = await otherAgent.GetAsync("/api/recordings/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(Title(await missing.Content.ReadAsStringAsync(Ct)), Title(await refused.Content.ReadAsStringAsync(Ct)));

        Assert.Empty((await SecurityTestKit.AuditRowsAsync(server, AuditActions.RecordingPlayed, $"recording:{id}")));
    }

    [Fact]
    public async Task A_supervisor_passes_the_rights_check_for_the_same_url()
    {
        var id = await RecordingOfAnAnsweredCallAsync();
        using var supervisor = server.Browser();
        await Accounts.SignInAsync(supervisor, "supervisor01");

        using var response = await supervisor.GetAsync($"/api/recordings/{id}", Ct);

        // The simulated switch keeps no files: past the rights check, the answer is "cannot be read", not "does not exist".
        Assert.NotEqual("录音不存在", Title(await response.Content.ReadAsStringAsync(Ct)));
    }

    private static string? Title(string body) => (JsonNode.Parse(body) as JsonObject)?["title"]?.GetValue<string>();
}
