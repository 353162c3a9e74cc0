using ClosedXML.Excel;
using Hotline.Core.Assessment;
using Hotline.Core.Calls;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.Assessment;

public class CallPeriodTallyTests
{
    // 2 October 2026 in Shanghai (UTC+8), hand-counted by local hour:
    // 00h: the call at 00:00:00 local (1 Oct 16:00 UTC) belongs to 2 Oct, hour 0 — answered after 3 s, talk 60 s, wrap 10 s.
    // 09h: answered after 20 s (talk 120 s); abandoned after 2 s (short); self-served.
    // 23h: a callback request at 23:59:59.
    // Ignored: 1 Oct 23:59:59 local (the day before) and 3 Oct 00:00:00 local (the day after).
    private static IReadOnlyList<CallRecord> SecondOfOctober() =>
    [
        Answered(At(10, 1, 23, 59, 59), "A009", wait: 1, talk: 10),
        Answered(At(10, 2, 0), "A001", wait: 3, talk: 60, wrapUp: 10),
        Answered(At(10, 2, 9, 10), "A002", wait: 20, talk: 120),
        Abandoned(At(10, 2, 9, 20), wait: 2),
        SelfServed(At(10, 2, 9, 30)),
        Abandoned(At(10, 2, 23, 59, 59), wait: 40) with { Outcome = CallOutcome.CallbackRequested },
        SelfServed(At(10, 3, 0)),
    ];

    private static CallPeriodTally Tally(DateOnly first, int days, IEnumerable<CallRecord> calls)
    {
        var tally = new CallPeriodTally(first, days, Shanghai);
        foreach (var call in calls)
        {
            tally.Add(CallFacts.From(call));
        }

        return tally;
    }

    [Fact]
    public void A_day_is_cut_at_local_midnight_in_Shanghai()
    {
        var day = Tally(new DateOnly(2026, 10, 2), 1, SecondOfOctober());

        Assert.Equal(5, day.Total.Offered);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 16, 0, 0, TimeSpan.Zero), day.From);
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 16, 0, 0, TimeSpan.Zero), day.To);
    }

    [Fact]
    public void Each_call_counts_in_its_local_hour()
    {
        var hours = Tally(new DateOnly(2026, 10, 2), 1, SecondOfOctober()).Hours;

        Assert.Equal(24, hours.Count);
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], hours.Select(h => h.Offered));
        Assert.Equal(1, hours[0].Answered);
        Assert.Equal(70, hours[0].AverageHandleTimeSeconds, 12);           // 60 talk + 10 wrap-up
        Assert.Equal(1, hours[9].Answered);
        Assert.Equal(1, hours[9].ShortAbandoned);                           // 2 s < 5 s
        Assert.Equal(2 / 3.0, hours[9].EffectiveConnectionRate, 12);       // (1 answered + 1 self-served) / 3
        Assert.Equal(0, hours[9].ServiceLevel15s);                          // answered after 20 s
        Assert.Equal(1, hours[23].CallbacksRequested);
    }

    [Fact]
    public void The_hours_add_up_to_the_day_by_the_same_formulas_as_the_month()
    {
        var tally = Tally(new DateOnly(2026, 10, 2), 1, SecondOfOctober());
        var month = new CallMonthTally(October, Shanghai);
        foreach (var call in SecondOfOctober())
        {
            month.Add(CallFacts.From(call));
        }

        Assert.Equal(month.Days[1].Calls, tally.Total);
        Assert.Equal(tally.Total.Offered, tally.Hours.Sum(h => h.Offered));
        Assert.Equal(11.5, tally.Total.AverageSpeedOfAnswerSeconds, 12);     // (3 + 20) / 2
        Assert.Equal(0.5, tally.Total.ServiceLevel15s, 12);
        Assert.Equal(0.6, tally.Total.EffectiveConnectionRate, 12);          // (2 + 1) / 5
    }

    [Fact]
    public void A_week_has_seven_days_from_monday()
    {
        var monday = OperationReport.WeekStart(new DateOnly(2026, 10, 4)); // a Sunday
        var week = Tally(monday, 7, SecondOfOctober());

        Assert.Equal(new DateOnly(2026, 9, 28), monday);
        Assert.Equal([0, 0, 0, 1, 5, 1, 0], week.Days.Select(d => d.Calls.Offered));
        Assert.Equal(7, week.Total.Offered);
    }

    /// <summary>A [h]:mm:ss cell reads back as a time span or a date (the file holds days).</summary>
    private static double Seconds(IXLCell cell) => 86400 * cell.DataType switch
    {
        XLDataType.TimeSpan => cell.GetTimeSpan().TotalDays,
        XLDataType.DateTime => cell.GetDateTime().ToOADate(),
        _ => cell.GetDouble(),
    };

    [Fact]
    public void The_workbook_reads_back_as_the_report()
    {
        var tally = Tally(new DateOnly(2026, 10, 2), 1, SecondOfOctober());
        var rows = tally.Hours.Select((c, h) => new OperationRow(OperationReport.HourLabel(h), c, h == 9 ? 2 : 0, h == 9 ? 1 : 0)).ToList();
        var report = new OperationReport(false, new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 2), At(10, 3, 8), tally.Total, new TicketFigures(2, 1, 4), rows);
        using var buffer = new MemoryStream();

        OperationWorkbook.Write(report, Shanghai, buffer);

        buffer.Position = 0;
        using var workbook = new XLWorkbook(buffer);
        var sheet = workbook.Worksheet("运营日报");
        Assert.Equal("时段", sheet.Cell(3, 1).GetString());
        Assert.Equal(3, sheet.SheetView.SplitRow);
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Contains("2026年10月2日", sheet.Cell(1, 1).GetString(), StringComparison.Ordinal);
        for (var i = 0; i <= 24; i++)
        {
            var row = sheet.Row(4 + i);
            var (label, calls, registered, closed) = i < 24
                ? (rows[i].Label, rows[i].Calls, rows[i].TicketsRegistered, rows[i].TicketsClosed)
                : ("合计", report.Calls, report.Tickets.Registered, report.Tickets.Closed);
            Assert.Equal(label, row.Cell(1).GetString());
            Assert.Equal(calls.Offered, row.Cell(2).GetValue<int>());
            Assert.Equal(calls.Answered, row.Cell(4).GetValue<int>());
            Assert.Equal(calls.SelfServed, row.Cell(5).GetValue<int>());
            Assert.Equal(calls.Abandoned, row.Cell(6).GetValue<int>());
            Assert.Equal(calls.ShortAbandoned, row.Cell(7).GetValue<int>());
            Assert.Equal(calls.EffectiveConnectionRate, row.Cell(8).GetDouble(), 12);
            Assert.Equal(calls.ServiceLevel15s, row.Cell(10).GetDouble(), 12);
            Assert.Equal(calls.AverageSpeedOfAnswerSeconds, Seconds(row.Cell(11)), 6);
            Assert.Equal(calls.AverageHandleTimeSeconds, Seconds(row.Cell(12)), 6);
            Assert.Equal(calls.CallbacksRequested, row.Cell(13).GetValue<int>());
            Assert.Equal(registered, row.Cell(14).GetValue<int>());
            Assert.Equal(closed, row.Cell(15).GetValue<int>());
        }

        Assert.Equal(AssessmentWorkbook.PercentFormat, sheet.Cell(4, 8).Style.NumberFormat.Format);
        Assert.Equal(AssessmentWorkbook.DurationFormat, sheet.Cell(4, 11).Style.NumberFormat.Format);
        Assert.Equal("超期未办结", sheet.Cell(30, 1).GetString());
        Assert.Equal(4, sheet.Cell(30, 2).GetValue<int>());
    }
}
