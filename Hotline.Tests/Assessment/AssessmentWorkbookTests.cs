using ClosedXML.Excel;
using Hotline.Core.Assessment;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.Assessment;

/// <summary>The workbook read back with ClosedXML and compared, cell by cell, with the report the page shows.</summary>
public class AssessmentWorkbookTests
{
    private static readonly AssessmentReport Report = AssessmentCalculator.Build(AssessmentCalculatorTests.Inputs()) with
    {
        Confirmation = new AssessmentConfirmation("信访局01", new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero)),
    };

    private static XLWorkbook Written(AssessmentReport? report = null)
    {
        var stream = new MemoryStream();
        AssessmentWorkbook.Write(report ?? Report, Shanghai, stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private const int First = AssessmentWorkbook.HeaderRow + 1;

    // ClosedXML reads a number with a time format back as a date or time span; the file holds the number of days.
    private static double Days(IXLCell cell) => cell.DataType switch
    {
        XLDataType.TimeSpan => cell.GetTimeSpan().TotalDays,
        XLDataType.DateTime => cell.GetDateTime().ToOADate(),
        _ => cell.GetDouble(),
    };

    [Fact]
    public void It_has_the_seven_chinese_sheets_in_order()
    {
        using var book = Written();

        Assert.Equal(["考核汇总", "每日话务", "坐席明细", "质检明细", "责任投诉", "人员变动", "扣款计算"], book.Worksheets.Select(s => s.Name));
    }

    [Fact]
    public void The_summary_holds_each_indicator_as_on_the_page()
    {
        using var book = Written();
        var sheet = book.Worksheet("考核汇总");

        for (var i = 0; i < 6; i++)
        {
            var result = Report.Indicators[i];
            var row = sheet.Row(First + i);
            Assert.Equal(result.Name, row.Cell(2).GetString());
            if (result.Value is { } value)
            {
                Assert.Equal(value, row.Cell(3).GetDouble(), 12);
            }

            Assert.Equal(AssessmentWorkbook.StoredTarget(result), row.Cell(4).GetDouble(), 12);
            Assert.Equal(AssessmentWorkbook.PassText(result.Passed), row.Cell(5).GetString());
            Assert.Equal(result.Deduction, (decimal)row.Cell(7).GetDouble());
            Assert.Equal(result.Basis, row.Cell(8).GetString());
        }

        Assert.Equal("扣款合计", sheet.Cell(First + 6, 2).GetString());
        Assert.Equal(23500.0, sheet.Cell(First + 6, 7).GetDouble());
    }

    [Fact]
    public void Rates_are_percentages_and_durations_are_hours_minutes_seconds()
    {
        using var book = Written();

        Assert.Equal("0.00%", book.Worksheet("考核汇总").Cell(First, 3).Style.NumberFormat.Format);
        var daily = book.Worksheet("每日话务");
        Assert.Equal("0.00%", daily.Cell(First, 9).Style.NumberFormat.Format);
        Assert.Equal("[h]:mm:ss", daily.Cell(First, 12).Style.NumberFormat.Format);
        var agents = book.Worksheet("坐席明细");
        Assert.Equal("[h]:mm:ss", agents.Cell(First, 6).Style.NumberFormat.Format);
        Assert.Equal(8 * 3600 / 86400.0, Days(agents.Cell(First, 6)), 9);
    }

    [Fact]
    public void The_daily_sheet_has_every_day_and_the_month_total_as_on_the_page()
    {
        using var book = Written();
        var sheet = book.Worksheet("每日话务");

        for (var i = 0; i < Report.Days.Count; i++)
        {
            var day = Report.Days[i];
            var row = sheet.Row(First + i);
            Assert.Equal(day.Day.ToDateTime(TimeOnly.MinValue), row.Cell(1).GetDateTime());
            Assert.Equal(day.DayKind, row.Cell(2).GetString());
            Assert.Equal(day.Calls.Offered, row.Cell(3).GetDouble());
            Assert.Equal(day.Calls.Answered, row.Cell(5).GetDouble());
            Assert.Equal(day.Calls.SelfServed, row.Cell(6).GetDouble());
            Assert.Equal(day.Calls.Abandoned, row.Cell(7).GetDouble());
            Assert.Equal(day.Calls.ShortAbandoned, row.Cell(8).GetDouble());
            Assert.Equal(day.Calls.EffectiveConnectionRate, row.Cell(9).GetDouble(), 12);
            Assert.Equal(day.Calls.ServiceLevel15s, row.Cell(11).GetDouble(), 12);
            Assert.Equal(day.Calls.AverageSpeedOfAnswerSeconds / 86400, Days(row.Cell(12)), 9);
            Assert.Equal(day.Calls.AverageHandleTimeSeconds / 86400, Days(row.Cell(13)), 9);
        }

        var total = sheet.Row(First + Report.Days.Count);
        Assert.Equal("合计", total.Cell(1).GetString());
        Assert.Equal(Report.Calls.Offered, total.Cell(3).GetDouble());
        Assert.Equal(Report[AssessmentIndicator.EffectiveConnectionRate].Value!.Value, total.Cell(9).GetDouble(), 12);
    }

    [Fact]
    public void The_agent_quality_complaint_and_staff_sheets_list_the_pages_rows()
    {
        using var book = Written();

        var agent = Report.Agents[0];
        var agents = book.Worksheet("坐席明细").Row(First);
        Assert.Equal(agent.AgentId, agents.Cell(1).GetString());
        Assert.Equal(agent.Name, agents.Cell(2).GetString());
        Assert.Equal(agent.Answered, agents.Cell(3).GetDouble());
        Assert.Equal(agent.StaffedTimeRatio, agents.Cell(8).GetDouble(), 12);
        Assert.Equal(agent.ErrorTickets, agents.Cell(10).GetDouble());

        var quality = book.Worksheet("质检明细");
        Assert.Equal(Report.Reviews.Select(r => r.TicketNumber), Enumerable.Range(First, Report.Reviews.Count).Select(r => quality.Cell(r, 1).GetString()));
        Assert.Equal(QualityReview.StatusText(Report.Reviews[0].Status), quality.Cell(First, 5).GetString());

        var complaints = book.Worksheet("责任投诉");
        Assert.Equal(Report.Complaints.Select(c => Complaint.FindingText(c.Finding)), Enumerable.Range(First, Report.Complaints.Count).Select(r => complaints.Cell(r, 5).GetString()));

        var staff = book.Worksheet("人员变动");
        Assert.Equal(Report.StaffChanges.Select(c => c.Name), Enumerable.Range(First, Report.StaffChanges.Count).Select(r => staff.Cell(r, 3).GetString()));
        var rateRow = First + Report.StaffChanges.Count + 1 + 4;
        Assert.Equal("人员流失率", staff.Cell(rateRow, 1).GetString());
        Assert.Equal(Report.Turnover.Rate, staff.Cell(rateRow, 2).GetDouble(), 12);
    }

    [Fact]
    public void The_deduction_sheet_shows_the_rule_and_the_steps_of_each_indicator()
    {
        using var book = Written();
        var sheet = book.Worksheet("扣款计算");

        for (var i = 0; i < 6; i++)
        {
            var result = Report.Indicators[i];
            Assert.Equal(result.Rule.EffectiveFrom.ToString(), sheet.Cell(First + i, 2).GetString());
            Assert.Equal((double)result.Rule.AmountPerStep, sheet.Cell(First + i, 5).GetDouble());
            Assert.Equal(result.Steps, sheet.Cell(First + i, 9).GetDouble());
            Assert.Equal((double)result.Deduction, sheet.Cell(First + i, 10).GetDouble());
        }

        Assert.Equal((double)Report.TotalDeduction, sheet.Cell(First + 6, 10).GetDouble());
    }

    [Fact]
    public void Every_sheet_is_set_up_for_printing_with_a_frozen_header_and_the_month_in_its_title()
    {
        using var book = Written();

        foreach (var sheet in book.Worksheets)
        {
            Assert.Equal(AssessmentWorkbook.HeaderRow, sheet.SheetView.SplitRow);
            Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
            Assert.Equal(1, sheet.PageSetup.PagesWide);
            Assert.Equal(0, sheet.PageSetup.PagesTall);
            Assert.Equal(1, sheet.PageSetup.FirstRowToRepeatAtTop);
            Assert.Equal(AssessmentWorkbook.HeaderRow, sheet.PageSetup.LastRowToRepeatAtTop);
            Assert.Contains("2026年10月", sheet.Cell(1, 1).GetString());
            Assert.Contains("生成时间：2026-11-02 10:00:00", sheet.Cell(2, 1).GetString());
            Assert.Contains("已确认（信访局01", sheet.Cell(2, 1).GetString());
        }
    }

    [Fact]
    public void Columns_are_wide_enough_for_their_chinese_text()
    {
        using var book = Written();
        var sheet = book.Worksheet("考核汇总");

        var basis = Report.Indicators.Max(i => AssessmentWorkbook.TextWidth(i.Basis));
        Assert.True(sheet.Column(8).Width >= Math.Min(basis, 58), $"basis column {sheet.Column(8).Width} for text of width {basis}");
        Assert.True(sheet.Column(2).Width >= AssessmentWorkbook.TextWidth("受理单质量差错率"));
    }
}
