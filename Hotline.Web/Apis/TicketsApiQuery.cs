using Hotline.Core.Tickets;
using Hotline.Core.Tickets.Storage;
using System.Globalization;

namespace Hotline.Web.Apis;

/// <summary>Reads the list filters of <c>GET /api/tickets</c>, naming every bad parameter.</summary>
public static class TicketsApiQuery
{
    public static (TicketQuery Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>();
        string? Get(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        var statuses = new List<TicketStatus>();
        foreach (var part in (Get("status") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryEnum<TicketStatus>(part, out var status))
                statuses.Add(status);
            else
                errors["status"] = [$"未知的工单状态：{part}（可用：{string.Join(", ", Enum.GetNames<TicketStatus>())}）"];
        }

        RequestType? type = null;
        if (Get("type") is { } typeText)
        {
            if (TryEnum<RequestType>(typeText, out var t)) type = t;
            else errors["type"] = [$"未知的诉求类型：{typeText}（可用：{string.Join(", ", Enum.GetNames<RequestType>())}）"];
        }

        Urgency? urgency = null;
        if (Get("urgency") is { } urgencyText)
        {
            if (TryEnum<Urgency>(urgencyText, out var u)) urgency = u;
            else errors["urgency"] = [$"未知的紧急程度：{urgencyText}（可用：{string.Join(", ", Enum.GetNames<Urgency>())}）"];
        }

        long? category = null;
        if (Get("category") is { } categoryText)
        {
            if (long.TryParse(categoryText, NumberStyles.None, CultureInfo.InvariantCulture, out var c)) category = c;
            else errors["category"] = ["分类编号应为数字"];
        }

        var overdue = false;
        if (Get("overdue") is { } overdueText && !bool.TryParse(overdueText, out overdue))
            errors["overdue"] = ["overdue 应为 true 或 false"];

        TimeSpan? dueWithin = null;
        if (Get("dueWithinHours") is { } dueText)
        {
            if (double.TryParse(dueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours > 0 && hours <= 24 * 365)
                dueWithin = TimeSpan.FromHours(hours);
            else
                errors["dueWithinHours"] = ["dueWithinHours 应为正数（小时）"];
        }

        var from = ParseInstant(Get("from"), zone, endOfDay: false, "from", errors);
        var to = ParseInstant(Get("to"), zone, endOfDay: true, "to", errors);
        if (from is not null && to is not null && from >= to)
            errors["to"] = ["结束时间应晚于开始时间"];

        var page = ParseInt(Get("page"), 1, 1, int.MaxValue, "page", "页码应为大于 0 的整数", errors);
        var pageSize = ParseInt(Get("pageSize"), TicketQuery.DefaultPageSize, 1, TicketQuery.MaxPageSize, "pageSize",
            $"每页条数应在 1 到 {TicketQuery.MaxPageSize} 之间", errors);

        return (new TicketQuery
        {
            Text = Get("q"),
            Statuses = statuses,
            RequestType = type,
            CategoryId = category,
            DepartmentId = Get("department"),
            Street = Get("street"),
            Urgency = urgency,
            OverdueOnly = overdue,
            DueWithin = dueWithin,
            RegisteredFrom = from,
            RegisteredTo = to,
            Page = page,
            PageSize = pageSize,
        }, errors);
    }

    /// <summary>Names only (numbers would make "0" mean a status by accident).</summary>
    private static bool TryEnum<T>(string text, out T value) where T : struct, Enum
        => Enum.TryParse(text, ignoreCase: true, out value) && !char.IsDigit(text[0]) && Enum.IsDefined(value);

    /// <summary>A local date (yyyy-MM-dd: from its start, or "to" through its end) or a full ISO 8601 instant.</summary>
    private static DateTimeOffset? ParseInstant(string? text, TimeZoneInfo zone, bool endOfDay, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var local = (endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant;
        errors[field] = ["日期格式应为 yyyy-MM-dd 或 ISO 8601 时间"];
        return null;
    }

    private static int ParseInt(string? text, int fallback, int min, int max, string field, string message, Dictionary<string, string[]> errors)
    {
        if (text is null)
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[field] = [message];
        return fallback;
    }
}
