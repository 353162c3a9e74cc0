using Hotline.Tests.Web;

namespace Hotline.Tests.Recordings;

/// <summary>One real server for the recording API tests: a quiet simulated morning (its answered calls are recorded
/// into the shared demo file) and a few demo tickets.</summary>
public sealed class RecordingsServerFixture() : RealServerFixture(new Dictionary<string, string?>
{
    ["Hotline:Telephony:Simulation:LoadFactor"] = "0.3",
    ["Hotline:Demo:TicketCount"] = "10",
});
