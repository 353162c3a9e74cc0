using Bunit;
using Hotline.Core.Security;
using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using Hotline.Web.Components.Pages.Tickets;

namespace Hotline.Tests.TicketsWeb;

public sealed class TicketDetailsTests : TicketComponentTestBase
{
    private static readonly Actor DepartmentUser = new("department01", Roles.Department, DemoTicketData.DemoDepartmentId, "承办单位01");

    private async Task<Ticket> RegisterAsync(bool confidential = false)
    {
        var category = await LeafCategoryAsync();
        var outcome = await Tickets.RegisterAsync(new TicketDraft
        {
            CallerNumber = "13587654321",
            CallerName = "李女士",
            Confidential = confidential,
            RequestType = RequestType.Report,
            CategoryId = category.Id,
            CategoryPath = category.Path,
            Content = "有商户占用消防通道堆放杂物",
        }, BackOffice, Ct);
        return outcome.Ticket!;
    }

    [Fact]
    public async Task When_someone_else_acted_first_the_page_says_so_and_shows_the_current_state()
    {
        var ticket = await RegisterAsync();
        var cut = Render<TicketDetails>(p => p.Add(x => x.Number, ticket.Number).Add(x => x.Actor, BackOffice));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-action='EscalateEmergency']")));
        await Tickets.ApplyAsync(ticket.Number, new TicketCommand(TicketAction.Dispatch) { LeadDepartmentId = DemoTicketData.DemoDepartmentId }, BackOffice, Ct);

        cut.Find("[data-action='EscalateEmergency']").Click();
        cut.Find("[data-action='confirm']").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("该工单刚被他人处理", cut.Find("[data-part='conflict']").TextContent);
            Assert.Contains("已派单", cut.Find("[data-status]").TextContent);
        });
    }

    [Fact]
    public async Task A_department_never_sees_a_confidential_callers_identity()
    {
        var ticket = await RegisterAsync(confidential: true);
        await Tickets.ApplyAsync(ticket.Number, new TicketCommand(TicketAction.Dispatch) { LeadDepartmentId = DemoTicketData.DemoDepartmentId }, BackOffice, Ct);

        var cut = Render<TicketDetails>(p => p.Add(x => x.Number, ticket.Number).Add(x => x.Actor, DepartmentUser));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-action='SignFor']")));
        Assert.DoesNotContain("13587654321", cut.Markup);
        Assert.DoesNotContain("4321", cut.Markup);
        Assert.DoesNotContain("李女士", cut.Markup);
        Assert.Contains("保密", cut.Find("[data-part='caller']").TextContent);
    }

    [Fact]
    public async Task A_department_sees_another_departments_ticket_as_not_found()
    {
        var ticket = await RegisterAsync();
        await Tickets.ApplyAsync(ticket.Number, new TicketCommand(TicketAction.Dispatch) { LeadDepartmentId = "D002" }, BackOffice, Ct);

        var cut = Render<TicketDetails>(p => p.Add(x => x.Number, ticket.Number).Add(x => x.Actor, DepartmentUser));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-part='not-found']")));
        Assert.DoesNotContain("消防通道", cut.Markup);
    }
}
