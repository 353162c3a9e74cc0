using Dapper;
using Hotline.Core.Calls;
using Hotline.Core.Recordings;
using Hotline.Tests.Data;

namespace Hotline.Tests.Recordings;

public abstract class RecordingStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private readonly RecordingStore _store = new(database.Connections);
    private readonly CallStore _calls = new(database.Connections);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await using var connection = await database.Connections.OpenAsync(Token);
        await connection.ExecuteAsync("DELETE FROM recordings");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_recording_is_upserted_by_call_and_file_and_read_back_with_its_calls_agent_and_ticket()
    {
        await _calls.UpsertCallsAsync([new CallRecord { CallId = "c1", ArrivedAt = T0, AgentId = "A001", TicketNumber = "YH20261127-0001" }], Token);
        await _store.SaveAsync([new RecordingRecord("c1", "c1.wav", "pbx1", T0, null, null)], Token);
        await _store.SaveAsync([new RecordingRecord("c1", "c1.wav", "pbx1", T0, T0.AddSeconds(42), 336_044)], Token);

        var found = Assert.Single(await _store.ForCallsAsync(["c1"], cancellationToken: Token));
        Assert.Equal(
            new Recording { Id = found.Id, CallId = "c1", Node = "pbx1", FileName = "c1.wav", StartedAt = T0, EndedAt = T0.AddSeconds(42), Bytes = 336_044, AgentId = "A001", TicketNumber = "YH20261127-0001" },
            found);
        Assert.Equal(found, await _store.FindAsync(found.Id, Token));
        Assert.Null(await _store.FindAsync(found.Id + 1000, Token));
    }

    [Fact]
    public async Task A_tickets_recordings_are_found_by_its_linked_calls_and_by_calls_stored_with_its_number()
    {
        await _calls.UpsertCallsAsync([new CallRecord { CallId = "out1", ArrivedAt = T0, TicketNumber = "YH20261127-0002" }], Token);
        await _store.SaveAsync(
        [
            new RecordingRecord("in1", "in1.wav", "pbx1", T0, null, null),
            new RecordingRecord("out1", "out1.wav", "pbx1", T0.AddMinutes(5), null, null),
            new RecordingRecord("other", "other.wav", "pbx1", T0, null, null),
        ], Token);

        var found = await _store.ForCallsAsync(["in1"], "YH20261127-0002", Token);

        Assert.Equal(["in1", "out1"], found.Select(r => r.CallId));
    }

    [Fact]
    public async Task Expired_recordings_are_the_undeleted_ones_started_before_the_cutoff_and_marking_them_keeps_the_rows()
    {
        await _store.SaveAsync(
        [
            new RecordingRecord("old1", "old1.wav", "pbx1", T0.AddDays(-120), null, null),
            new RecordingRecord("old2", "old2.wav", "pbx1", T0.AddDays(-101), null, null),
            new RecordingRecord("new", "new.wav", "pbx1", T0.AddDays(-99), null, null),
        ], Token);
        var cutoff = T0.AddDays(-100);
        var expired = await _store.ExpiredAsync(cutoff, 10, Token);
        Assert.Equal(["old1", "old2"], expired.Select(r => r.CallId));

        await _store.MarkDeletedAsync([expired[0].Id], T0, Token);

        Assert.Equal(["old2"], (await _store.ExpiredAsync(cutoff, 10, Token)).Select(r => r.CallId));
        Assert.Equal(T0, (await _store.FindAsync(expired[0].Id, Token))!.DeletedAt);
        Assert.Equal(3, (await _store.ForCallsAsync(["old1", "old2", "new"], cancellationToken: Token)).Count);
    }

    [Fact]
    public async Task A_file_shared_by_an_undeleted_recording_outside_the_given_ids_is_still_used()
    {
        await _store.SaveAsync(
        [
            new RecordingRecord("s1", "shared.wav", "simulated", T0.AddDays(-120), null, null),
            new RecordingRecord("s2", "shared.wav", "simulated", T0, null, null),
        ], Token);
        var ids = (await _store.ForCallsAsync(["s1", "s2"], cancellationToken: Token)).Select(r => r.Id).ToList();

        Assert.True(await _store.FileStillUsedAsync("simulated", "shared.wav", [ids[0]], Token));
        Assert.False(await _store.FileStillUsedAsync("simulated", "shared.wav", ids, Token));
        Assert.False(await _store.FileStillUsedAsync("pbx1", "shared.wav", [], Token));
    }
}

public sealed class SqliteRecordingStoreTests(SqliteTestDatabase database) : RecordingStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresRecordingStoreTests(PostgresTestDatabase database) : RecordingStoreTests<PostgresTestDatabase>(database);
