using Hotline.Tests.Web;
using Hotline.Web.Assessment;

namespace Hotline.Tests.AssessmentWeb;

/// <summary>
/// One real server with the demo history: October and November 2026 up to the test clock's day (27 Nov, 10:00),
/// produced by the simulated switch at a twentieth of the normal traffic so it is stored in a few seconds.
/// </summary>
public sealed class AssessmentServerFixture() : RealServerFixture(new Dictionary<string, string?>
{
    ["Hotline:Demo:History"] = "true",
    ["Hotline:Demo:TicketCount"] = "60",
    ["Hotline:Telephony:Simulation:LoadFactor"] = "0.05",
    ["Hotline:Assessment:QualitySampleShare"] = "0.2",
}), IAsyncLifetime
{
    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Service<AssessmentDemoInitializer>().Completed.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => DisposeAsync();
}
