using Hotline.Tests.Web;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Tests.Security;

/// <summary>A small app of its own (in-memory test server) for tests that break or reconfigure it; early in the day, so the demo start is quick.</summary>
internal static class OwnServer
{
    public static HotlineAppFactory Create(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Hotline:Telephony:Simulation:LoadFactor"] = "0.1",
            ["Hotline:Demo:TicketCount"] = "3",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        // 00:30 in Shanghai: the demo fast-forward from midnight is short.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero));
        return new HotlineAppFactory(HotlineAppFactory.NewFolder(), all, time);
    }
}
