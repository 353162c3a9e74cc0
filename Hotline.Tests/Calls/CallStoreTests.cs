using Hotline.Core.Agents;
using Hotline.Core.Calls;
using Hotline.Telephony;
using Hotline.Tests.Data;

namespace Hotline.Tests.Calls;

public abstract class CallStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    // Days are cut in Asia/Shanghai; this is the first instant of 2026-11-27 there.
    private static readonly DateTimeOffset DayStart = new(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset DayEnd = DayStart.AddDays(1);

    private readonly CallStore _store = new(database.Connections);

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static CallRecord Call(string id, DateTimeOffset arrivedAt, CallOutcome outcome = CallOutcome.InProgress) => new()
    {
        CallId = id,
        CallerNumber = "13800000000",
        ArrivedAt = arrivedAt,
        Outcome = outcome,
    };

    private static CallRecord AnsweredCall(string id, DateTimeOffset arrivedAt) => new()
    {
        CallId = id,
        Direction = "inbound",
        CallerNumber = "13912345678",
        Queue = "12345热线",
        ArrivedAt = arrivedAt,
        QueuedAt = arrivedAt.AddSeconds(20),
        AnsweredAt = arrivedAt.AddSeconds(31.5),
        EndedAt = arrivedAt.AddSeconds(200.25),
        Outcome = CallOutcome.Answered,
        WaitSeconds = 11.5,
        TalkSeconds = 168.75,
        WrapUpSeconds = 30.125,
        AgentId = "A001",
        HungUpBy = "Caller",
        AbandonPosition = null,
        TicketNumber = "YH20261127-0042",
    };

    [Fact]
    public async Task Upserted_new_calls_are_stored_with_every_field()
    {
        var call = AnsweredCall("c1", DayStart.AddHours(9));

        await _store.UpsertCallsAsync([call], Token);

        Assert.Equal(call, Assert.Single(await _store.LoadCallsAsync(DayStart, DayEnd, Token)));
    }

    [Fact]
    public async Task Upserting_a_known_call_updates_it_in_place()
    {
        var arrived = Call("c1", DayStart.AddHours(9));
        await _store.UpsertCallsAsync([arrived, Call("c2", DayStart.AddHours(10))], Token);

        var answered = AnsweredCall("c1", arrived.ArrivedAt);
        await _store.UpsertCallsAsync([answered], Token);

        var calls = await _store.LoadCallsAsync(DayStart, DayEnd, Token);
        Assert.Equal(["c1", "c2"], calls.Select(c => c.CallId));
        Assert.Equal(answered, calls[0]);
    }

    [Fact]
    public async Task The_same_call_twice_in_one_batch_keeps_the_later_version()
    {
        var arrived = Call("c1", DayStart.AddHours(9));
        var answered = AnsweredCall("c1", arrived.ArrivedAt);

        await _store.UpsertCallsAsync([arrived, Call("c2", DayStart.AddHours(10)), answered], Token);

        Assert.Equal(answered, await _store.FindCallAsync("c1", Token));
        Assert.Equal(2, (await _store.LoadCallsAsync(DayStart, DayEnd, Token)).Count);
    }

    [Fact]
    public async Task A_batch_of_thousands_of_calls_is_stored_whole()
    {
        var calls = Enumerable.Range(0, 2500).Select(i => AnsweredCall($"c{i:D5}", DayStart.AddSeconds(i * 10))).ToList();

        await _store.UpsertCallsAsync(calls, Token);
        await _store.UpsertCallsAsync(calls.Select(c => c with { Outcome = CallOutcome.Abandoned }).ToList(), Token);

        var loaded = await _store.LoadCallsAsync(DayStart, DayEnd, Token);
        Assert.Equal(2500, loaded.Count);
        Assert.All(loaded, c => Assert.Equal(CallOutcome.Abandoned, c.Outcome));
    }

    [Fact]
    public async Task Loading_a_day_includes_its_first_instant_and_excludes_the_next_days()
    {
        await _store.UpsertCallsAsync(
        [
            Call("before", DayStart.AddMilliseconds(-1)),
            Call("first", DayStart),
            Call("last", DayEnd.AddMilliseconds(-1)),
            Call("next-day", DayEnd),
        ], Token);

        var calls = await _store.LoadCallsAsync(DayStart, DayEnd, Token);

        Assert.Equal(["first", "last"], calls.Select(c => c.CallId));
    }

    [Fact]
    public async Task Times_round_trip_to_the_millisecond_and_come_back_in_utc()
    {
        // 09:30:15.1234567 in Shanghai: the sub-millisecond part is dropped, the offset becomes zero.
        var arrived = new DateTimeOffset(2026, 11, 27, 9, 30, 15, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        await _store.UpsertCallsAsync([Call("c1", arrived) with { EndedAt = arrived.AddTicks(9_999) }], Token);

        var stored = await _store.FindCallAsync("c1", Token);

        Assert.NotNull(stored);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 1, 30, 15, 123, TimeSpan.Zero), stored.ArrivedAt);
        Assert.Equal(TimeSpan.Zero, stored.ArrivedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 1, 30, 15, 124, TimeSpan.Zero), stored.EndedAt);
        Assert.Equal(TimeSpan.Zero, stored.EndedAt!.Value.Offset);
    }

    [Fact]
    public async Task Chinese_text_round_trips()
    {
        await _store.UpsertCallsAsync([Call("c1", DayStart.AddHours(1)) with { Queue = "12345热线·咨询", IvrNode = "社保查询/养老金到账", IvrKeys = "2-1" }], Token);
        await _store.InsertIntervalsAsync([new SeatInterval("A001", SeatState.NotReady, "小休（用餐）", DayStart, DayStart.AddMinutes(30))], Token);

        var call = Assert.Single(await _store.LoadCallsAsync(DayStart, DayEnd, Token));
        var interval = Assert.Single(await _store.LoadIntervalsAsync(DayStart, DayEnd, Token));

        Assert.Equal("12345热线·咨询", call.Queue);
        Assert.Equal("社保查询/养老金到账", call.IvrNode);
        Assert.Equal("2-1", call.IvrKeys);
        Assert.Equal("小休（用餐）", interval.Reason);
    }

    [Fact]
    public async Task Intervals_are_loaded_when_they_overlap_the_range()
    {
        SeatInterval Interval(string agent, double fromHours, double toHours) =>
            new(agent, SeatState.Ready, null, DayStart.AddHours(fromHours), DayStart.AddHours(toHours));

        await _store.InsertIntervalsAsync(
        [
            Interval("ends-at-start", -2, 0),
            Interval("spans-start", -1, 1),
            Interval("inside", 3, 4),
            Interval("spans-end", 23, 25),
            Interval("spans-all", -1, 25),
            Interval("starts-at-end", 24, 26),
        ], Token);

        var loaded = await _store.LoadIntervalsAsync(DayStart, DayEnd, Token);

        Assert.Equal(["spans-all", "spans-start", "inside", "spans-end"], loaded.Select(i => i.AgentId));
    }

    [Fact]
    public async Task Intervals_round_trip_with_state_reason_and_times()
    {
        var interval = new SeatInterval("A001", SeatState.WrapUp, null, DayStart.AddMinutes(1).AddMilliseconds(5), DayStart.AddMinutes(2));

        await _store.InsertIntervalsAsync([interval], Token);

        var stored = Assert.Single(await _store.LoadIntervalsAsync(DayStart, DayEnd, Token));
        Assert.Equal(interval, stored);
        Assert.Equal(TimeSpan.Zero, stored.StartedAt.Offset);
    }

    [Fact]
    public async Task Saving_a_drain_stores_its_calls_and_intervals_together()
    {
        var recorder = new CallRecorder();
        recorder.Apply(new SeatLoggedIn(DayStart, "A001", "王小明", "8001"));
        recorder.Apply(new CallArrived(DayStart.AddMinutes(1), "c1", "13800000000", "12345"));
        recorder.Apply(new CallAnswered(DayStart.AddMinutes(2), "c1", "A001", "12345", 60));
        recorder.Apply(new SeatOnCall(DayStart.AddMinutes(2), "A001", "c1"));
        var calls = new List<CallRecord>();
        var intervals = new List<SeatInterval>();
        recorder.Drain(calls, intervals);

        await _store.SaveAsync(calls, intervals, Token);

        Assert.Equal(calls, await _store.LoadCallsAsync(DayStart, DayEnd, Token));
        Assert.Equal(intervals, await _store.LoadIntervalsAsync(DayStart, DayEnd, Token));
    }

    [Fact]
    public async Task Marking_interrupted_calls_closes_only_calls_in_progress_that_arrived_before_the_start()
    {
        var start = DayStart.AddHours(12);
        await _store.UpsertCallsAsync(
        [
            Call("cut-off", start.AddMinutes(-1)),
            AnsweredCall("answered", start.AddMinutes(-2)) with { EndedAt = null },
            Call("after-start", start),
        ], Token);

        var closed = await _store.MarkInterruptedAsync(start, Token);

        Assert.Equal(1, closed);
        var calls = (await _store.LoadCallsAsync(DayStart, DayEnd, Token)).ToDictionary(c => c.CallId);
        Assert.Equal(CallOutcome.Other, calls["cut-off"].Outcome);
        Assert.Null(calls["cut-off"].EndedAt);
        Assert.Equal(CallOutcome.Answered, calls["answered"].Outcome);
        Assert.Equal(CallOutcome.InProgress, calls["after-start"].Outcome);
    }
}

public sealed class SqliteCallStoreTests(SqliteTestDatabase database) : CallStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresCallStoreTests(PostgresTestDatabase database) : CallStoreTests<PostgresTestDatabase>(database);
