using System.Globalization;
using System.Text;
using Dapper;
using Hotline.Core.Data;
using Hotline.Core.Tickets;

namespace Hotline.Core.Assessment;

/// <summary>
/// The month's raw records as CSV, streamed row by row from a data reader (UTF-8 with BOM so Excel reads the
/// Chinese, invariant numbers, times with their local offset), so an official can recompute any figure.
/// </summary>
public sealed class RawExport(ConnectionFactory connections)
{
    /// <summary>The calls export's header: the contract's columns first.</summary>
    public const string CallsHeader = "callId,arrivedAt,outcome,waitSeconds,talkSeconds,agentId,answeredAt,endedAt,wrapUpSeconds,queued,callerNumber,ivrNode,ticketNumber";

    public const string TicketsHeader = "受理单号,受理时间,渠道,诉求类型,分类,街道,社区,紧急程度,状态,主办单位,受理人,来电号码,来电人,保密,诉求内容,办结时间";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// One row per inbound call that arrived in the month, in arrival order. <c>outcome</c> is <c>answered</c>
    /// (by an agent), <c>selfServed</c> (IVR), <c>abandoned</c> or <c>other</c> (hung up in the IVR menu, or cut
    /// off). Caller numbers go through <paramref name="mask"/>. Returns the number of rows.
    /// </summary>
    public async Task<int> WriteCallsAsync(AssessmentMonth month, TimeZoneInfo zone, Stream output, Func<string?, string?> mask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mask);
        await using var writer = new StreamWriter(output, Utf8WithBom, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(CallsHeader.AsMemory(), cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            """
            SELECT call_id, arrived_at, outcome, answered_at, ended_at, wait_seconds, talk_seconds, wrap_up_seconds, agent_id,
                   queued_at, caller_number, ivr_node, ticket_number
            FROM calls WHERE arrived_at >= @from AND arrived_at < @to AND direction = 'inbound' ORDER BY arrived_at, call_id
            """,
            new { from = DbTime.ToDb(month.Start(zone)), to = DbTime.ToDb(month.End(zone)) }, cancellationToken: cancellationToken));
        var line = new StringBuilder(256);
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            line.Clear();
            var outcome = reader.GetString(2);
            var answered = !reader.IsDBNull(3) || outcome == "Answered";
            Field(line, reader.GetString(0));
            Field(line, Time(reader.GetInt64(1), zone));
            Field(line, answered ? "answered" : outcome switch { "SelfServed" => "selfServed", "Abandoned" => "abandoned", _ => "other" });
            Field(line, Number(reader.GetDouble(5)));
            Field(line, Number(reader.GetDouble(6)));
            Field(line, reader.IsDBNull(8) ? "" : reader.GetString(8));
            Field(line, reader.IsDBNull(3) ? "" : Time(reader.GetInt64(3), zone));
            Field(line, reader.IsDBNull(4) ? "" : Time(reader.GetInt64(4), zone));
            Field(line, Number(reader.GetDouble(7)));
            Field(line, reader.IsDBNull(9) ? "false" : "true");
            Field(line, mask(reader.GetString(10)));
            Field(line, reader.IsDBNull(11) ? "" : reader.GetString(11));
            Field(line, reader.IsDBNull(12) ? "" : reader.GetString(12), last: true);
            await writer.WriteLineAsync(line, cancellationToken);
            rows++;
        }

        await writer.FlushAsync(cancellationToken);
        return rows;
    }

    /// <summary>
    /// One row per ticket registered in the month. Caller numbers go through <paramref name="mask"/>; a confidential
    /// ticket's caller (number and name) is left out. Returns the number of rows.
    /// </summary>
    public async Task<int> WriteTicketsAsync(AssessmentMonth month, TimeZoneInfo zone, Stream output, Func<string?, string?> mask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mask);
        await using var writer = new StreamWriter(output, Utf8WithBom, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(TicketsHeader.AsMemory(), cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            """
            SELECT number, created_at, channel, request_type, category_path, street, community, urgency, status, lead_department_id,
                   created_by, caller_number, caller_name, confidential, content, closed_at
            FROM tickets WHERE created_at >= @from AND created_at < @to ORDER BY created_at, number
            """,
            new { from = DbTime.ToDb(month.Start(zone)), to = DbTime.ToDb(month.End(zone)) }, cancellationToken: cancellationToken));
        var line = new StringBuilder(512);
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            line.Clear();
            var confidential = Convert.ToBoolean(reader.GetValue(13), CultureInfo.InvariantCulture);
            Field(line, reader.GetString(0));
            Field(line, Time(reader.GetInt64(1), zone));
            Field(line, Enum.TryParse<TicketChannel>(reader.GetString(2), out var channel) ? channel.ToDisplayName() : reader.GetString(2));
            Field(line, Enum.TryParse<RequestType>(reader.GetString(3), out var type) ? type.ToDisplayName() : reader.GetString(3));
            Field(line, Text(reader, 4));
            Field(line, Text(reader, 5));
            Field(line, Text(reader, 6));
            Field(line, Enum.TryParse<Urgency>(reader.GetString(7), out var urgency) ? urgency.ToDisplayName() : reader.GetString(7));
            Field(line, Enum.TryParse<TicketStatus>(reader.GetString(8), out var status) ? status.ToDisplayName() : reader.GetString(8));
            Field(line, Text(reader, 9));
            Field(line, reader.GetString(10));
            Field(line, confidential ? "" : mask(reader.GetString(11)));
            Field(line, confidential ? "" : Text(reader, 12));
            Field(line, confidential ? "是" : "否");
            Field(line, reader.GetString(14));
            Field(line, reader.IsDBNull(15) ? "" : Time(reader.GetInt64(15), zone), last: true);
            await writer.WriteLineAsync(line, cancellationToken);
            rows++;
        }

        await writer.FlushAsync(cancellationToken);
        return rows;
    }

    private static string Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);

    private static string Time(long unixMs, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DbTime.FromDb(unixMs), zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Appends a field, quoted when it needs to be; text that Excel would run as a formula gets a leading apostrophe.</summary>
    public static void Field(StringBuilder line, string? value, bool last = false)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            line.Append(value);
        }

        if (!last)
        {
            line.Append(',');
        }
    }
}
