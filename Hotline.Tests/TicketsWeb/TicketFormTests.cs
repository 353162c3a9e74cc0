using Microsoft.Extensions.DependencyInjection;
using Bunit;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Telephony;
using Hotline.Web.Components.Pages.Agent;
using static Hotline.Tests.Components.TestSnapshots;

namespace Hotline.Tests.TicketsWeb;

public sealed class TicketFormTests : TicketComponentTestBase
{
    private IRenderedComponent<TicketForm> RenderForm(Hotline.Core.Live.SeatSnapshot? seat = null)
        => Render<TicketForm>(p => p.Add(x => x.Actor, Agent).Add(x => x.Seat, seat));

    [Fact]
    public void Submitting_an_empty_form_shows_each_problem_in_chinese_next_to_its_field()
    {
        var cut = RenderForm();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-action='register']")));

        cut.Find("[data-action='register']").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("来电号码不能为空", cut.Markup);
            Assert.Contains("请选择诉求类型", cut.Markup);
            Assert.Contains("请选择诉求分类", cut.Markup);
            Assert.Contains("诉求内容不能为空", cut.Markup);
        });
    }

    [Fact]
    public async Task The_draft_and_the_direct_answer_are_saved_on_the_server_a_second_after_typing_stops()
    {
        var cut = RenderForm();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#tf-content")));

        cut.Find("#tf-content").Input("楼下餐馆油烟很大");
        cut.Find("#tf-answer").Input("已告知可向区市场监管局反映");
        Assert.Null(await Drafts.LoadAsync("agent01", Ct));

        Time.Advance(TimeSpan.FromSeconds(1));

        await cut.WaitForAssertionAsync(async () =>
        {
            var saved = (await Drafts.LoadAsync("agent01"))?.Draft;
            Assert.Equal("楼下餐馆油烟很大", saved?.Content);
            Assert.Equal("已告知可向区市场监管局反映", saved?.Answer);
        });
    }

    [Fact]
    public async Task A_saved_draft_and_its_direct_answer_come_back_when_the_form_opens_again()
    {
        await Drafts.SaveAsync("agent01", new TicketDraft { CallerNumber = "13800001111", Content = "上次没写完的内容", Answer = "没写完的答复" },
            Time.GetUtcNow(), Ct);

        var cut = RenderForm();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("上次没写完的内容", cut.Find("#tf-content").GetAttribute("value") ?? cut.Find("#tf-content").TextContent);
            Assert.Equal("13800001111", cut.Find("#tf-callerNumber").GetAttribute("value"));
            Assert.Equal("没写完的答复", cut.Find("#tf-answer").GetAttribute("value") ?? cut.Find("#tf-answer").TextContent);
        });
    }

    [Fact]
    public void An_answered_call_fills_in_the_caller_number()
    {
        var cut = RenderForm(Seat("A001", SeatState.OnCall, caller: "13912345678"));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("13912345678", cut.Find("#tf-callerNumber").GetAttribute("value"));
            Assert.Contains("呼叫编号 C-A001", cut.Find("[data-part='call-info']").TextContent);
        });
    }

    [Fact]
    public async Task The_answered_calls_recording_is_linked_on_the_form_once_it_is_indexed()
    {
        var seat = Seat("A001", SeatState.OnCall, caller: "13912345678");
        var cut = RenderForm(seat);
        cut.WaitForAssertion(() => Assert.Contains("呼叫编号 C-A001", cut.Find("[data-part='call-info']").TextContent));
        Assert.Empty(cut.FindAll("[data-part='call-recording']"));

        var recordings = Services.GetRequiredService<Hotline.Core.Recordings.RecordingStore>();
        await recordings.SaveAsync([new Hotline.Core.Recordings.RecordingRecord("C-A001", "C-A001.wav", "pbx1", Time.GetUtcNow(), null, null)], Ct);
        var id = Assert.Single(await recordings.ForCallsAsync(["C-A001"], cancellationToken: Ct)).Id;
        Time.Advance(TimeSpan.FromSeconds(3));
        cut.Render(p => p.Add(x => x.Seat, seat with { SecondsInState = seat.SecondsInState + 3 }));

        cut.WaitForAssertion(() => Assert.Equal($"/api/recordings/{id}", cut.Find("[data-part='call-recording']").GetAttribute("href")));
    }

    [Fact]
    public async Task A_complete_form_registers_the_ticket_and_removes_the_draft()
    {
        var category = await LeafCategoryAsync();
        await Drafts.SaveAsync("agent01", new TicketDraft
        {
            CallerNumber = "13912345678",
            RequestType = RequestType.Complaint,
            CategoryId = category.Id,
            CategoryPath = category.Path,
            Content = "小区垃圾三天没人清运",
        }, Time.GetUtcNow(), Ct);
        var cut = RenderForm();
        cut.WaitForAssertion(() => Assert.Equal("小区垃圾三天没人清运", cut.Find("#tf-content").GetAttribute("value") ?? cut.Find("#tf-content").TextContent));

        cut.Find("[data-action='register']").Click();

        cut.WaitForAssertion(() => Assert.Contains("已受理，工单编号 YH20261127-", cut.Find("[data-part='registered']").TextContent));
        Assert.Null(await Drafts.LoadAsync("agent01", Ct));
    }

    [Fact]
    public async Task Answering_directly_registers_and_closes_the_ticket_in_one_step()
    {
        var category = await LeafCategoryAsync();
        await Drafts.SaveAsync("agent01", new TicketDraft
        {
            CallerNumber = "13912340000",
            RequestType = RequestType.Consultation,
            CategoryId = category.Id,
            CategoryPath = category.Path,
            Content = "咨询公积金提取需要哪些材料",
            Answer = "已告知所需材料及网上办理方式",
        }, Time.GetUtcNow(), Ct);
        var cut = RenderForm();
        cut.WaitForAssertion(() => Assert.Equal("咨询公积金提取需要哪些材料", cut.Find("#tf-content").GetAttribute("value") ?? cut.Find("#tf-content").TextContent));

        cut.Find("[data-action='answer']").Click();

        cut.WaitForAssertion(() => Assert.Contains("已直接答复并办结，工单编号 YH20261127-", cut.Find("[data-part='registered']").TextContent));
        var page = await Tickets.SearchAsync(new TicketQuery { Text = "13912340000" }, BackOffice, Ct);
        var ticket = Assert.Single(page.Items);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal("已告知所需材料及网上办理方式", ticket.Reply);
    }

    [Fact]
    public void Answering_directly_without_an_answer_says_so_next_to_the_answer_field()
    {
        var cut = RenderForm();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-action='answer']")));

        cut.Find("[data-action='answer']").Click();

        cut.WaitForAssertion(() => Assert.Contains("请填写答复内容", cut.Markup));
    }

    [Fact]
    public async Task Previous_tickets_of_the_same_number_are_listed_beside_the_form()
    {
        var category = await LeafCategoryAsync();
        var earlier = await Tickets.RegisterAsync(new TicketDraft
        {
            CallerNumber = "13655556666",
            RequestType = RequestType.Consultation,
            CategoryId = category.Id,
            Content = "咨询社保缴纳的办理流程",
        }, Agent, Ct);

        var cut = RenderForm(Seat("A001", SeatState.OnCall, caller: "13655556666"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-related='{earlier.Ticket!.Number}']")));
    }
}
