using Dapper;
using Hotline.Core.Audit;
using Hotline.Core.Recordings;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Tests.Data;
using Hotline.Tests.Web;
using Hotline.Web.Recordings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Recordings;

/// <summary>The retention job on a virtual clock, over real files of the simulated node in a temporary folder.</summary>
public sealed class RecordingRetentionTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private const string Node = SimulatedSwitch.NodeName;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private readonly string _folder = HotlineAppFactory.NewFolder();
    private RecordingStore _store = null!;
    private AuditLog _audit = null!;
    private RecordingFiles _files = null!;
    private RecordingRetentionService _retention = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using (var connection = await database.Connections.OpenAsync(Token))
        {
            await connection.ExecuteAsync("DELETE FROM recordings");
        }

        _store = new RecordingStore(database.Connections);
        _audit = new AuditLog(database.Connections, _time);
        _files = new RecordingFiles(Options.Create(new TelephonyOptions()), Options.Create(new RecordingOptions { SimulatedPath = _folder }));
        _retention = new RecordingRetentionService(_store, _files, _audit, Options.Create(new RecordingOptions { RetentionDays = 100, SimulatedPath = _folder }),
            _time, NullLogger<RecordingRetentionService>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _retention.StopAsync(CancellationToken.None);
        _retention.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task A_sweep_deletes_the_files_older_than_the_retention_marks_their_rows_and_audits_it_as_system()
    {
        var old = await RecordAsync("old", daysAgo: 101);
        var recent = await RecordAsync("recent", daysAgo: 99);

        var deleted = await _retention.SweepAsync(Token);

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(Path.Combine(_folder, "old.wav")));
        Assert.True(File.Exists(Path.Combine(_folder, "recent.wav")));
        Assert.Equal(_time.GetUtcNow(), (await _store.FindAsync(old, Token))!.DeletedAt);
        Assert.Null((await _store.FindAsync(recent, Token))!.DeletedAt);
        // The class's tests share one append-only audit log: find this sweep's row by its ids.
        var rows = (await _audit.SearchAsync(new AuditQuery(Action: AuditActions.RecordingsDeleted), Token)).Rows;
        var audit = Assert.Single(rows, r => r.Detail!.EndsWith($"ids {old}", StringComparison.Ordinal));
        Assert.Equal(("system", "1"), (audit.Actor, audit.Target));
    }

    [Fact]
    public async Task A_file_that_a_newer_recording_still_uses_is_kept_while_the_old_row_is_marked()
    {
        var old = await RecordAsync("c-old", daysAgo: 150, file: SimulationEngine.RecordingFile);
        await RecordAsync("c-new", daysAgo: 1, file: SimulationEngine.RecordingFile);

        Assert.Equal(1, await _retention.SweepAsync(Token));

        Assert.True(File.Exists(Path.Combine(_folder, SimulationEngine.RecordingFile)));
        Assert.NotNull((await _store.FindAsync(old, Token))!.DeletedAt);
    }

    [Fact]
    public async Task The_job_sweeps_at_start_and_again_each_hour_of_the_virtual_clock()
    {
        var ageing = await RecordAsync("ageing", daysAgo: 100, minutesYounger: 30);
        var sweeps = new List<int>();
        var swept = new SemaphoreSlim(0);
        _retention.Swept += count => { lock (sweeps) sweeps.Add(count); swept.Release(); };

        await _retention.StartAsync(Token);
        Assert.True(await swept.WaitAsync(TimeSpan.FromSeconds(10), Token), "the sweep at start");
        Assert.Null((await _store.FindAsync(ageing, Token))!.DeletedAt);

        _time.Advance(RecordingRetentionService.Interval);
        Assert.True(await swept.WaitAsync(TimeSpan.FromSeconds(10), Token), "the hourly sweep");

        Assert.Equal([0, 1], sweeps);
        Assert.NotNull((await _store.FindAsync(ageing, Token))!.DeletedAt);
        Assert.False(File.Exists(Path.Combine(_folder, "ageing.wav")));
    }

    /// <summary>Writes a file and indexes it as a recording that started that long ago; returns its id.</summary>
    private async Task<long> RecordAsync(string callId, int daysAgo, string? file = null, int minutesYounger = 0)
    {
        file ??= callId + ".wav";
        await File.WriteAllBytesAsync(Path.Combine(_folder, file), DemoRecording.Wav(), Token);
        var started = _time.GetUtcNow().AddDays(-daysAgo).AddMinutes(minutesYounger);
        await _store.SaveAsync([new RecordingRecord(callId, file, Node, started, started.AddMinutes(3), 64_044)], Token);
        return Assert.Single(await _store.ForCallsAsync([callId], cancellationToken: Token)).Id;
    }
}
