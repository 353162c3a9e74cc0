using System.Text.Json;
using System.Text.Json.Serialization;
using Hotline.Core.Assessment.Storage;
using Hotline.Core.Security;
using Hotline.Core.Tickets.Storage;

namespace Hotline.Core.Assessment;

/// <summary>
/// A month's assessment from the stored data: an open month is computed afresh each time (with the rules in force
/// for it); a confirmed month is read from the snapshot stored when an official confirmed it, so later edits of
/// rules, reviews or registers never change it.
/// </summary>
public sealed class AssessmentService(
    HotlineOptions hotline,
    AssessmentOptions options,
    AssessmentSource source,
    AssessmentStore store,
    RosterStore roster,
    StaffStore staff,
    ComplaintStore complaints,
    QualityReviewStore reviews,
    CalendarStore calendar,
    UserStore users,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions SnapshotJson = new() { Converters = { new JsonStringEnumConverter() } };

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(hotline.TimeZone);

    /// <summary>The month that contains now, in the configured zone.</summary>
    public AssessmentMonth CurrentMonth => AssessmentMonth.Of(time.GetUtcNow(), Zone);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's local date in the configured zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public async Task<AssessmentReport> GetAsync(AssessmentMonth month, CancellationToken cancellationToken = default)
    {
        if (await store.ConfirmationAsync(month, cancellationToken) is { } confirmed)
        {
            return JsonSerializer.Deserialize<AssessmentReport>(confirmed.Snapshot, SnapshotJson)! with { Confirmation = confirmed.Confirmation };
        }

        return await ComputeAsync(month, cancellationToken);
    }

    /// <summary>Computes the month from the stored data (ignoring any confirmation).</summary>
    public async Task<AssessmentReport> ComputeAsync(AssessmentMonth month, CancellationToken cancellationToken = default)
    {
        var start = month.Start(Zone);
        var end = month.End(Zone);
        var calls = new CallMonthTally(month, Zone, hotline.ServiceLevelSeconds, hotline.ShortAbandonSeconds);
        var shifts = await roster.ForMonthAsync(month, cancellationToken);
        var staffed = new StaffedTimeTally(shifts, options.WorkReasons);

        // Calls and intervals are the big reads: run them side by side on their own connections.
        var callsTask = source.AddCallsAsync(calls, cancellationToken);
        var intervalsTask = source.AddIntervalsAsync(staffed,
            shifts.Count == 0 ? start : shifts.Min(s => s.StartsAt), shifts.Count == 0 ? start : shifts.Max(s => s.EndsAt), cancellationToken);
        var accounts = await users.ListAsync(cancellationToken);
        var inputs = new AssessmentInputs
        {
            Month = month,
            GeneratedAt = time.GetUtcNow(),
            Calls = calls,
            StaffedTime = staffed,
            Calendar = await calendar.LoadAsync(cancellationToken),
            Rules = await store.RulesAsync(cancellationToken),
            TicketsRegistered = await source.CountTicketsAsync(start, end, cancellationToken),
            Reviews = await reviews.ForMonthAsync(month, cancellationToken),
            Complaints = await complaints.ForMonthAsync(month, cancellationToken),
            Staff = await staff.ListAsync(cancellationToken),
            Efficiency = await store.EfficiencyAsync(month, cancellationToken),
            AgentNames = accounts.Where(u => u.AgentId is not null).GroupBy(u => u.AgentId!).ToDictionary(g => g.Key, g => g.First().DisplayName),
            AgentIdsByUserName = accounts.Where(u => u.AgentId is not null).ToDictionary(u => u.UserName, u => u.AgentId!),
        };
        await Task.WhenAll(callsTask, intervalsTask);
        return AssessmentCalculator.Build(inputs);
    }

    /// <summary>
    /// Freezes a finished month: computes it now and stores that report as its snapshot. Returns the frozen
    /// report, or a Chinese reason (the month is not over yet, or it was already confirmed).
    /// </summary>
    public async Task<(AssessmentReport? Report, string? Error)> ConfirmAsync(AssessmentMonth month, string official, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (month.End(Zone) > now)
        {
            return (null, $"{month.ToChinese()}尚未结束，不能确认");
        }

        var report = await ComputeAsync(month, cancellationToken);
        var confirmation = new AssessmentConfirmation(official, now);
        if (!await store.ConfirmAsync(month, confirmation, JsonSerializer.Serialize(report, SnapshotJson), cancellationToken))
        {
            return (null, $"{month.ToChinese()}已被确认，考核结果已冻结");
        }

        return (report with { Confirmation = confirmation }, null);
    }
}
