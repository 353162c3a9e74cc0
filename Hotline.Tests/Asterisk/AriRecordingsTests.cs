using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Hotline.Core.Calls;
using Hotline.Core.Recordings;
using Hotline.Tests.Web;
using Hotline.Web.Live;
using Hotline.Web.Recordings;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.Asterisk;

/// <summary>
/// A node whose recordings directory is not mounted here (no RecordingsPath): its files are played and deleted
/// through the sandbox's real ARI (<c>/ari/recordings/stored/{name}</c>).
/// </summary>
[Collection(nameof(AsteriskSandbox))]
public sealed class AriRecordingsTests : IAsyncLifetime
{
    private HotlineAppFactory _app = null!;
    private string _file = null!;
    private byte[] _wav = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var (host, port) = await AsteriskSandbox.AmiAsync();
        // A recording as MixMonitor leaves it in the node's recording directory (written here through the chroot).
        _file = $"ari-test-{Guid.NewGuid():N}.wav";
        _wav = DemoRecording.Wav();
        await File.WriteAllBytesAsync(Path.Combine(AsteriskSandbox.RecordingsPath(), _file), _wav, Ct);

        _app = new HotlineAppFactory(HotlineAppFactory.NewFolder(), new Dictionary<string, string?>
        {
            ["Hotline:Telephony:Mode"] = "Asterisk",
            ["Hotline:Demo:Enabled"] = "true",
            ["Hotline:Demo:TicketCount"] = "3",
            ["Hotline:Telephony:Asterisk:Nodes:0:Name"] = "remote",
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Host"] = host,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:User"] = AsteriskSandbox.User,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ami:Secret"] = AsteriskSandbox.Secret,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ari:BaseUrl"] = AsteriskSandbox.AriBaseUrl(),
            ["Hotline:Telephony:Asterisk:Nodes:0:Ari:User"] = AsteriskSandbox.AriUser,
            ["Hotline:Telephony:Asterisk:Nodes:0:Ari:Password"] = AsteriskSandbox.AriPassword,
        });
        _ = _app.Services;
        await _app.Services.GetRequiredService<TelephonyIngestService>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(Path.Combine(AsteriskSandbox.RecordingsPath(), _file));
    }

    [Fact]
    public async Task A_recording_on_a_node_without_a_local_path_streams_a_range_from_ari_and_is_deleted_through_ari()
    {
        var now = DateTimeOffset.UtcNow;
        await _app.Services.GetRequiredService<CallStore>().UpsertCallsAsync([new CallRecord { CallId = "remote-1", ArrivedAt = now, AgentId = "A001", Outcome = CallOutcome.Answered }], Ct);
        var store = _app.Services.GetRequiredService<RecordingStore>();
        await store.SaveAsync([new RecordingRecord("remote-1", _file, "remote", now, now.AddSeconds(4), null)], Ct);
        var id = Assert.Single(await store.ForCallsAsync(["remote-1"], cancellationToken: Ct)).Id;
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Accounts.SignInAsync(client, "agent01");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{id}");
        request.Headers.Range = new RangeHeaderValue(44, 143);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 44-143/{_wav.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(_wav[44..144], await response.Content.ReadAsByteArrayAsync(Ct));

        var files = _app.Services.GetRequiredService<RecordingFiles>();
        Assert.Null(files.LocalPath("remote", _file));
        Assert.True(await files.DeleteAsync("remote", _file, Ct));
        Assert.False(File.Exists(Path.Combine(AsteriskSandbox.RecordingsPath(), _file)));
        Assert.Null(await files.Ari("remote")!.GetStoredRecordingAsync(_file, Ct));
    }
}
