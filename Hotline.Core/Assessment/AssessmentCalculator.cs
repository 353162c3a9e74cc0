using System.Globalization;
using Hotline.Core.Calendar;

namespace Hotline.Core.Assessment;

/// <summary>Builds a month's <see cref="AssessmentReport"/> from its inputs; pure.</summary>
public static class AssessmentCalculator
{
    public static AssessmentReport Build(AssessmentInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var month = inputs.Month;
        var rules = RuleBook.InForce(inputs.Rules, month);
        var calls = inputs.Calls.Total;

        var days = inputs.Calls.Days.Select(d => new DailyCallRow(d.Day, DayKind(inputs.Calendar, d.Day), d.Calls)).ToList();

        var staffed = inputs.StaffedTime.Results();
        var onDuty = staffed.Sum(s => s.OnDutySeconds);
        var online = staffed.Sum(s => s.OnlineSeconds);

        var reviews = inputs.Reviews.Where(r => r.Month == month)
            .Select(r => r.AgentId is null && inputs.AgentIdsByUserName.TryGetValue(r.AgentUserName, out var id) ? r with { AgentId = id } : r)
            .OrderBy(r => r.TicketNumber, StringComparer.Ordinal).ToList();
        var errorTickets = reviews.Where(r => r.HasConfirmedErrors).Select(r => r.TicketNumber).Distinct(StringComparer.Ordinal).Count();

        var complaints = inputs.Complaints.Where(c => month.Contains(c.ReceivedOn)).OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id).ToList();
        var faults = complaints.Count(c => c.Finding == ComplaintFinding.OperatorFault);

        var turnover = TurnoverFigures.Compute(inputs.Staff, month);

        var names = new Dictionary<string, string>(inputs.AgentNames, StringComparer.Ordinal);
        foreach (var member in inputs.Staff.Where(s => s.AgentId is not null))
        {
            names[member.AgentId!] = member.Name;
        }

        var agentCalls = inputs.Calls.Agents;
        var staffedById = staffed.ToDictionary(s => s.AgentId, StringComparer.Ordinal);
        var agents = agentCalls.Keys.Union(staffedById.Keys).Union(reviews.Where(r => r.AgentId is not null).Select(r => r.AgentId!))
            .Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal)
            .Select(id =>
            {
                var c = agentCalls.GetValueOrDefault(id) ?? CallFigures.Empty;
                var s = staffedById.GetValueOrDefault(id);
                var mine = reviews.Where(r => r.AgentId == id).ToList();
                return new AgentRow(id, names.GetValueOrDefault(id) ?? id, c.Answered, c.TalkSeconds, c.AverageHandleTimeSeconds,
                    s.OnDutySeconds, s.OnlineSeconds, mine.Count(r => r.Status != QualityReviewStatus.Pending), mine.Count(r => r.HasConfirmedErrors));
            }).ToList();

        var indicators = new List<IndicatorResult>
        {
            DeductionCalculator.Evaluate(rules[0], calls.EffectiveConnectionRate,
                F($"(人工接听 {calls.Answered} + 智能服务 {calls.SelfServed}) ÷ 呼入 {calls.Offered}")),
            DeductionCalculator.Evaluate(rules[1], onDuty == 0 ? 0 : online / onDuty,
                F($"在线工作 {Hours(online)} ÷ 上岗 {Hours(onDuty)}")),
            DeductionCalculator.Evaluate(rules[2], faults,
                F($"有责投诉 {faults} 件（登记 {complaints.Count} 件）")),
            DeductionCalculator.Evaluate(rules[3], inputs.TicketsRegistered == 0 ? 0 : (double)errorTickets / inputs.TicketsRegistered,
                F($"差错受理单 {errorTickets} ÷ 受理单 {inputs.TicketsRegistered}（已质检 {reviews.Count(r => r.Status != QualityReviewStatus.Pending)}）")),
            DeductionCalculator.Evaluate(rules[4], inputs.Efficiency?.Score,
                inputs.Efficiency is { } e ? F($"市12345发布得分 {e.Score}{(e.Rank is { } rank ? $"，排名第 {rank}" : "")}") : "未录入"),
            DeductionCalculator.Evaluate(rules[5], turnover.Rate,
                F($"近12个月流失 {turnover.Leavers} 人 ÷ 平均在岗 {turnover.AverageHeadcount:0.##} 人（不计考公考编 {turnover.ExcludedLeavers} 人）")),
        };

        return new AssessmentReport
        {
            Month = month,
            GeneratedAt = inputs.GeneratedAt,
            Indicators = indicators,
            Calls = calls,
            Days = days,
            Agents = agents,
            OnDutySeconds = onDuty,
            OnlineSeconds = online,
            TicketsRegistered = inputs.TicketsRegistered,
            Reviews = reviews,
            ErrorTickets = errorTickets,
            Complaints = complaints,
            FaultComplaints = faults,
            Turnover = turnover,
            StaffChanges = StaffChanges(inputs.Staff, turnover),
            Efficiency = inputs.Efficiency,
        };
    }

    /// <summary>工作日, 休息日, or the holiday's name (a make-up working day reads 调休上班).</summary>
    public static string DayKind(WorkCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.Find(day) is { } special)
        {
            return special.Kind == CalendarDayKind.Holiday ? special.Name : "调休上班";
        }

        return calendar.IsWorkingDay(day) ? "工作日" : "休息日";
    }

    private static List<StaffChangeRow> StaffChanges(IEnumerable<StaffMember> staff, TurnoverFigures window)
    {
        var rows = new List<StaffChangeRow>();
        foreach (var s in staff)
        {
            if (s.JoinedOn >= window.WindowStart && s.JoinedOn <= window.WindowEnd)
            {
                rows.Add(new StaffChangeRow(s.JoinedOn, "入职", s.Name, s.AgentId, s.Post, null, false));
            }

            if (s.LeftOn is { } left && left >= window.WindowStart && left <= window.WindowEnd)
            {
                rows.Add(new StaffChangeRow(left, "离职", s.Name, s.AgentId, s.Post, LeaveReasonText(s.LeaveReason), s.CountsAsTurnover));
            }
        }

        return rows.OrderBy(r => r.Day).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public static string LeaveReasonText(LeaveReason? reason) => reason switch
    {
        LeaveReason.Resigned => "辞职",
        LeaveReason.Dismissed => "辞退",
        LeaveReason.ContractEnded => "合同到期",
        LeaveReason.CivilService => "考取公务员",
        LeaveReason.PublicInstitution => "考取事业单位",
        LeaveReason.Other => "其他",
        _ => "",
    };

    private static string Hours(double seconds) => (seconds / 3600).ToString("0.##", CultureInfo.InvariantCulture) + " 小时";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
