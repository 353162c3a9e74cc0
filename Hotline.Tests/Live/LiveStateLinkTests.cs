using Hotline.Core;
using Hotline.Core.Live;
using Hotline.Telephony;
using static Hotline.Tests.Live.Script;

namespace Hotline.Tests.Live;

public class LiveStateLinkTests
{
    [Fact]
    public void The_switch_link_is_down_until_the_first_link_up()
    {
        var state = NewState();

        var before = state.Snapshot(Base);
        state.Apply(new SwitchLinkUp(Base.AddSeconds(1), "pbx-1"));
        var after = state.Snapshot(Base.AddSeconds(2));

        Assert.False(before.SwitchLinkUp);
        Assert.True(after.SwitchLinkUp);
    }

    [Fact]
    public void The_link_is_down_while_any_known_node_is_down()
    {
        var state = Run([new SwitchLinkUp(Base, "pbx-1"), new SwitchLinkUp(Base, "pbx-2"), new SwitchLinkDown(Base.AddSeconds(5), "pbx-2", "socket closed")]);

        var down = state.Snapshot(Base.AddSeconds(6));
        state.Apply(new SwitchLinkUp(Base.AddSeconds(9), "pbx-2"));
        var up = state.Snapshot(Base.AddSeconds(10));

        Assert.False(down.SwitchLinkUp);
        Assert.True(up.SwitchLinkUp);
    }

    [Fact]
    public void A_snapshot_reports_the_last_event_time_and_the_events_applied()
    {
        var state = Run(SelfServed("c1", Base, ivr: 30));

        var snapshot = state.Snapshot(Base.AddMinutes(1));

        Assert.Equal(3, snapshot.EventsApplied);
        Assert.Equal(Base.AddSeconds(30), snapshot.LastEventAt);
        Assert.Equal(Base.AddMinutes(1), snapshot.GeneratedAt);
        Assert.Null(NewState().Snapshot(Base).LastEventAt);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_with_a_message_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new LiveState(new HotlineOptions { TimeZone = "Mars/Olympus" }));

        Assert.Contains("Hotline:TimeZone", error.Message);
    }
}
