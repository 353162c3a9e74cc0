using Hotline.Telephony;
using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateSeatTests
{
    [Fact]
    public void A_seat_shows_its_name_extension_state_and_time_in_state()
    {
        var state = Run([new SeatLoggedIn(Base, "A1", "张三", "8001"), new SeatReady(Base.AddSeconds(60), "A1")]);

        var seat = SeatOf(state.Snapshot(Base.AddSeconds(100)), "A1");

        Assert.Equal("张三", seat.Name);
        Assert.Equal("8001", seat.Extension);
        Assert.Equal(SeatState.Ready, seat.State);
        Assert.Equal(40.0, seat.SecondsInState, 9);
    }

    [Fact]
    public void A_seat_that_logs_in_starts_not_ready_without_a_reason()
    {
        var state = Run([new SeatLoggedIn(Base, "A1", "张三", "8001")]);

        var seat = SeatOf(state.Snapshot(Base.AddSeconds(5)), "A1");

        Assert.Equal(SeatState.NotReady, seat.State);
        Assert.Null(seat.Reason);
        Assert.Equal(5.0, seat.SecondsInState, 9);
    }

    [Fact]
    public void A_not_ready_seat_shows_its_reason_and_a_new_reason_restarts_the_time_in_state()
    {
        var state = Run(Seat("A1", Base), [new SeatNotReady(Base.AddSeconds(10), "A1", "小休")]);

        var onBreak = SeatOf(state.Snapshot(Base.AddSeconds(70)), "A1");
        state.Apply(new SeatNotReady(Base.AddSeconds(100), "A1", "培训"));
        var inTraining = SeatOf(state.Snapshot(Base.AddSeconds(130)), "A1");

        Assert.Equal("小休", onBreak.Reason);
        Assert.Equal(60.0, onBreak.SecondsInState, 9);
        Assert.Equal("培训", inTraining.Reason);
        Assert.Equal(30.0, inTraining.SecondsInState, 9);
    }

    [Fact]
    public void A_repeated_state_event_keeps_the_time_in_state()
    {
        var state = Run(Seat("A1", Base), [new SeatReady(Base.AddSeconds(50), "A1")]);

        Assert.Equal(80.0, SeatOf(state.Snapshot(Base.AddSeconds(80)), "A1").SecondsInState, 9);
    }

    [Fact]
    public void The_seat_taking_a_call_shows_the_keys_its_caller_pressed_in_the_ivr_until_the_call_ends()
    {
        var call = Answered("c1", Base, "A1", wait: 20, talk: 60).ToList();
        call.Insert(1, new CallLeftIvr(Base.AddSeconds(10), "c1", "3"));
        var state = NewState();
        Apply(state, Seat("A1", Base.AddHours(-1)), call.Where(e => e.At <= Base.AddSeconds(40)));

        var talking = SeatOf(state.Snapshot(Base.AddSeconds(40)), "A1");
        Apply(state, call.Where(e => e.At > Base.AddSeconds(40)));
        var after = SeatOf(state.Snapshot(Base.AddSeconds(200)), "A1");

        Assert.Equal(("c1", "3"), (talking.CurrentCallId, talking.CurrentIvrKeys));
        Assert.Null(after.CurrentIvrKeys);
    }

    [Fact]
    public void A_seat_counts_the_calls_it_answered_today()
    {
        var state = Run(
            Seat("A1", Base.AddHours(-1)),
            Seat("A2", Base.AddHours(-1)),
            Answered("c1", Base, "A1", wait: 10),
            Answered("c2", Base.AddMinutes(5), "A1", wait: 10),
            Answered("c3", Base.AddMinutes(6), "A2", wait: 10),
            Abandoned("c4", Base.AddMinutes(20), wait: 9, ringingAgent: "A2"));

        var snapshot = state.Snapshot(Base.AddHours(1));

        Assert.Equal(2, SeatOf(snapshot, "A1").CallsToday);
        Assert.Equal(1, SeatOf(snapshot, "A2").CallsToday);
    }

    [Fact]
    public void A_ringing_seat_shows_the_caller_and_the_wait_so_far()
    {
        // Queued at +10 s, rings from +28 s (answer would come at +30 s).
        var state = Run(Seat("A1", Base.AddHours(-1)), Answered("c1", Base, "A1", wait: 20, caller: "13912345678").Take(5));

        var seat = SeatOf(state.Snapshot(Base.AddSeconds(29)), "A1");

        Assert.Equal(SeatState.Ringing, seat.State);
        Assert.Equal("c1", seat.CurrentCallId);
        Assert.Equal("13912345678", seat.CurrentCaller);
        Assert.Equal(19.0, seat.CurrentCallWaitSeconds!.Value, 9);
    }

    [Fact]
    public void A_seat_on_call_shows_the_call_and_the_wait_it_had()
    {
        var state = Run(Seat("A1", Base.AddHours(-1)), Answered("c1", Base, "A1", wait: 20, talk: null, caller: "13912345678"));

        var seat = SeatOf(state.Snapshot(Base.AddSeconds(100)), "A1");

        Assert.Equal(SeatState.OnCall, seat.State);
        Assert.Equal("c1", seat.CurrentCallId);
        Assert.Equal("13912345678", seat.CurrentCaller);
        Assert.Equal(20.0, seat.CurrentCallWaitSeconds!.Value, 9);
        Assert.Equal(70.0, seat.SecondsInState, 9);
    }

    [Fact]
    public void The_current_call_stays_through_wrap_up_and_clears_on_ready()
    {
        // Answered at +30 s, ends at +90 s, wrap-up until +120 s.
        var state = Run(Seat("A1", Base.AddHours(-1)), Answered("c1", Base, "A1", wait: 20, talk: 60, wrap: 30, readyAfter: false));

        var inWrapUp = SeatOf(state.Snapshot(Base.AddSeconds(100)), "A1");
        state.Apply(new SeatReady(Base.AddSeconds(120), "A1"));
        var ready = SeatOf(state.Snapshot(Base.AddSeconds(130)), "A1");

        Assert.Equal(SeatState.WrapUp, inWrapUp.State);
        Assert.Equal("c1", inWrapUp.CurrentCallId);
        Assert.Equal(SeatState.Ready, ready.State);
        Assert.Null(ready.CurrentCallId);
        Assert.Null(ready.CurrentCallWaitSeconds);
    }

    [Fact]
    public void An_outbound_call_shows_the_dialled_number_without_a_wait()
    {
        var state = Run(Seat("A1", Base), [new OutboundCallStarted(Base.AddSeconds(5), "o1", "A1", "13900000000", null), new SeatOnCall(Base.AddSeconds(8), "A1", "o1")]);

        var seat = SeatOf(state.Snapshot(Base.AddSeconds(10)), "A1");

        Assert.Equal(SeatState.OnCall, seat.State);
        Assert.Equal("o1", seat.CurrentCallId);
        Assert.Equal("13900000000", seat.CurrentCaller);
        Assert.Null(seat.CurrentCallWaitSeconds);
    }

    [Fact]
    public void A_logged_out_seat_stays_listed_for_the_rest_of_the_day()
    {
        var state = Run(Seat("A1", Base), Answered("c1", Base.AddMinutes(1), "A1", wait: 10), [new SeatLoggedOut(Base.AddHours(1), "A1")]);

        var seat = SeatOf(state.Snapshot(Base.AddHours(3)), "A1");

        Assert.Equal(SeatState.LoggedOut, seat.State);
        Assert.Equal(1, seat.CallsToday);
        Assert.Equal(7200.0, seat.SecondsInState, 9);
    }

    [Fact]
    public void Seats_are_listed_in_agent_id_order()
    {
        var state = Run(Seat("A3", Base), Seat("A1", Base.AddSeconds(1)), Seat("A2", Base.AddSeconds(2)));

        Assert.Equal(["A1", "A2", "A3"], state.Snapshot(Base.AddMinutes(1)).Seats.Select(s => s.AgentId));
    }

    [Fact]
    public void Events_for_calls_that_arrived_before_a_restart_move_seats_but_do_not_count()
    {
        var state = Run(
            Seat("A1", Base),
            [
                new CallOffered(Base.AddSeconds(10), "old", "A1"),
                new SeatRinging(Base.AddSeconds(10), "A1", "old"),
                new CallAnswered(Base.AddSeconds(12), "old", "A1", Queue, 40),
                new SeatOnCall(Base.AddSeconds(12), "A1", "old"),
            ]);

        var onCall = state.Snapshot(Base.AddSeconds(20));
        state.Apply(new CallEnded(Base.AddSeconds(60), "old", "A1", 48, HangupParty.Caller));
        state.Apply(new SeatReady(Base.AddSeconds(60), "A1"));
        var after = state.Snapshot(Base.AddSeconds(70));

        Assert.Equal(SeatState.OnCall, SeatOf(onCall, "A1").State);
        Assert.Equal("old", SeatOf(onCall, "A1").CurrentCallId);
        Assert.Equal(40.0, SeatOf(onCall, "A1").CurrentCallWaitSeconds!.Value, 9);
        Assert.Equal(0, after.Today.Answered);
        Assert.Equal(0, after.Today.OfferedToAgents);
        Assert.Equal(0.0, after.Today.AverageHandleTimeSeconds, 9);
        Assert.Equal(0, SeatOf(after, "A1").CallsToday);
        Assert.Equal(SeatState.Ready, SeatOf(after, "A1").State);
    }

    [Fact]
    public void A_call_that_moves_to_another_seat_puts_the_first_ringing_seat_back_to_ready()
    {
        var state = Run(
            Seat("A1", Base),
            Seat("A2", Base),
            Waiting("c1", Base.AddMinutes(1)),
            [
                new CallOffered(Base.AddMinutes(1).AddSeconds(12), "c1", "A1"),
                new CallOffered(Base.AddMinutes(1).AddSeconds(27), "c1", "A2"),
            ]);

        var snapshot = state.Snapshot(Base.AddMinutes(2));

        Assert.Equal(SeatState.Ready, SeatOf(snapshot, "A1").State);
        Assert.Equal(SeatState.Ringing, SeatOf(snapshot, "A2").State);
        Assert.Equal("c1", SeatOf(snapshot, "A2").CurrentCallId);
    }
}
