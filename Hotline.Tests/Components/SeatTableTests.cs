using Bunit;
using Hotline.Telephony;
using Hotline.Telephony.Ivr;
using Hotline.Web.Components.Pages.Supervisor;
using MudBlazor.Services;
using static Hotline.Tests.Components.TestSnapshots;

namespace Hotline.Tests.Components;

public sealed class SeatTableTests : BunitContext
{
    public SeatTableTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Supervisor_seat_table_masks_the_callers_number()
    {
        var cut = Render<SeatTable>(p => p.Add(x => x.Seats, [Seat("A001", SeatState.OnCall, caller: "13812341234")]));

        var caller = cut.Find("[data-agent='A001'] [data-part='caller']").TextContent.Trim();
        Assert.Equal("138****1234", caller);
        Assert.DoesNotContain("13812341234", cut.Markup);
    }

    [Fact]
    public void Supervisor_sees_what_each_caller_chose_in_the_ivr()
    {
        var onCall = Seat("A001", SeatState.OnCall, caller: "13812341234") with { CurrentIvrKeys = "0" };

        var cut = Render<SeatTable>(p => p.Add(x => x.Seats, [onCall, Seat("A002", SeatState.Ready)]).Add(x => x.Menu, IvrMenu.Default()));

        Assert.Equal("0 人工服务", cut.Find("[data-agent='A001'] [data-part='ivr-path']").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-agent='A002'] [data-part='ivr-path']"));
    }

    [Fact]
    public void Forcing_a_ready_seat_not_ready_reports_that_seat()
    {
        string? forced = null;
        var cut = Render<SeatTable>(p => p
            .Add(x => x.Seats, [Seat("A001", SeatState.Ready), Seat("A002", SeatState.OnCall)])
            .Add(x => x.ForceNotReady, seat => forced = seat.AgentId));

        cut.FindAll("[data-agent='A002'] button")[0].Click();

        cut.WaitForAssertion(() => Assert.Equal("A002", forced));
    }
}
