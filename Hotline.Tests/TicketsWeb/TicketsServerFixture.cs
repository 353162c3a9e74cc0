using Hotline.Tests.Web;

namespace Hotline.Tests.TicketsWeb;

/// <summary>One real server for the ticket tests: a quiet switch and a few demo tickets.</summary>
public sealed class TicketsServerFixture() : RealServerFixture(new Dictionary<string, string?>
{
    ["Hotline:Telephony:Simulation:LoadFactor"] = "0.2",
    ["Hotline:Demo:TicketCount"] = "20",
});
