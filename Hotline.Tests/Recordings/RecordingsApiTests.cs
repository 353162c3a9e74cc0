using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hotline.Core.Audit;
using Hotline.Core.Calls;
using Hotline.Core.Recordings;
using Hotline.Telephony.Simulation;
using Hotline.Tests.Web;
using Hotline.Web.Apis;
using Hotline.Web.Live;
using Hotline.Web.Recordings;

namespace Hotline.Tests.Recordings;

/// <summary><c>GET /api/recordings/{id}</c> on the real server: who may play what, ranges, the audit rows, missing files.</summary>
public sealed class RecordingsApiTests(RecordingsServerFixture server) : IClassFixture<RecordingsServerFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RecordingStore Store => server.Service<RecordingStore>();

    public async ValueTask InitializeAsync() => await server.Service<TelephonyIngestService>().FlushAsync(Ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_simulated_mornings_answered_calls_are_indexed_against_their_calls_with_a_playable_file()
    {
        var files = server.Service<RecordingFiles>();
        var calls = await server.Service<CallStore>().LoadCallsAsync(server.Time.GetUtcNow().AddHours(-10), server.Time.GetUtcNow(), Ct);
        var answered = calls.Where(c => c.Outcome == CallOutcome.Answered).ToList();
        Assert.NotEmpty(answered);

        var recordings = await Store.ForCallsAsync(answered.Select(c => c.CallId).ToList(), cancellationToken: Ct);

        Assert.Equal(answered.Count, recordings.Count);
        Assert.All(recordings, r => Assert.Equal(answered.Single(c => c.CallId == r.CallId).AgentId, r.AgentId));
        Assert.True(File.Exists(files.LocalPath(SimulatedSwitch.NodeName, SimulationEngine.RecordingFile)));
        Assert.Contains(recordings, r => r.EndedAt is not null && r.Bytes > 44);
    }

    [Fact]
    public async Task Without_signing_in_a_recording_is_401()
    {
        var id = await RecordingOfAsync("A001");

        using var response = await server.Api(null).GetAsync($"/api/recordings/{id}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_wallboard_token_gets_403()
    {
        var id = await RecordingOfAsync("A001");

        using var response = await server.Api(HotlineAppFactory.DeviceToken).GetAsync($"/api/recordings/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("department01")]
    [InlineData("official01")]
    public async Task Departments_and_officials_get_403_whether_or_not_the_recording_exists(string user)
    {
        var id = await RecordingOfAsync("A001");
        using var browser = await SignedInAsync(user);

        using var existing = await browser.GetAsync($"/api/recordings/{id}", Ct);
        using var missing = await browser.GetAsync("/api/recordings/987654321", Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (existing.StatusCode, missing.StatusCode));
    }

    [Fact]
    public async Task An_agent_gets_the_same_404_for_another_agents_call_as_for_a_recording_that_does_not_exist()
    {
        var others = await RecordingOfAsync("A002");
        using var browser = await SignedInAsync("agent01");

        using var forbidden = await browser.GetAsync($"/api/recordings/{others}", Ct);
        using var missing = await browser.GetAsync("/api/recordings/987654321", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (forbidden.StatusCode, missing.StatusCode));
        Assert.Equal(await missing.Content.ReadAsStringAsync(Ct), await forbidden.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await AuditRowsAsync(others));
    }

    [Fact]
    public async Task An_agent_plays_the_recording_of_his_own_call()
    {
        var own = await RecordingOfAsync("A001");
        using var browser = await SignedInAsync("agent01");

        using var response = await GetRangeAsync(browser, own, 0, 99);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var row = Assert.Single(await AuditRowsAsync(own));
        Assert.Equal(("agent01", "Agent", AuditActions.RecordingPlayed), (row.Actor, row.Role, row.Action));
    }

    [Fact]
    public async Task A_range_request_gets_206_with_accept_ranges_content_range_and_exactly_those_bytes()
    {
        var id = await RecordingOfAsync("A003");
        var file = await File.ReadAllBytesAsync(server.Service<RecordingFiles>().LocalPath(SimulatedSwitch.NodeName, SimulationEngine.RecordingFile)!, Ct);
        using var browser = await SignedInAsync("backoffice01");

        using var response = await GetRangeAsync(browser, id, 1000, 1999);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal($"bytes 1000-1999/{file.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal("audio/wav", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(file[1000..2000], await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_players_burst_of_range_requests_is_audited_once_with_who_from_where_and_which_recording()
    {
        var id = await RecordingOfAsync("A004");
        using var browser = await SignedInAsync("supervisor01");

        foreach (var (from, to) in new[] { (0L, (long?)null), (4000L, (long?)null), (20000L, (long?)30000) })
        {
            using var response = await GetRangeAsync(browser, id, from, to);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        }

        var row = Assert.Single(await AuditRowsAsync(id));
        Assert.Equal(("supervisor01", "Supervisor", "127.0.0.1", AuditActions.RecordingPlayed), (row.Actor, row.Role, row.Address, row.Action));
    }

    [Fact]
    public async Task Starting_the_same_recording_again_within_a_minute_is_one_playback_and_later_a_new_one()
    {
        var id = await RecordingOfAsync("A005");
        using var browser = await SignedInAsync("supervisor01");

        (await GetRangeAsync(browser, id, 0, null)).Dispose();
        server.Time.Advance(TimeSpan.FromSeconds(30));
        (await GetRangeAsync(browser, id, 0, null)).Dispose();
        Assert.Single(await AuditRowsAsync(id));

        server.Time.Advance(TimeSpan.FromMinutes(1));
        (await GetRangeAsync(browser, id, 0, null)).Dispose();
        Assert.Equal(2, (await AuditRowsAsync(id)).Count);
    }

    [Fact]
    public async Task A_download_is_an_attachment_audited_as_a_download()
    {
        var id = await RecordingOfAsync("A005", ticket: "YH20261127-0999");
        using var browser = await SignedInAsync("admin01");

        using var response = await browser.GetAsync($"/api/recordings/{id}?download=true", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("YH20261127-0999", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var row = Assert.Single(await AuditRowsAsync(id));
        Assert.Equal(AuditActions.RecordingDownloaded, row.Action);
        Assert.Contains("ticket YH20261127-0999", row.Detail);
    }

    [Fact]
    public async Task A_recording_whose_file_is_gone_is_a_410_problem_and_not_audited()
    {
        var id = await RecordingOfAsync("A001", file: "no-such-file.wav");
        using var browser = await SignedInAsync("supervisor01");

        using var response = await browser.GetAsync($"/api/recordings/{id}", Ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("录音文件缺失", problem.RootElement.GetProperty("title").GetString());
        Assert.Empty(await AuditRowsAsync(id));
    }

    [Fact]
    public async Task A_recording_deleted_by_the_retention_job_is_410()
    {
        var id = await RecordingOfAsync("A001");
        await Store.MarkDeletedAsync([id], server.Time.GetUtcNow(), Ct);
        using var browser = await SignedInAsync("supervisor01");

        using var response = await browser.GetAsync($"/api/recordings/{id}", Ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("录音已删除", JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Listing_a_calls_recordings_shows_an_agent_only_his_own()
    {
        var own = await RecordingOfAsync("A001");
        var others = await RecordingOfAsync("A002");
        var ownCall = (await Store.FindAsync(own, Ct))!.CallId;
        var othersCall = (await Store.FindAsync(others, Ct))!.CallId;
        using var browser = await SignedInAsync("agent01");

        var mine = await browser.GetStringAsync($"/api/recordings/by-call/{ownCall}", Ct);
        var theirs = await browser.GetStringAsync($"/api/recordings/by-call/{othersCall}", Ct);

        Assert.Equal(own, JsonDocument.Parse(mine).RootElement.EnumerateArray().Single().GetProperty("id").GetInt64());
        Assert.Empty(JsonDocument.Parse(theirs).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task The_ticket_page_shows_the_linked_calls_player_to_a_supervisor_and_no_player_to_an_official()
    {
        var id = await RecordingOfAsync("A001");
        var number = await server.TicketForAsync(id);
        using var supervisor = await SignedInAsync("supervisor01");
        using var official = await SignedInAsync("official01");

        var supervisorPage = await supervisor.GetStringAsync($"/tickets/{number}", Ct);
        var officialPage = await official.GetStringAsync($"/tickets/{number}", Ct);

        Assert.Contains($"<audio controls preload=\"none\" src=\"/api/recordings/{id}\"", supervisorPage);
        Assert.Contains("通话录音", supervisorPage);
        Assert.Contains(number, officialPage);
        Assert.DoesNotContain("/api/recordings/", officialPage);
    }

    private Task<long> RecordingOfAsync(string agentId, string? ticket = null, string file = SimulationEngine.RecordingFile) =>
        server.RecordingOfAsync(agentId, ticket, file);

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = server.Browser();
        await Accounts.SignInAsync(browser, user);
        return browser;
    }

    private static Task<HttpResponseMessage> GetRangeAsync(HttpClient browser, long id, long from, long? to)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{id}");
        request.Headers.Range = new RangeHeaderValue(from, to);
        return browser.SendAsync(request, Ct);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditRowsAsync(long id) =>
        (await server.Service<AuditLog>().SearchAsync(new AuditQuery(Target: RecordingsApi.Target(id)), Ct)).Rows;
}
