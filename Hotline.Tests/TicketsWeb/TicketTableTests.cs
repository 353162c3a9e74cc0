using Bunit;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Web.Components.Pages.Tickets;

namespace Hotline.Tests.TicketsWeb;

public sealed class TicketTableTests : TicketComponentTestBase
{
    private async Task<Ticket> RegisterAsync(string caller)
    {
        var category = await LeafCategoryAsync();
        var outcome = await Tickets.RegisterAsync(new TicketDraft
        {
            CallerNumber = caller,
            RequestType = RequestType.Complaint,
            CategoryId = category.Id,
            CategoryPath = category.Path,
            Content = "道路上有很深的坑，电动车容易摔倒",
        }, BackOffice, Ct);
        return outcome.Ticket!;
    }

    [Fact]
    public async Task The_list_finds_tickets_by_full_number_but_shows_the_back_office_masked_numbers()
    {
        var ticket = await RegisterAsync("13512340000");

        var cut = Render<TicketTable>(p => p.Add(x => x.Query, new TicketQuery { Text = "13512340000" }).Add(x => x.Actor, BackOffice));

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find($"[data-ticket='{ticket.Number}']").Closest("tr")!;
            Assert.Equal("135****0000", row.QuerySelector("[data-part='caller']")!.TextContent.Trim());
        });
    }

    [Fact]
    public async Task Officials_see_masked_caller_numbers()
    {
        var ticket = await RegisterAsync("13512341111");

        var cut = Render<TicketTable>(p => p.Add(x => x.Query, new TicketQuery { Text = ticket.Number }).Add(x => x.Actor, Official));

        cut.WaitForAssertion(() =>
        {
            var caller = cut.Find($"[data-ticket='{ticket.Number}']").Closest("tr")!.QuerySelector("[data-part='caller']")!.TextContent;
            Assert.Equal("135****1111", caller.Trim());
        });
    }

    [Fact]
    public async Task An_overdue_ticket_is_highlighted()
    {
        var ticket = await RegisterAsync("13512342222");
        Time.Advance(TimeSpan.FromDays(3)); // past the same-day dispatch limit

        var cut = Render<TicketTable>(p => p.Add(x => x.Query, new TicketQuery { Text = ticket.Number }).Add(x => x.Actor, BackOffice));

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find($"[data-ticket='{ticket.Number}']").Closest("tr")!;
            Assert.Contains("ticket-row--overdue", row.ClassName);
            Assert.Contains("超期", row.TextContent);
        });
    }

    [Fact]
    public async Task Changing_the_query_reloads_the_page()
    {
        var first = await RegisterAsync("13512343333");
        var second = await RegisterAsync("13512344444");
        var cut = Render<TicketTable>(p => p.Add(x => x.Query, new TicketQuery { Text = first.Number }).Add(x => x.Actor, BackOffice));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-ticket='{first.Number}']")));

        cut.Render(p => p.Add(x => x.Query, new TicketQuery { Text = second.Number }));

        cut.WaitForAssertion(() =>
        {
            Assert.NotEmpty(cut.FindAll($"[data-ticket='{second.Number}']"));
            Assert.Empty(cut.FindAll($"[data-ticket='{first.Number}']"));
        });
    }
}
