using Bunit;
using Hotline.Telephony;
using Hotline.Telephony.Ivr;
using Hotline.Web.Components.Pages.Agent;
using MudBlazor;
using MudBlazor.Services;
using static Hotline.Tests.Components.TestSnapshots;

namespace Hotline.Tests.Components;

public sealed class AgentDeskTests : BunitContext
{
    public AgentDeskTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void The_agent_on_the_call_sees_the_full_caller_number_and_the_wait()
    {
        var cut = Render<CurrentCallCard>(p => p.Add(x => x.Seat, Seat("A001", SeatState.OnCall, caller: "13812341234")));

        Assert.Equal("13812341234", cut.Find("[data-part='caller']").TextContent.Trim());
        Assert.Contains("排队等待 00:07", cut.Markup);
    }

    [Fact]
    public void The_agent_sees_what_the_caller_chose_in_the_ivr_named_by_the_menu()
    {
        var seat = Seat("A001", SeatState.Ringing, caller: "13812341234") with { CurrentIvrKeys = "-3" };

        var cut = Render<CurrentCallCard>(p => p.Add(x => x.Seat, seat).Add(x => x.Menu, IvrMenu.Default()));

        Assert.Equal("语音导航：未按键 › 3 投诉举报", cut.Find("[data-part='ivr-path']").TextContent.Trim());
    }

    [Fact]
    public void Without_a_call_the_card_says_so()
    {
        var cut = Render<CurrentCallCard>(p => p.Add(x => x.Seat, Seat("A001", SeatState.Ready)));

        Assert.Contains("暂无通话", cut.Markup);
        Assert.Empty(cut.FindAll("[data-part='caller']"));
    }

    [Fact]
    public void Going_not_ready_sends_the_picked_reason()
    {
        Render<MudPopoverProvider>();
        string? reason = null;
        var cut = Render<SeatStatePanel>(p => p
            .Add(x => x.Seat, Seat("A001", SeatState.Ready))
            .Add(x => x.NotReady, r => reason = r));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "示忙").Click();

        // MudButton may finish its click handler after Click() returns on a busy machine.
        cut.WaitForAssertion(() => Assert.Equal("小休", reason));
    }

    [Fact]
    public void A_signed_out_seat_offers_only_signing_in()
    {
        var signedIn = false;
        var cut = Render<SeatStatePanel>(p => p
            .Add(x => x.Seat, Seat("A001", SeatState.LoggedOut))
            .Add(x => x.LogIn, () => signedIn = true));

        var button = Assert.Single(cut.FindAll("button"));
        button.Click();

        cut.WaitForAssertion(() => Assert.True(signedIn));
    }
}
