using Hotline.Tests.Web;

namespace Hotline.Tests.Security;

/// <summary>One real server for the break-in tests: a quiet switch, a few demo tickets, a short page revalidation.</summary>
public sealed class SecurityServerFixture() : RealServerFixture(new Dictionary<string, string?>
{
    ["Hotline:Telephony:Simulation:LoadFactor"] = "0.2",
    ["Hotline:Demo:TicketCount"] = "20",
    ["Hotline:Security:RevalidateSeconds"] = "1",
    ["Hotline:Security:MaxFailedSignIns"] = "3",
    ["Hotline:Security:LockoutMinutes"] = "10",
});
