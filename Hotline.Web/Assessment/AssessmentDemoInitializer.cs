using System.Text.Json;
using Hotline.Core;
using Hotline.Core.Agents;
using Hotline.Core.Assessment;
using Hotline.Core.Assessment.Storage;
using Hotline.Core.Calls;
using Hotline.Telephony;
using Hotline.Telephony.Simulation;
using Hotline.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Assessment;

/// <summary>
/// Demo mode only (<c>Hotline:Demo:History</c>): fills the assessment's sources once, in the background after start:
/// the staff register and roster from the simulated roster, the previous month and this month up to today's start
/// produced by the simulated switch (its own seed; today is the live switch's), a quality sample with findings,
/// complaints and the efficiency index of the previous month. Each part is added only when its table is empty.
/// </summary>
public sealed class AssessmentDemoInitializer(
    IOptions<DemoOptions> demo,
    IOptions<TelephonyOptions> telephony,
    HotlineOptions hotline,
    CallStore calls,
    RosterStore roster,
    StaffStore staff,
    ComplaintStore complaints,
    AssessmentStore assessment,
    QualityService quality,
    QualityReviewStore reviews,
    TimeProvider time,
    ILogger<AssessmentDemoInitializer> logger) : BackgroundService
{
    private const int BatchSize = 5000;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the demo history is stored (at once when there is none to add).</summary>
    public Task Completed => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (demo.Value.Enabled && demo.Value.History)
            {
                await SeedAsync(stoppingToken);
            }

            _done.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _done.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Adding the demo assessment history failed");
            _done.TrySetException(ex);
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hotline.TimeZone);
        var now = time.GetUtcNow();
        var current = AssessmentMonth.Of(now, zone);
        var previous = current.AddMonths(-1);
        var todayStart = AssessmentMonth.DayStart(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime), zone);
        var options = telephony.Value.Simulation;
        var agents = SimulationRoster.Build(options);

        if ((await staff.ListAsync(cancellationToken)).Count == 0)
        {
            foreach (var member in DemoStaff(agents, previous))
            {
                await staff.SaveAsync(member, cancellationToken);
            }
        }

        if (!await roster.AnyAsync(cancellationToken))
        {
            foreach (var month in new[] { previous, current })
            {
                await roster.ReplaceMonthAsync(month, DemoRoster(options, agents, month, zone), cancellationToken);
            }
        }

        var from = previous.Start(zone);
        if ((await calls.LoadCallsAsync(from, from.AddHours(1), cancellationToken)).Count == 0)
        {
            var started = time.GetTimestamp();
            var count = await SimulateAsync(options, from, todayStart, cancellationToken);
            logger.LogInformation("Demo history: {Calls} calls from {From:O} to {To:O} simulated and stored in {Elapsed}", count, from, todayStart, time.GetElapsedTime(started));
        }

        if ((await reviews.ForMonthAsync(previous, cancellationToken)).Count == 0)
        {
            await quality.SampleAsync(previous, cancellationToken: cancellationToken);
            await ScoreDemoReviewsAsync(previous, cancellationToken);
        }

        if ((await complaints.ForMonthAsync(previous, cancellationToken)).Count == 0)
        {
            foreach (var complaint in DemoComplaints(previous))
            {
                await complaints.SaveAsync(complaint, cancellationToken);
            }
        }

        if (await assessment.EfficiencyAsync(previous, cancellationToken) is null)
        {
            await assessment.SaveEfficiencyAsync(new EfficiencyEntry(previous, 91.6, 4, "市12345中心月度通报", "admin01", now), cancellationToken);
        }
    }

    /// <summary>Runs a fresh simulation over [from, to) and stores what it produced; calls arriving at or after <paramref name="to"/> are dropped.</summary>
    private async Task<int> SimulateAsync(SimulationOptions options, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var history = JsonSerializer.Deserialize<SimulationOptions>(JsonSerializer.Serialize(options))!;
        history.Seed = unchecked(options.Seed * 7 + 1);
        var engine = new SimulationEngine(history, from);
        var recorder = new CallRecorder();
        var callBatch = new List<CallRecord>();
        var intervalBatch = new List<SeatInterval>();
        var stored = 0;
        // A day at a time up to the cut, then half an hour more so the calls going on at the cut finish (later arrivals are dropped).
        var end = to.AddMinutes(30);
        for (var until = Earliest(from.AddDays(1), to); ; until = until < to ? Earliest(until.AddDays(1), to) : end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            engine.RunUntil(until, recorder.Apply);
            if (until == to)
            {
                recorder.CloseOpenIntervals(to);
            }

            recorder.Drain(callBatch, intervalBatch);
            var keptCalls = callBatch.Where(c => c.ArrivedAt < to).ToList();
            var keptIntervals = intervalBatch.Where(i => i.StartedAt < to).Select(i => i.EndedAt > to ? i with { EndedAt = to } : i).ToList();
            for (var i = 0; i < Math.Max(keptCalls.Count, keptIntervals.Count); i += BatchSize)
            {
                await calls.SaveAsync(keptCalls.Skip(i).Take(BatchSize).ToList(), keptIntervals.Skip(i).Take(BatchSize).ToList(), cancellationToken);
            }

            stored += until == end ? 0 : keptCalls.Count(c => c.Direction == "inbound");
            callBatch.Clear();
            intervalBatch.Clear();
            if (until == end)
            {
                break;
            }
        }

        return stored;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static IEnumerable<StaffMember> DemoStaff(IReadOnlyList<SimulatedAgent> agents, AssessmentMonth previous)
    {
        var longAgo = previous.AddMonths(-20).FirstDay;
        foreach (var (agent, index) in agents.Select((a, i) => (a, i)))
        {
            // The last agent joined in the middle of the previous month.
            var joined = index == agents.Count - 1 ? previous.FirstDay.AddDays(14) : longAgo;
            yield return new StaffMember { Name = agent.Name, AgentId = agent.AgentId, Post = "前台接听", JoinedOn = joined };
        }

        yield return new StaffMember { Name = "后台处理01", Post = "后台处理", JoinedOn = longAgo };
        yield return new StaffMember { Name = "班长01", Post = "业务管理", JoinedOn = longAgo };
        yield return new StaffMember { Name = "钱晓燕", Post = "前台接听", JoinedOn = longAgo, LeftOn = previous.AddMonths(-5).FirstDay.AddDays(9), LeaveReason = LeaveReason.Resigned };
        yield return new StaffMember { Name = "孙浩然", Post = "前台接听", JoinedOn = longAgo, LeftOn = previous.AddMonths(-2).LastDay, LeaveReason = LeaveReason.CivilService };
        yield return new StaffMember { Name = "周雨婷", Post = "后台处理", JoinedOn = longAgo, LeftOn = previous.FirstDay.AddDays(20), LeaveReason = LeaveReason.ContractEnded };
    }

    /// <summary>The simulated shifts as the roster: every agent works his shift every day.</summary>
    private static List<RosterShift> DemoRoster(SimulationOptions options, IReadOnlyList<SimulatedAgent> agents, AssessmentMonth month, TimeZoneInfo zone)
    {
        var shifts = options.EffectiveShifts.ToDictionary(s => s.Name);
        var list = new List<RosterShift>();
        for (var day = month.FirstDay; day <= month.LastDay; day = day.AddDays(1))
        {
            foreach (var agent in agents)
            {
                var shift = shifts[agent.Shift];
                var start = TimeOnly.FromTimeSpan(shift.Start);
                list.Add(RosterShift.FromLocal(agent.AgentId, day, start, start.Add(TimeSpan.FromHours(shift.Hours)), zone, shift.Name));
            }
        }

        return list;
    }

    private async Task ScoreDemoReviewsAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        var sampled = await reviews.ForMonthAsync(month, cancellationToken);
        for (var i = 0; i < sampled.Count; i++)
        {
            var review = sampled[i];
            string[] errors = i % 9 == 4 ? ["category"] : i % 9 == 7 ? ["content", "address"] : [];
            var (scored, _) = await quality.ScoreAsync(review.Id, errors, errors.Length == 0 ? "记录完整，分类准确" : "对照录音核查发现差错", "supervisor01", cancellationToken);
            if (scored is not null && errors.Length > 0 && i % 2 == 1)
            {
                await quality.DisputeAsync(review.Id, review.AgentUserName, "来电人表述如此，已按原话记录", cancellationToken);
                await quality.ResolveAsync(review.Id, upholdErrors: i % 4 == 3, "复听录音后认定", "supervisor01", cancellationToken);
            }
        }
    }

    private static IEnumerable<Complaint> DemoComplaints(AssessmentMonth month)
    {
        yield return new Complaint { ReceivedOn = month.FirstDay.AddDays(5), AgentId = "A003", Summary = "来电人反映话务员未听完诉求即结束通话", Finding = ComplaintFinding.OperatorFault, FindingNote = "复听录音属实，话务员提前挂机", RecordedBy = "supervisor01" };
        yield return new Complaint { ReceivedOn = month.FirstDay.AddDays(12), AgentId = "A017", Summary = "来电人认为答复口径与部门说法不一致", Finding = ComplaintFinding.NotOperatorFault, FindingNote = "答复口径符合知识库，部门政策已调整", RecordedBy = "supervisor01" };
        yield return new Complaint { ReceivedOn = month.FirstDay.AddDays(23), AgentId = "A042", Summary = "来电人投诉等待时间过长", Finding = ComplaintFinding.Pending, RecordedBy = "supervisor01" };
    }
}
