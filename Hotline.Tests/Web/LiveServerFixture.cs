namespace Hotline.Tests.Web;

/// <summary>One real server shared by the live pipeline tests: a normal day's load.</summary>
public sealed class LiveServerFixture() : RealServerFixture(new Dictionary<string, string?>
{
    ["Hotline:Telephony:Simulation:LoadFactor"] = "1",
});
