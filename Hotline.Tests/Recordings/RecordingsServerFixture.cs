using Hotline.Core.Calls;
using Hotline.Core.Departments;
using Hotline.Core.Recordings;
using Hotline.Core.Security;
using Hotline.Core.Tickets;
using Hotline.Telephony.Simulation;
using Hotline.Tests.Web;

namespace Hotline.Tests.Recordings;

/// <summary>One real server for the recording API tests: a quiet simulated morning (its answered calls are recorded
/// into the shared demo file) and a few demo tickets.</summary>
public sealed class RecordingsServerFixture() : RealServerFixture(new Dictionary<string, string?>
{
    ["Hotline:Telephony:Simulation:LoadFactor"] = "0.3",
    ["Hotline:Demo:TicketCount"] = "10",
})
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A stored call answered by <paramref name="agentId"/> with a recording in the simulated node's demo file
    /// (or another file); returns the recording's id.</summary>
    public async Task<long> RecordingOfAsync(string agentId, string? ticket = null, string file = SimulationEngine.RecordingFile)
    {
        var callId = "test-" + Guid.NewGuid().ToString("N");
        var at = Time.GetUtcNow().AddMinutes(-30);
        await Service<CallStore>().UpsertCallsAsync([new CallRecord { CallId = callId, ArrivedAt = at, AgentId = agentId, Outcome = CallOutcome.Answered, TicketNumber = ticket }], Ct);
        var store = Service<RecordingStore>();
        await store.SaveAsync([new RecordingRecord(callId, file, SimulatedSwitch.NodeName, at, at.AddMinutes(2), null)], Ct);
        return Assert.Single(await store.ForCallsAsync([callId], cancellationToken: Ct)).Id;
    }

    /// <summary>Registers a ticket (as the back office) linked to the recording's call; returns its number.</summary>
    public async Task<string> TicketForAsync(long recordingId)
    {
        var callId = (await Service<RecordingStore>().FindAsync(recordingId, Ct))!.CallId;
        var categories = await Service<CategoryStore>().ListAsync(Ct);
        var leaf = categories.First(c => !categories.Any(x => x.ParentId == c.Id));
        var registered = await Service<TicketService>().RegisterAsync(new TicketDraft
        {
            CallerNumber = "13800001111",
            RequestType = RequestType.Consultation,
            CategoryId = leaf.Id,
            CategoryPath = leaf.Path,
            Content = "咨询社保卡补办需要哪些材料",
            LinkedCallIds = [callId],
        }, new Actor("backoffice01", Roles.BackOffice, null, "后台处理01"), Ct);
        Assert.True(registered.Succeeded, registered.Failure?.ToString());
        return registered.Ticket!.Number;
    }
}
