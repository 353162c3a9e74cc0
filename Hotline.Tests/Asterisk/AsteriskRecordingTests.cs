using static Hotline.Tests.Asterisk.AsteriskWait;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hotline.Core.Audit;
using Hotline.Core.Calls;
using Hotline.Core.Recordings;
using Hotline.Telephony;
using Hotline.Telephony.Ami;
using Hotline.Tests.Web;
using Hotline.Web.Apis;
using Hotline.Web.Live;
using Hotline.Web.Recordings;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Asterisk;

/// <summary>
/// Recordings on the real switch, through the whole app in Asterisk mode: MixMonitor's file for a queue call is
/// indexed against the call, streams with a Range request, and is the same file ARI serves.
/// </summary>
[Collection(nameof(AsteriskSandbox))]
public sealed class AsteriskRecordingTests : IAsyncLifetime
{
    private HotlineAppFactory _app = null!;
    private AmiClient _driver = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var (host, port) = await AsteriskSandbox.AmiAsync();
        _driver = await AsteriskSandbox.StartDriverAsync(host, port, 3, 3, Ct);

        _app = new HotlineAppFactory(HotlineAppFactory.NewFolder(), new Dictionary<string, string?>
        {
            ["Hotline:Telephony:Mode"] = "Asterisk",
            // Demo users (supervisor01) and a few tickets; Asterisk mode has no simulated morning.
            ["Hotline:Demo:Enabled"] = "true",
            ["Hotline:Demo:TicketCount"] = "3",
            ["Hotline:Telephony:Asterisk:Nodes:0:Name"] = "sandbox",
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Host"] = host,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:User"] = AsteriskSandbox.User,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Secret"] = AsteriskSandbox.Secret,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ari:BaseUrl"] = AsteriskSandbox.AriBaseUrl(),
            ["Hotline:Telephony:Asterisk:Nodes:0:Ari:User"] = AsteriskSandbox.AriUser,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ari:Password"] = AsteriskSandbox.AriPassword,
            ["Hotline:Telephony:Asterisk:Nodes:0:RecordingsPath"] = AsteriskSandbox.RecordingsPath(),
        });
        _ = _app.Services;
        await _app.Services.GetRequiredService<TelephonyIngestService>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _driver.DisposeAsync();
    }

    [Fact]
    public async Task A_queue_call_answered_by_a_local_agent_is_recorded_indexed_against_its_call_and_streams_with_a_range_request()
    {
        var telephony = _app.Services.GetRequiredService<ITelephony>();
        var projection = _app.Services.GetRequiredService<LiveProjection>();
        await Until(() => Task.FromResult(projection.Snapshot(DateTimeOffset.UtcNow).SwitchLinkUp), TimeSpan.FromSeconds(10), "the switch link up");
        await telephony.LogInAsync("R1", "2001", Ct);
        await telephony.SetReadyAsync("R1", Ct);
        await Until(() => Task.FromResult(projection.Snapshot(DateTimeOffset.UtcNow).Seats.Any(s => s.AgentId == "R1" && s.State == SeatState.Ready)), TimeSpan.FromSeconds(5), "R1 ready");

        await _driver.SendAsync(AsteriskSandbox.Caller(15, "555301"), Ct);

        // The agent talks 3 s and hangs up; the ingest writes the index about twice a second.
        var store = _app.Services.GetRequiredService<RecordingStore>();
        var calls = _app.Services.GetRequiredService<CallStore>();
        Recording? recording = null;
        await Until(async () =>
        {
            var answered = (await calls.LoadCallsAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1), Ct))
                .Where(c => c.AgentId == "R1" && c.EndedAt is not null).Select(c => c.CallId).ToList();
            recording = (await store.ForCallsAsync(answered, cancellationToken: Ct)).FirstOrDefault(r => r.EndedAt is not null);
            return recording is not null;
        }, TimeSpan.FromSeconds(40), "the answered call's recording to stop and be indexed");

        Assert.Equal(("sandbox", recording!.CallId + ".wav", "R1"), (recording.Node, recording.FileName, recording.AgentId));
        var path = Path.Combine(AsteriskSandbox.RecordingsPath(), recording.FileName);
        Assert.True(File.Exists(path), $"MixMonitor wrote {path}");
        var file = await File.ReadAllBytesAsync(path, Ct);
        Assert.InRange(file.Length, 8000 * 2 * 3, 8000 * 2 * 30); // 8 kHz 16-bit: at least the 3 s of talk

        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Accounts.SignInAsync(client, "supervisor01");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{recording.Id}");
        request.Headers.Range = new RangeHeaderValue(0, 99);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 0-99/{file.Length}", response.Content.Headers.ContentRange!.ToString());
        var head = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(file[..100], head);
        Assert.Equal("RIFF"u8.ToArray(), head[..4]);
        var audit = await _app.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Target: RecordingsApi.Target(recording.Id)), Ct);
        Assert.Equal(("supervisor01", AuditActions.RecordingPlayed), (audit.Rows.Single().Actor, audit.Rows.Single().Action));

        // The same file through ARI (for nodes whose recordings directory is not mounted here).
        var ari = _app.Services.GetRequiredService<RecordingFiles>().Ari("sandbox")!;
        Assert.Equal(file, await ari.GetStoredRecordingAsync(recording.FileName, Ct));

        // The supervisor sees the node's ARI up.
        var nodes = JsonDocument.Parse(await client.GetStringAsync("/api/telephony/nodes", Ct)).RootElement;
        Assert.True(nodes.EnumerateArray().Single().GetProperty("ariUp").GetBoolean());
    }

    [Fact]
    public async Task An_outbound_follow_up_call_is_recorded_and_found_through_its_ticket()
    {
        var telephony = _app.Services.GetRequiredService<ITelephony>();
        var projection = _app.Services.GetRequiredService<LiveProjection>();
        await Until(() => Task.FromResult(projection.Snapshot(DateTimeOffset.UtcNow).SwitchLinkUp), TimeSpan.FromSeconds(10), "the switch link up");
        await telephony.LogInAsync("R2", "2002", Ct);
        await Until(() => Task.FromResult(projection.Snapshot(DateTimeOffset.UtcNow).Seats.Any(s => s.AgentId == "R2")), TimeSpan.FromSeconds(5), "R2 logged in");

        var callId = await telephony.OriginateAsync("R2", "4", "YH20261127-0777", Ct);

        var store = _app.Services.GetRequiredService<RecordingStore>();
        Recording? recording = null;
        await Until(async () =>
        {
            recording = (await store.ForCallsAsync([], "YH20261127-0777", Ct)).FirstOrDefault(r => r.EndedAt is not null);
            return recording is not null;
        }, TimeSpan.FromSeconds(30), "the outbound call's recording to stop and be indexed");
        Assert.Equal((callId, callId + ".wav"), (recording!.CallId, recording.FileName));
        Assert.True(File.Exists(Path.Combine(AsteriskSandbox.RecordingsPath(), recording.FileName)));
    }

}
