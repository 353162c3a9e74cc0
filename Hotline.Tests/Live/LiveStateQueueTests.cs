using Hotline.Telephony;
using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateQueueTests
{
    [Fact]
    public void A_queue_counts_its_waiting_calls_including_a_ringing_one_and_shows_the_longest_wait()
    {
        // Queued at +10 s, +20 s and +30 s; the oldest rings at seat A1 from +40 s.
        var state = Run(
            Seat("A1", Base),
            Waiting("c1", Base, ivr: 10),
            Waiting("c2", Base, ivr: 20),
            Waiting("c3", Base, ivr: 30),
            [new CallOffered(Base.AddSeconds(40), "c1", "A1")]);

        var queue = QueueOf(state.Snapshot(Base.AddSeconds(60)));

        Assert.Equal(3, queue.Waiting);
        Assert.Equal(50.0, queue.LongestWaitSeconds, 9);
    }

    [Fact]
    public void An_answered_call_leaves_the_queue_and_the_next_oldest_sets_the_longest_wait()
    {
        var state = Run(
            Seat("A1", Base),
            Waiting("c1", Base, ivr: 10),
            Waiting("c2", Base, ivr: 20),
            Waiting("c3", Base, ivr: 30),
            [new CallAnswered(Base.AddSeconds(65), "c1", "A1", Queue, 55)]);

        var queue = QueueOf(state.Snapshot(Base.AddSeconds(70)));

        Assert.Equal(2, queue.Waiting);
        Assert.Equal(50.0, queue.LongestWaitSeconds, 9);
    }

    [Fact]
    public void An_abandoned_call_leaves_the_queue()
    {
        var state = Run(Waiting("c1", Base, ivr: 10), Abandoned("c2", Base, wait: 5, ivr: 5));

        var queue = QueueOf(state.Snapshot(Base.AddSeconds(30)));

        Assert.Equal(1, queue.Waiting);
        Assert.Equal(20.0, queue.LongestWaitSeconds, 9);
    }

    [Fact]
    public void A_queue_seen_today_stays_listed_when_it_is_empty()
    {
        var state = Run(Abandoned("c1", Base, wait: 30));

        var queue = QueueOf(state.Snapshot(Base.AddMinutes(5)));

        Assert.Equal(0, queue.Waiting);
        Assert.Equal(0.0, queue.LongestWaitSeconds, 9);
    }

    [Fact]
    public void Each_queue_is_listed_by_name_with_its_own_waiting_calls()
    {
        var state = Run(
            Waiting("c1", Base, queue: "b-企业"),
            Waiting("c2", Base.AddSeconds(5), queue: "a-个人"),
            Waiting("c3", Base.AddSeconds(6), queue: "a-个人"));

        var queues = state.Snapshot(Base.AddMinutes(1)).Queues;

        Assert.Equal(["a-个人", "b-企业"], queues.Select(q => q.Name));
        Assert.Equal([2, 1], queues.Select(q => q.Waiting));
        Assert.Equal(45.0, queues[0].LongestWaitSeconds, 9);
        Assert.Equal(50.0, queues[1].LongestWaitSeconds, 9);
    }

    [Fact]
    public void A_call_waiting_from_before_a_restart_is_shown_waiting_but_not_counted()
    {
        var state = Run([new CallQueued(Base, "old", Queue, 1)]);

        var snapshot = state.Snapshot(Base.AddSeconds(30));

        Assert.Equal(1, QueueOf(snapshot).Waiting);
        Assert.Equal(30.0, QueueOf(snapshot).LongestWaitSeconds, 9);
        Assert.Equal(0, snapshot.Today.OfferedToAgents);
    }
}
