using System.Globalization;
using ClosedXML.Excel;

namespace Hotline.Core.Assessment;

/// <summary>
/// Reads a month's roster from an Excel workbook (the first sheet; header row with 工号, 日期, 开始时间, 结束时间 and
/// optionally 班次; one shift per row; an end not after the start is the next day). Every bad row is reported with
/// its row number and reason, and any error means no shift at all is returned, so an import is all or nothing.
/// </summary>
public static class RosterImport
{
    public const int MaxRows = 10000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    public static RosterImportResult Read(Stream workbook, AssessmentMonth month, TimeZoneInfo zone, IReadOnlySet<string> knownAgents)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(knownAgents);
        XLWorkbook book;
        try
        {
            book = new XLWorkbook(workbook);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Fail("文件无法作为 Excel 工作簿打开");
        }

        using (book)
        {
            var sheet = book.Worksheets.FirstOrDefault();
            if (sheet is null)
            {
                return Fail("工作簿中没有工作表");
            }

            var headerRow = sheet.FirstRowUsed();
            if (headerRow is null)
            {
                return Fail("工作表是空的");
            }

            var columns = headerRow.CellsUsed().ToDictionary(c => c.GetString().Trim(), c => c.Address.ColumnNumber, StringComparer.Ordinal);
            var missing = new[] { "工号", "日期", "开始时间", "结束时间" }.Where(h => !columns.ContainsKey(h)).ToList();
            if (missing.Count > 0)
            {
                return Fail($"第{headerRow.RowNumber()}行（表头）缺少列：{string.Join("、", missing)}");
            }

            var errors = new List<string>();
            var shifts = new List<(int Row, RosterShift Shift)>();
            var last = sheet.LastRowUsed()!.RowNumber();
            if (last - headerRow.RowNumber() > MaxRows)
            {
                return Fail($"行数过多：一次最多导入 {MaxRows} 行");
            }

            for (var r = headerRow.RowNumber() + 1; r <= last; r++)
            {
                var row = sheet.Row(r);
                if (row.IsEmpty())
                {
                    continue;
                }

                var reasons = new List<string>();
                var agent = row.Cell(columns["工号"]).GetString().Trim();
                if (agent.Length == 0)
                {
                    reasons.Add("工号为空");
                }
                else if (!knownAgents.Contains(agent))
                {
                    reasons.Add($"工号“{agent}”不在人员台账或坐席账号中");
                }

                var day = ReadDate(row.Cell(columns["日期"]));
                if (day is null)
                {
                    reasons.Add($"日期“{row.Cell(columns["日期"]).GetString()}”无法识别，应为 {month.FirstDay:yyyy-MM-dd} 这样的日期");
                }
                else if (!month.Contains(day.Value))
                {
                    reasons.Add($"日期 {day:yyyy-MM-dd} 不在导入月份{month.ToChinese()}内");
                }

                var start = ReadTime(row.Cell(columns["开始时间"]));
                var end = ReadTime(row.Cell(columns["结束时间"]));
                if (start is null) reasons.Add($"开始时间“{row.Cell(columns["开始时间"]).GetString()}”无法识别，应为 08:30 这样的时间");
                if (end is null) reasons.Add($"结束时间“{row.Cell(columns["结束时间"]).GetString()}”无法识别，应为 17:30 这样的时间");
                if (start is not null && start == end) reasons.Add("开始时间与结束时间相同");

                if (reasons.Count > 0)
                {
                    errors.Add($"第{r}行：{string.Join("；", reasons)}");
                    continue;
                }

                var name = columns.TryGetValue("班次", out var nameColumn) ? row.Cell(nameColumn).GetString().Trim() : "";
                var shift = RosterShift.FromLocal(agent, day!.Value, start!.Value, end!.Value, zone, name);
                var clash = shifts.FirstOrDefault(s => s.Shift.AgentId == agent && s.Shift.StartsAt < shift.EndsAt && s.Shift.EndsAt > shift.StartsAt);
                if (clash.Shift is not null)
                {
                    errors.Add($"第{r}行：与第{clash.Row}行 {agent} 的班次时间重叠");
                    continue;
                }

                shifts.Add((r, shift));
            }

            if (errors.Count == 0 && shifts.Count == 0)
            {
                errors.Add("没有可导入的班次");
            }

            return errors.Count > 0 ? new RosterImportResult([], errors) : new RosterImportResult(shifts.Select(s => s.Shift).ToList(), []);
        }
    }

    private static RosterImportResult Fail(string error) => new([], [error]);

    private static DateOnly? ReadDate(IXLCell cell)
    {
        if (cell.DataType == XLDataType.DateTime)
        {
            return DateOnly.FromDateTime(cell.GetDateTime());
        }

        if (cell.DataType == XLDataType.Number && cell.GetDouble() is var serial && serial is > 1 and < 2958465)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        var text = cell.GetString().Trim();
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static TimeOnly? ReadTime(IXLCell cell)
    {
        if (cell.DataType == XLDataType.DateTime)
        {
            return TimeOnly.FromDateTime(cell.GetDateTime());
        }

        if (cell.DataType is XLDataType.TimeSpan)
        {
            var span = cell.GetTimeSpan();
            return span >= TimeSpan.Zero && span < TimeSpan.FromDays(1) ? TimeOnly.FromTimeSpan(span) : null;
        }

        if (cell.DataType == XLDataType.Number && cell.GetDouble() is var fraction && fraction is >= 0 and < 1)
        {
            return TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round(fraction * 24 * 60)));
        }

        var text = cell.GetString().Trim();
        return TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }
}
