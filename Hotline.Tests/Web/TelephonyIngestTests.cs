using Hotline.Core;
using Hotline.Core.Calls;
using Hotline.Core.Data;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Hotline.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Web;

public sealed class TelephonyIngestTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_the_database_refused_are_kept_and_written_on_the_next_flush()
    {
        var connections = new ConnectionFactory(new DatabaseOptions
        {
            ConnectionString = $"Data Source={Path.Combine(HotlineAppFactory.NewFolder(), "hotline.db")}",
        });
        await new Migrator(connections).MigrateAsync(Ct);
        var store = new CallStore(connections);
        var time = new FakeTimeProvider(Start);
        var projection = new LiveProjection(new LiveState(new HotlineOptions()), new CallRecorder());
        await using var telephony = new SimulatedSwitch(Options.Create(new TelephonyOptions()), time);
        var ingest = new TelephonyIngestService(telephony, projection, store, Options.Create(new HotlineOptions()),
            Options.Create(new DemoOptions()), time, NullLogger<TelephonyIngestService>.Instance);
        projection.Apply(new CallArrived(Start, "C1", "13812341234", "12345"));
        projection.Apply(new CallQueued(Start.AddSeconds(30), "C1", "12345", 1));
        projection.Apply(new CallAnswered(Start.AddSeconds(40), "C1", "A001", "12345", 10));
        projection.Apply(new CallEnded(Start.AddSeconds(200), "C1", "A001", 160, HangupParty.Caller));

        await ExecuteAsync(connections, "ALTER TABLE calls RENAME TO calls_away");
        var refused = await ingest.FlushAsync(Ct);
        await ExecuteAsync(connections, "ALTER TABLE calls_away RENAME TO calls");
        var accepted = await ingest.FlushAsync(Ct);

        Assert.False(refused);
        Assert.True(accepted);
        var stored = Assert.Single(await store.LoadCallsAsync(Start.AddHours(-1), Start.AddHours(1), Ct));
        Assert.Equal("C1", stored.CallId);
        Assert.Equal(CallOutcome.Answered, stored.Outcome);
        Assert.Equal(160, stored.TalkSeconds);
    }

    private static async Task ExecuteAsync(ConnectionFactory connections, string sql)
    {
        await using var connection = await connections.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
