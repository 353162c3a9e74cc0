using Hotline.Core;
using Hotline.Core.Callbacks;
using Hotline.Core.Calls;
using Hotline.Core.Data;
using Hotline.Core.Live;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Tests.Web;
using Hotline.Web.Configuration;
using Hotline.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Callbacks;

/// <summary>Callback requests from the event stream to the worklist, on a temporary SQLite database.</summary>
public sealed class CallbackStorageTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(Start);
    private readonly ConnectionFactory _connections = new(new DatabaseOptions
    {
        ConnectionString = $"Data Source={Path.Combine(HotlineAppFactory.NewFolder(), "hotline.db")}",
    });

    [Fact]
    public async Task A_callback_request_goes_through_the_ingest_to_the_worklist_keeping_its_enqueue_time_and_is_no_abandon()
    {
        await new Migrator(_connections).MigrateAsync(Ct);
        var store = new CallStore(_connections);
        var projection = new LiveProjection(new LiveState(new HotlineOptions()), new CallRecorder());
        await using var telephony = new SimulatedSwitch(Options.Create(new TelephonyOptions()), _time);
        var ingest = new TelephonyIngestService(telephony, projection, store, Options.Create(new HotlineOptions()),
            Options.Create(new DemoOptions()), _time, NullLogger<TelephonyIngestService>.Instance);
        projection.Apply(new CallArrived(Start, "C1", "13812341234", "12345"));
        projection.Apply(new CallQueued(Start.AddSeconds(30), "C1", "12345", 3));
        projection.Apply(new CallbackRequested(Start.AddSeconds(100), "C1", "12345", "13812341234", Start.AddSeconds(30), 70));

        Assert.True(await ingest.FlushAsync(Ct));

        var item = Assert.Single(await new CallbackStore(_connections, _time).ListPendingAsync(Ct));
        Assert.Equal(("C1", "13812341234", "12345", Start.AddSeconds(30), Start.AddSeconds(100), CallbackStatus.Pending, 0),
            (item.CallId, item.CallerNumber, item.Queue, item.QueuedAt, item.RequestedAt, item.Status, item.Attempts));
        var call = Assert.Single(await store.LoadCallsAsync(Start.AddHours(-1), Start.AddHours(1), Ct));
        Assert.Equal((CallOutcome.CallbackRequested, 70.0), (call.Outcome, call.WaitSeconds));
        var today = projection.Snapshot(Start.AddSeconds(101)).Today;
        Assert.Equal((1, 1, 0, 0, 1), (today.Offered, today.OfferedToAgents, today.Answered, today.Abandoned, today.CallbacksRequested));
        Assert.Equal(0, today.AbandonRate);
        Assert.Equal(0, today.EffectiveConnectionRate);

        // After a restart the stored record counts the same way.
        var restored = new LiveState(new HotlineOptions());
        restored.Restore([call], Start.AddSeconds(200));
        Assert.Equal(today with { }, restored.Snapshot(Start.AddSeconds(101)).Today);
    }

    [Fact]
    public async Task The_worklist_lists_the_longest_waiting_first_counts_attempts_and_closes_once()
    {
        await new Migrator(_connections).MigrateAsync(Ct);
        var calls = new CallStore(_connections);
        var callbacks = new CallbackStore(_connections, _time);
        await calls.SaveAsync([], [], [new CallbackRequest("late", "13900000002", "12345", Start.AddMinutes(5), Start.AddMinutes(7))], Ct);
        await calls.SaveAsync([], [], [
            new CallbackRequest("early", "13900000001", "12345", Start, Start.AddMinutes(9)),
            new CallbackRequest("late", "13900000002", "12345", Start.AddMinutes(5), Start.AddMinutes(7)), // repeated: kept once
        ], Ct);

        Assert.Equal(["early", "late"], (await callbacks.ListPendingAsync(Ct)).Select(c => c.CallId));

        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await callbacks.RecordAttemptAsync("early", "out-1", "backoffice01", Ct));
        Assert.True(await callbacks.RecordAttemptAsync("early", "out-2", "backoffice01", Ct));
        Assert.True(await callbacks.CloseAsync("early", CallbackStatus.Done, "backoffice01", Ct));
        Assert.False(await callbacks.CloseAsync("early", CallbackStatus.Unreachable, "someone", Ct));
        Assert.False(await callbacks.RecordAttemptAsync("early", "out-3", "backoffice01", Ct));

        var early = await callbacks.FindAsync("early", Ct);
        Assert.Equal((CallbackStatus.Done, 2, "out-2", "backoffice01", _time.GetUtcNow()), (early!.Status, early.Attempts, early.LastCallId, early.ClosedBy, early.ClosedAt));
        Assert.Equal(["late"], (await callbacks.ListPendingAsync(Ct)).Select(c => c.CallId));
        Assert.Equal(["early"], (await callbacks.ListClosedAsync(Start, Ct)).Select(c => c.CallId));
    }
}
