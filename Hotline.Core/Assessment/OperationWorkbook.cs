using System.Globalization;
using ClosedXML.Excel;

namespace Hotline.Core.Assessment;

/// <summary>
/// The daily or weekly operation report as a one-sheet workbook in the assessment workbook's style (title rows,
/// frozen header, percent and [h]:mm:ss formats, landscape fit-to-width print setup). Rows are the report's rows,
/// then 合计, then the tickets overdue.
/// </summary>
public static class OperationWorkbook
{
    /// <summary>Columns: label, the 11 call columns of 每日话务, 回拨申请, 受理单登记, 受理单办结.</summary>
    public const int Columns = 15;

    public static void Write(OperationReport report, TimeZoneInfo zone, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        var generated = "生成时间：" + TimeZoneInfo.ConvertTime(report.GeneratedAt, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var subtitle = $"统计区间：{report.Period}    {generated}";
        var sheet = AssessmentWorkbook.Sheet(workbook, report.Name, report.Period, subtitle, generated);
        AssessmentWorkbook.Header(sheet, report.Weekly ? "日期" : "时段", "呼入量", "进入人工", "人工接听", "智能服务", "放弃", "短时放弃",
            "有效接通率", "人工接通率", "15秒接通率", "平均应答时长", "平均处理时长", "回拨申请", "受理单登记", "受理单办结");
        var row = AssessmentWorkbook.HeaderRow;
        foreach (var r in report.Rows)
        {
            row++;
            Line(sheet, row, r.Label, r.Calls, r.TicketsRegistered, r.TicketsClosed);
        }

        row++;
        Line(sheet, row, "合计", report.Calls, report.Tickets.Registered, report.Tickets.Closed);
        sheet.Row(row).Style.Font.Bold = true;
        AssessmentWorkbook.Finish(sheet, row, Columns);
        AssessmentWorkbook.Set(sheet, row + 2, 1, "超期未办结");
        AssessmentWorkbook.Set(sheet, row + 2, 2, report.Tickets.Overdue);
        sheet.Sheet.PageSetup.PrintAreas.Clear();
        sheet.Sheet.PageSetup.PrintAreas.Add(1, 1, row + 2, Columns);
        workbook.SaveAs(output);
    }

    private static void Line(AssessmentWorkbook.SheetWriter sheet, int row, string label, CallFigures calls, int registered, int closed)
    {
        AssessmentWorkbook.Set(sheet, row, 1, label);
        AssessmentWorkbook.CallColumns(sheet, row, 2, calls);
        AssessmentWorkbook.Set(sheet, row, 13, calls.CallbacksRequested);
        AssessmentWorkbook.Set(sheet, row, 14, registered);
        AssessmentWorkbook.Set(sheet, row, 15, closed);
    }
}
