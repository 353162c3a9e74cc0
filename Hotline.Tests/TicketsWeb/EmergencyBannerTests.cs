using Bunit;
using Hotline.Core.Security;
using Hotline.Core.Tickets;
using Hotline.Web.Components.Pages.Tickets;

namespace Hotline.Tests.TicketsWeb;

public sealed class EmergencyBannerTests : TicketComponentTestBase
{
    public EmergencyBannerTests()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("supervisor01");
        auth.SetRoles(Roles.Supervisor);
    }

    private async Task<Ticket> RegisterCriticalAsync()
    {
        var category = await LeafCategoryAsync();
        var outcome = await Tickets.RegisterAsync(new TicketDraft
        {
            CallerNumber = "13500000001",
            RequestType = RequestType.HelpRequest,
            CategoryId = category.Id,
            Content = "小区燃气管道泄漏，气味很重",
            Urgency = Urgency.Critical,
        }, BackOffice, Ct);
        return outcome.Ticket!;
    }

    [Fact]
    public async Task A_critical_ticket_raises_a_red_banner_until_a_supervisor_acknowledges_it()
    {
        var ticket = await RegisterCriticalAsync();
        var cut = Render<EmergencyBanner>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-emergency='{ticket.Number}']")));

        cut.Find($"[data-emergency='{ticket.Number}'] [data-action='acknowledge']").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-emergency='{ticket.Number}']")));
        Assert.DoesNotContain(await Tickets.ListUnacknowledgedEmergenciesAsync(Ct), t => t.Number == ticket.Number);
    }

    [Fact]
    public async Task The_wallboard_shows_the_alert_without_an_acknowledge_button()
    {
        var ticket = await RegisterCriticalAsync();

        var cut = Render<EmergencyBanner>(p => p.Add(x => x.CanAcknowledge, false).Add(x => x.ShowContent, false));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-emergency='{ticket.Number}']")));
        Assert.Empty(cut.FindAll("[data-action='acknowledge']"));
        Assert.DoesNotContain("燃气管道泄漏", cut.Markup);
    }
}
