using Dapper;
using Hotline.Core.Calls;
using Hotline.Core.Data;
using Hotline.Telephony;

namespace Hotline.Core.Assessment.Storage;

/// <summary>
/// Streams a month's stored calls and seat intervals into the tallies (a data reader, only the needed columns, no
/// record per row: a busy month is 150,000 calls and over half a million intervals), and counts its tickets.
/// </summary>
public sealed class AssessmentSource(ConnectionFactory connections)
{
    public Task AddCallsAsync(CallMonthTally tally, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return ReadCallsAsync(tally.Month.Start(tally.Zone), tally.Month.End(tally.Zone), tally.Add, cancellationToken);
    }

    /// <summary>Adds the inbound calls of a day or a week (operation reports).</summary>
    public Task AddCallsAsync(CallPeriodTally tally, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return ReadCallsAsync(tally.From, tally.To, tally.Add, cancellationToken);
    }

    private delegate void CallSink(in CallFacts call);

    private async Task ReadCallsAsync(DateTimeOffset from, DateTimeOffset to, CallSink add, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            """
            SELECT arrived_at,
                   CASE outcome WHEN 'Answered' THEN 1 WHEN 'SelfServed' THEN 2 WHEN 'Abandoned' THEN 3 WHEN 'Other' THEN 4 WHEN 'CallbackRequested' THEN 5 ELSE 0 END,
                   queued_at, answered_at, ended_at, wait_seconds, talk_seconds, wrap_up_seconds, agent_id
            FROM calls WHERE arrived_at >= @from AND arrived_at < @to AND direction = 'inbound'
            """,
            new { from = DbTime.ToDb(from), to = DbTime.ToDb(to) },
            cancellationToken: cancellationToken));
        var agents = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var facts = new CallFacts(
                DbTime.FromDb(reader.GetInt64(0)),
                Outcomes[reader.GetInt32(1)],
                !reader.IsDBNull(2),
                !reader.IsDBNull(3),
                !reader.IsDBNull(4),
                reader.GetDouble(5),
                reader.GetDouble(6),
                reader.GetDouble(7),
                reader.IsDBNull(8) ? null : Intern(agents, reader.GetString(8)));
            add(facts);
        }
    }

    /// <summary>Adds the seat intervals overlapping [from, to): the month's shifts, widened by a day for shifts across midnight.</summary>
    public async Task AddIntervalsAsync(StaffedTimeTally tally, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            // States as numbers (no string per row); breaks and other non-work NotReady time are left in the database.
            // Npgsql sends a list as one array parameter, which IN cannot take; Dapper expands it for the others.
            """
            SELECT agent_id,
                   CASE state WHEN 'Ready' THEN 1 WHEN 'Ringing' THEN 2 WHEN 'OnCall' THEN 3 WHEN 'WrapUp' THEN 4 ELSE 5 END,
                   reason, started_at, ended_at
            FROM seat_intervals
            WHERE started_at < @to AND ended_at > @from AND (state IN ('Ready', 'Ringing', 'OnCall', 'WrapUp') OR (state = 'NotReady' AND reason REASONS))
            """.Replace("REASONS", connections.Dialect.Provider == DatabaseProvider.PostgreSql ? "= ANY(@reasons)" : "IN @reasons", StringComparison.Ordinal),
            new { from = DbTime.ToDb(from), to = DbTime.ToDb(to), reasons = tally.WorkReasons.DefaultIfEmpty("").ToArray() }, cancellationToken: cancellationToken));
        var agents = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            tally.Add(
                Intern(agents, reader.GetString(0)),
                States[reader.GetInt32(1)],
                reader.IsDBNull(2) ? null : reader.GetString(2),
                DbTime.FromDb(reader.GetInt64(3)),
                DbTime.FromDb(reader.GetInt64(4)));
        }
    }

    public async Task<int> CountTicketsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM tickets WHERE created_at >= @from AND created_at < @to",
            new { from = DbTime.ToDb(from), to = DbTime.ToDb(to) }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The creation times of the tickets registered in [from, to), the closing times of those closed in it, and the
    /// open tickets whose current deadline is before <paramref name="overdueAt"/> (finished tickets have no deadline).
    /// </summary>
    public async Task<(IReadOnlyList<DateTimeOffset> Registered, IReadOnlyList<DateTimeOffset> Closed, int Overdue)> TicketTimesAsync(
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset overdueAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var range = new { from = DbTime.ToDb(from), to = DbTime.ToDb(to), overdueAt = DbTime.ToDb(overdueAt) };
        var registered = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT created_at FROM tickets WHERE created_at >= @from AND created_at < @to", range, cancellationToken: cancellationToken));
        var closed = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT closed_at FROM tickets WHERE closed_at >= @from AND closed_at < @to AND status = 'Closed'", range, cancellationToken: cancellationToken));
        var overdue = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM tickets WHERE deadline < @overdueAt AND status NOT IN ('Closed', 'Merged')", range, cancellationToken: cancellationToken));
        return (registered.Select(DbTime.FromDb).ToList(), closed.Select(DbTime.FromDb).ToList(), overdue);
    }

    private static string Intern(Dictionary<string, string> seen, string value)
    {
        if (seen.TryGetValue(value, out var known)) return known;
        seen[value] = value;
        return value;
    }

    private static readonly CallOutcome[] Outcomes = [CallOutcome.InProgress, CallOutcome.Answered, CallOutcome.SelfServed, CallOutcome.Abandoned, CallOutcome.Other, CallOutcome.CallbackRequested];

    private static readonly SeatState[] States = [SeatState.LoggedOut, SeatState.Ready, SeatState.Ringing, SeatState.OnCall, SeatState.WrapUp, SeatState.NotReady];
}
