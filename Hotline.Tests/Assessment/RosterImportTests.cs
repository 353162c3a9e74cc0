using ClosedXML.Excel;
using Hotline.Core.Assessment;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.Assessment;

public class RosterImportTests
{
    private static readonly HashSet<string> Known = ["A001", "A002", "A003"];

    private static MemoryStream Workbook(params object?[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("排班");
        string[] header = ["工号", "日期", "班次", "开始时间", "结束时间"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is { } value) sheet.Cell(r + 2, c + 1).Value = value;
            }
        }

        var stream = new MemoryStream();
        book.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private static RosterImportResult Read(MemoryStream workbook) => RosterImport.Read(workbook, October, Shanghai, Known);

    [Fact]
    public void Good_rows_become_shifts_with_night_shifts_ending_the_next_day()
    {
        var result = Read(Workbook(
            ["A001", new DateTime(2026, 10, 12), "早班", "08:00", "16:00"],
            ["A002", "2026-10-31", "夜班", "22:00", "06:00"],
            ["A003", "2026/10/5", null, new TimeSpan(13, 0, 0), new TimeSpan(21, 30, 0)]));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3, result.Shifts.Count);
        Assert.Equal(Shift("A001", 10, 12, 8, 16) with { Name = "早班" }, result.Shifts[0]);
        Assert.Equal(At(11, 1, 6), result.Shifts[1].EndsAt);
        Assert.Equal(8.5 * 3600, result.Shifts[2].Seconds);
    }

    [Fact]
    public void Each_bad_row_is_reported_by_its_row_number_and_nothing_is_imported()
    {
        var result = Read(Workbook(
            ["A001", "2026-10-12", "早班", "08:00", "16:00"],
            ["A999", "2026-10-12", "早班", "08:00", "16:00"],
            ["A002", "十月十二日", "早班", "08:00", "16:00"],
            ["A002", "2026-11-01", "早班", "08:00", "16:00"],
            ["A003", "2026-10-12", "早班", "8点", "16:00"],
            ["A001", "2026-10-12", "中班", "15:00", "20:00"],
            ["", "2026-10-12", "早班", "08:00", "16:00"]));

        Assert.False(result.Succeeded);
        Assert.Empty(result.Shifts);
        Assert.Equal(
        [
            "第3行：工号“A999”不在人员台账或坐席账号中",
            "第4行：日期“十月十二日”无法识别，应为 2026-10-01 这样的日期",
            "第5行：日期 2026-11-01 不在导入月份2026年10月内",
            "第6行：开始时间“8点”无法识别，应为 08:30 这样的时间",
            "第7行：与第2行 A001 的班次时间重叠",
            "第8行：工号为空",
        ], result.Errors);
    }

    [Fact]
    public void Empty_rows_between_shifts_are_skipped()
    {
        var result = Read(Workbook(["A001", "2026-10-12", "早班", "08:00", "16:00"], [], ["A002", "2026-10-12", "早班", "08:00", "16:00"]));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Shifts.Count);
    }

    [Fact]
    public void A_sheet_without_the_required_columns_is_refused()
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("排班");
        sheet.Cell(1, 1).Value = "工号";
        sheet.Cell(1, 2).Value = "日期";
        var stream = new MemoryStream();
        book.SaveAs(stream);
        stream.Position = 0;

        Assert.Equal(["第1行（表头）缺少列：开始时间、结束时间"], Read(stream).Errors);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused()
    {
        Assert.Equal(["文件无法作为 Excel 工作簿打开"], Read(new MemoryStream("PK\u0003\u0004 not really a zip"u8.ToArray())).Errors);
    }
}
