using Hotline.Telephony;
using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateAllocationTests
{
    [Fact]
    public void Applying_a_steady_stream_of_calls_allocates_less_than_a_byte_per_event()
    {
        // 30 seats, a call every 5 s, call ids reused from a small array: steady state needs no new objects per event.
        var ids = Enumerable.Range(0, 64).Select(i => $"call-{i}").ToArray();
        var seats = Enumerable.Range(0, 30).Select(i => $"A{i:D2}").ToArray();
        var parts = seats.Select(s => Seat(s, Base.AddHours(-1))).ToList();
        for (var i = 0; i < 20_000; i++)
        {
            parts.Add(Answered(ids[i % ids.Length], Base.AddSeconds(5 * i), seats[i % seats.Length], wait: 5 + (i % 20), talk: 60));
        }

        var events = parts.SelectMany(p => p).OrderBy(e => e.At).ToArray();
        var state = NewState();
        var warmUp = events.Length / 10;
        for (var i = 0; i < warmUp; i++) state.Apply(events[i]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = warmUp; i < events.Length; i++) state.Apply(events[i]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < events.Length - warmUp, $"{allocated} bytes for {events.Length - warmUp} events");
        Assert.Equal(SeatState.Ready, state.Snapshot(events[^1].At).Seats[0].State);
    }
}
