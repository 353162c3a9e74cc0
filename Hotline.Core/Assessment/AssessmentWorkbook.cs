using System.Globalization;
using ClosedXML.Excel;

namespace Hotline.Core.Assessment;

/// <summary>
/// The monthly assessment workbook (ClosedXML): 考核汇总, 每日话务, 坐席明细, 质检明细, 责任投诉, 人员变动, 扣款计算.
/// Every figure is taken from the <see cref="AssessmentReport"/> the page shows. Rates are stored as fractions
/// with a percent format, durations as days with <c>[h]:mm:ss</c>; each sheet has a title row (month and
/// generation time), a frozen header row, widths fitted to Chinese text, and a landscape, fit-to-width print
/// setup that repeats the title and header rows. Summary-sized sheets only: raw calls go to the streamed CSV.
/// </summary>
public static class AssessmentWorkbook
{
    public const string SummarySheet = "考核汇总";
    public const string DailySheet = "每日话务";
    public const string AgentsSheet = "坐席明细";
    public const string QualitySheet = "质检明细";
    public const string ComplaintsSheet = "责任投诉";
    public const string StaffSheet = "人员变动";
    public const string DeductionsSheet = "扣款计算";

    /// <summary>Rows above the data: 1 title, 2 subtitle, 3 header; data starts on row 4.</summary>
    public const int HeaderRow = 3;

    public const string PercentFormat = "0.00%";
    public const string DurationFormat = "[h]:mm:ss";
    public const string MoneyFormat = "#,##0.00";

    public static void Write(AssessmentReport report, TimeZoneInfo zone, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        var generated = TimeZoneInfo.ConvertTime(report.GeneratedAt, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var status = report.Confirmation is { } c
            ? $"已确认（{c.ConfirmedBy}，{TimeZoneInfo.ConvertTime(c.ConfirmedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}）"
            : "未确认（数据可能变化）";
        var subtitle = $"考核月份：{report.Month.ToChinese()}    生成时间：{generated}    状态：{status}";

        Summary(Sheet(workbook, SummarySheet, report, subtitle), report);
        Daily(Sheet(workbook, DailySheet, report, subtitle), report);
        Agents(Sheet(workbook, AgentsSheet, report, subtitle), report);
        Quality(Sheet(workbook, QualitySheet, report, subtitle), report, zone);
        Complaints(Sheet(workbook, ComplaintsSheet, report, subtitle), report);
        Staff(Sheet(workbook, StaffSheet, report, subtitle), report);
        Deductions(Sheet(workbook, DeductionsSheet, report, subtitle), report);
        workbook.SaveAs(output);
    }

    /// <summary>A fraction of a day: how Excel stores a duration.</summary>
    public static double Duration(double seconds) => seconds / 86400.0;

    /// <summary>An indicator's value as the workbook stores it (fraction for rates).</summary>
    public static double? StoredValue(IndicatorResult result) => result.Value;

    /// <summary>A target as the workbook stores it: a fraction for rates (the rule keeps percent points).</summary>
    public static double StoredTarget(IndicatorResult result) =>
        IndicatorDefinition.Of(result.Indicator).Unit == IndicatorUnit.Percent ? result.Target / 100 : result.Target;

    private static string ValueFormat(AssessmentIndicator indicator) => IndicatorDefinition.Of(indicator).Unit switch
    {
        IndicatorUnit.Percent => PercentFormat,
        IndicatorUnit.Count => "0",
        _ => "0.0",
    };

    private static SheetWriter Sheet(XLWorkbook workbook, string name, AssessmentReport report, string subtitle) =>
        Sheet(workbook, name, report.Month.ToChinese(), subtitle,
            subtitle[(subtitle.IndexOf("生成时间", StringComparison.Ordinal))..subtitle.IndexOf("    状态", StringComparison.Ordinal)]);

    /// <summary>A sheet in the house style: title and subtitle rows, frozen header row, landscape fit-to-width print setup.</summary>
    internal static SheetWriter Sheet(XLWorkbook workbook, string name, string period, string subtitle, string generated)
    {
        var sheet = workbook.Worksheets.Add(name);
        sheet.Cell(1, 1).Value = $"12345政务服务便民热线 {period} {name}";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(2, 1).Value = subtitle;
        sheet.Style.Font.FontName = "微软雅黑";
        var setup = sheet.PageSetup;
        setup.PageOrientation = XLPageOrientation.Landscape;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.FitToPages(1, 0);
        setup.SetRowsToRepeatAtTop(1, HeaderRow);
        setup.Header.Center.AddText($"{period} {name}");
        setup.Header.Right.AddText(generated);
        setup.Footer.Center.AddText("第 ");
        setup.Footer.Center.AddText(XLHFPredefinedText.PageNumber);
        setup.Footer.Center.AddText(" 页，共 ");
        setup.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages);
        setup.Footer.Center.AddText(" 页");
        sheet.SheetView.FreezeRows(HeaderRow);
        return new SheetWriter(sheet);
    }

    /// <summary>A sheet being written, with the widest text seen per column (so widths need no second pass over the cells).</summary>
    internal sealed class SheetWriter(IXLWorksheet sheet)
    {
        public IXLWorksheet Sheet { get; } = sheet;
        public double[] Widths { get; } = new double[32];

        public IXLCell Cell(int row, int column) => Sheet.Cell(row, column);

        public IXLRow Row(int row) => Sheet.Row(row);

        public void Measure(int column, double width) => Widths[column] = Math.Max(Widths[column], width);
    }

    internal static void Header(SheetWriter sheet, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var cell = sheet.Cell(HeaderRow, i + 1);
            cell.Value = names[i];
            sheet.Measure(i + 1, TextWidth(names[i]));
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromArgb(0xDD, 0xE6, 0xF1);
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            cell.Style.Alignment.WrapText = true;
        }
    }

    internal static void Set(SheetWriter sheet, int row, int column, object? value, string? format = null)
    {
        var cell = sheet.Cell(row, column);
        switch (value)
        {
            case null: break;
            case string s: cell.SetValue(s); sheet.Measure(column, TextWidth(s)); break;
            case int i: cell.SetValue(i); sheet.Measure(column, Math.Max(format?.Length ?? 0, 6) + 2); break;
            case double d: cell.SetValue(d); sheet.Measure(column, Math.Max(format?.Length ?? 0, 6) + 2); break;
            case decimal m: cell.SetValue(m); sheet.Measure(column, 14); break;
            case DateTime t: cell.SetValue(t); sheet.Measure(column, 18); break;
            default: cell.SetValue(value.ToString()); break;
        }

        if (format is not null)
        {
            cell.Style.NumberFormat.Format = format;
        }
    }

    internal static void Finish(SheetWriter writer, int lastRow, int columns)
    {
        var sheet = writer.Sheet;
        if (lastRow >= HeaderRow)
        {
            var table = sheet.Range(HeaderRow, 1, lastRow, columns);
            table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            sheet.PageSetup.PrintAreas.Add(1, 1, lastRow, columns);
        }

        // Widths from the text itself: a Chinese character is about two Latin ones wide (no GDI measuring on Linux).
        for (var c = 1; c <= columns; c++)
        {
            sheet.Column(c).Width = Math.Min(Math.Max(writer.Widths[c], 6) + 2, 60);
        }
    }

    public static double TextWidth(string text)
    {
        double width = 0;
        foreach (var ch in text)
        {
            width += ch > 0x2E80 ? 2.1 : 1.1;
        }

        return width;
    }

    private static void Summary(SheetWriter sheet, AssessmentReport report)
    {
        Header(sheet, "序号", "考核指标", "完成值", "目标值", "是否达标", "差距", "扣款（元）", "计算依据");
        var row = HeaderRow;
        foreach (var result in report.Indicators)
        {
            row++;
            var format = ValueFormat(result.Indicator);
            Set(sheet, row, 1, (int)result.Indicator + 1);
            Set(sheet, row, 2, result.Name);
            Set(sheet, row, 3, result.Value is { } v ? v : "未录入", format);
            Set(sheet, row, 4, StoredTarget(result), format);
            Set(sheet, row, 5, PassText(result.Passed));
            Set(sheet, row, 6, result.Shortfall, "0.00");
            Set(sheet, row, 7, result.Deduction, MoneyFormat);
            Set(sheet, row, 8, result.Basis);
        }

        row++;
        Set(sheet, row, 2, "扣款合计");
        Set(sheet, row, 7, report.TotalDeduction, MoneyFormat);
        sheet.Row(row).Style.Font.Bold = true;
        Finish(sheet, row, 8);
    }

    public static string PassText(bool? passed) => passed switch { true => "达标", false => "未达标", _ => "—" };

    private static void Daily(SheetWriter sheet, AssessmentReport report)
    {
        Header(sheet, "日期", "日期类型", "呼入量", "进入人工", "人工接听", "智能服务", "放弃", "短时放弃", "有效接通率", "人工接通率", "15秒接通率", "平均应答时长", "平均处理时长");
        var row = HeaderRow;
        foreach (var day in report.Days)
        {
            row++;
            Set(sheet, row, 1, day.Day.ToDateTime(TimeOnly.MinValue), "yyyy-mm-dd");
            Set(sheet, row, 2, day.DayKind);
            CallColumns(sheet, row, 3, day.Calls);
        }

        row++;
        Set(sheet, row, 1, "合计");
        CallColumns(sheet, row, 3, report.Calls);
        sheet.Row(row).Style.Font.Bold = true;
        Finish(sheet, row, 13);
    }

    internal static void CallColumns(SheetWriter sheet, int row, int column, CallFigures f)
    {
        Set(sheet, row, column, f.Offered);
        Set(sheet, row, column + 1, f.OfferedToAgents);
        Set(sheet, row, column + 2, f.Answered);
        Set(sheet, row, column + 3, f.SelfServed);
        Set(sheet, row, column + 4, f.Abandoned);
        Set(sheet, row, column + 5, f.ShortAbandoned);
        Set(sheet, row, column + 6, f.EffectiveConnectionRate, PercentFormat);
        Set(sheet, row, column + 7, f.AgentConnectionRate, PercentFormat);
        Set(sheet, row, column + 8, f.ServiceLevel15s, PercentFormat);
        Set(sheet, row, column + 9, Duration(f.AverageSpeedOfAnswerSeconds), DurationFormat);
        Set(sheet, row, column + 10, Duration(f.AverageHandleTimeSeconds), DurationFormat);
    }

    private static void Agents(SheetWriter sheet, AssessmentReport report)
    {
        Header(sheet, "工号", "姓名", "接听量", "通话时长", "平均处理时长", "上岗时长", "在线工作时长", "用工时长", "质检数", "差错受理单");
        var row = HeaderRow;
        foreach (var a in report.Agents)
        {
            row++;
            Set(sheet, row, 1, a.AgentId);
            Set(sheet, row, 2, a.Name);
            Set(sheet, row, 3, a.Answered);
            Set(sheet, row, 4, Duration(a.TalkSeconds), DurationFormat);
            Set(sheet, row, 5, Duration(a.AverageHandleTimeSeconds), DurationFormat);
            Set(sheet, row, 6, Duration(a.OnDutySeconds), DurationFormat);
            Set(sheet, row, 7, Duration(a.OnlineSeconds), DurationFormat);
            Set(sheet, row, 8, a.StaffedTimeRatio, PercentFormat);
            Set(sheet, row, 9, a.Reviewed);
            Set(sheet, row, 10, a.ErrorTickets);
        }

        row++;
        Set(sheet, row, 1, "合计");
        Set(sheet, row, 3, report.Agents.Sum(a => a.Answered));
        Set(sheet, row, 4, Duration(report.Agents.Sum(a => a.TalkSeconds)), DurationFormat);
        Set(sheet, row, 6, Duration(report.OnDutySeconds), DurationFormat);
        Set(sheet, row, 7, Duration(report.OnlineSeconds), DurationFormat);
        Set(sheet, row, 8, report[AssessmentIndicator.StaffedTimeRatio].Value ?? 0, PercentFormat);
        Set(sheet, row, 9, report.Agents.Sum(a => a.Reviewed));
        Set(sheet, row, 10, report.Agents.Sum(a => a.ErrorTickets));
        sheet.Row(row).Style.Font.Bold = true;
        Finish(sheet, row, 10);
    }

    private static void Quality(SheetWriter sheet, AssessmentReport report, TimeZoneInfo zone)
    {
        Header(sheet, "受理单号", "受理人", "工号", "抽取方式", "质检结果", "差错类型", "质检意见", "质检员", "质检时间", "申诉理由", "申诉处理");
        var row = HeaderRow;
        foreach (var r in report.Reviews)
        {
            row++;
            Set(sheet, row, 1, r.TicketNumber);
            Set(sheet, row, 2, r.AgentUserName);
            Set(sheet, row, 3, r.AgentId);
            Set(sheet, row, 4, r.Pick == QualityPick.Random ? "随机抽检" : "定向抽检");
            Set(sheet, row, 5, QualityReview.StatusText(r.Status));
            Set(sheet, row, 6, string.Join("；", r.Errors.Select(QualityErrorType.NameOf)));
            Set(sheet, row, 7, r.Note);
            Set(sheet, row, 8, r.Reviewer);
            if (r.ReviewedAt is { } at)
            {
                Set(sheet, row, 9, TimeZoneInfo.ConvertTime(at, zone).DateTime, "yyyy-mm-dd hh:mm");
            }

            Set(sheet, row, 10, r.DisputeNote);
            Set(sheet, row, 11, r.ResolutionNote);
        }

        row += 2;
        Set(sheet, row, 1, "受理单总数");
        Set(sheet, row, 2, report.TicketsRegistered);
        Set(sheet, row + 1, 1, "差错受理单");
        Set(sheet, row + 1, 2, report.ErrorTickets);
        Set(sheet, row + 2, 1, "差错率");
        Set(sheet, row + 2, 2, report[AssessmentIndicator.TicketErrorRate].Value ?? 0, PercentFormat);
        Finish(sheet, row + 2, 11);
    }

    private static void Complaints(SheetWriter sheet, AssessmentReport report)
    {
        Header(sheet, "登记日期", "受理单号", "工号", "投诉内容", "认定结果", "认定理由", "登记人");
        var row = HeaderRow;
        foreach (var c in report.Complaints)
        {
            row++;
            Set(sheet, row, 1, c.ReceivedOn.ToDateTime(TimeOnly.MinValue), "yyyy-mm-dd");
            Set(sheet, row, 2, c.TicketNumber);
            Set(sheet, row, 3, c.AgentId);
            Set(sheet, row, 4, c.Summary);
            Set(sheet, row, 5, Complaint.FindingText(c.Finding));
            Set(sheet, row, 6, c.FindingNote);
            Set(sheet, row, 7, c.RecordedBy);
        }

        row += 2;
        Set(sheet, row, 1, "有责投诉");
        Set(sheet, row, 2, report.FaultComplaints);
        Finish(sheet, row, 7);
    }

    private static void Staff(SheetWriter sheet, AssessmentReport report)
    {
        Header(sheet, "日期", "变动", "姓名", "工号", "岗位", "离职原因", "计入流失");
        var row = HeaderRow;
        foreach (var s in report.StaffChanges)
        {
            row++;
            Set(sheet, row, 1, s.Day.ToDateTime(TimeOnly.MinValue), "yyyy-mm-dd");
            Set(sheet, row, 2, s.Change);
            Set(sheet, row, 3, s.Name);
            Set(sheet, row, 4, s.AgentId);
            Set(sheet, row, 5, s.Post);
            Set(sheet, row, 6, s.Reason);
            Set(sheet, row, 7, s.Change == "离职" ? (s.CountsAsTurnover ? "是" : "否") : null);
        }

        var t = report.Turnover;
        row += 2;
        Set(sheet, row, 1, "统计区间");
        Set(sheet, row, 2, $"{t.WindowStart:yyyy-MM-dd} 至 {t.WindowEnd:yyyy-MM-dd}");
        Set(sheet, row + 1, 1, "流失人数");
        Set(sheet, row + 1, 2, t.Leavers);
        Set(sheet, row + 2, 1, "不计入人数");
        Set(sheet, row + 2, 2, t.ExcludedLeavers);
        Set(sheet, row + 3, 1, "平均在岗人数");
        Set(sheet, row + 3, 2, t.AverageHeadcount, "0.00");
        Set(sheet, row + 4, 1, "人员流失率");
        Set(sheet, row + 4, 2, t.Rate, PercentFormat);
        Finish(sheet, row + 4, 7);
    }

    private static void Deductions(SheetWriter sheet, AssessmentReport report)
    {
        Header(sheet, "考核指标", "规则生效月份", "目标值", "扣款步长", "每档扣款（元）", "扣款上限（元）", "完成值", "差距", "档数", "扣款（元）");
        var row = HeaderRow;
        foreach (var r in report.Indicators)
        {
            row++;
            var definition = IndicatorDefinition.Of(r.Indicator);
            Set(sheet, row, 1, r.Name);
            Set(sheet, row, 2, r.Rule.EffectiveFrom.ToString());
            Set(sheet, row, 3, StoredTarget(r), ValueFormat(r.Indicator));
            Set(sheet, row, 4, $"{r.Rule.Step.ToString(CultureInfo.InvariantCulture)} {definition.UnitText}");
            Set(sheet, row, 5, r.Rule.AmountPerStep, MoneyFormat);
            Set(sheet, row, 6, r.Rule.Cap is { } cap ? cap : "不设上限", MoneyFormat);
            Set(sheet, row, 7, r.Value is { } v ? v : "未录入", ValueFormat(r.Indicator));
            Set(sheet, row, 8, r.Shortfall, "0.00");
            Set(sheet, row, 9, r.Steps);
            Set(sheet, row, 10, r.Deduction, MoneyFormat);
        }

        row++;
        Set(sheet, row, 1, "合计");
        Set(sheet, row, 10, report.TotalDeduction, MoneyFormat);
        sheet.Row(row).Style.Font.Bold = true;
        Finish(sheet, row, 10);
    }
}
