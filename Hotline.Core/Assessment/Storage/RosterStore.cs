using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Assessment.Storage;

/// <summary>The roster (<c>roster_shifts</c>): shifts per agent, by the local day they start.</summary>
public sealed class RosterStore(ConnectionFactory connections)
{
    private const string Select = "SELECT id AS Id, agent_id AS AgentId, day AS Day, starts_at AS StartsAt, ends_at AS EndsAt, name AS Name FROM roster_shifts";

    /// <summary>Shifts starting on a day of <paramref name="month"/>, by day, agent and start.</summary>
    public async Task<IReadOnlyList<RosterShift>> ForMonthAsync(AssessmentMonth month, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE day >= @from AND day <= @to ORDER BY day, agent_id, starts_at",
            new { from = StoredDay.ToDb(month.FirstDay), to = StoredDay.ToDb(month.LastDay) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToShift()).ToList();
    }

    /// <summary>
    /// Adds a shift; refuses (returns a Chinese reason) one that overlaps another shift of the same agent.
    /// </summary>
    public async Task<string?> AddAsync(RosterShift shift, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shift);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var overlapping = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM roster_shifts WHERE agent_id = @agent AND starts_at < @end AND ends_at > @start",
            new { agent = shift.AgentId, start = DbTime.ToDb(shift.StartsAt), end = DbTime.ToDb(shift.EndsAt) }, transaction, cancellationToken: cancellationToken));
        if (overlapping > 0)
        {
            return $"{shift.AgentId} 的班次与已有班次时间重叠";
        }

        await InsertAsync(connection, transaction, [shift], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM roster_shifts WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Replaces the whole roster of <paramref name="month"/> with <paramref name="shifts"/>, in one transaction.</summary>
    public async Task ReplaceMonthAsync(AssessmentMonth month, IReadOnlyList<RosterShift> shifts, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM roster_shifts WHERE day >= @from AND day <= @to",
            new { from = StoredDay.ToDb(month.FirstDay), to = StoredDay.ToDb(month.LastDay) }, transaction, cancellationToken: cancellationToken));
        await InsertAsync(connection, transaction, shifts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether any shift is stored (the demo roster is only added to an empty table).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM roster_shifts", cancellationToken: cancellationToken)) > 0;
    }

    private static Task InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IReadOnlyList<RosterShift> shifts, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO roster_shifts (agent_id, day, starts_at, ends_at, name) VALUES (@AgentId, @Day, @StartsAt, @EndsAt, @Name)",
            shifts.Select(s => new { s.AgentId, Day = StoredDay.ToDb(s.Day), StartsAt = DbTime.ToDb(s.StartsAt), EndsAt = DbTime.ToDb(s.EndsAt), s.Name }),
            transaction, cancellationToken: cancellationToken));

    private sealed class Row
    {
        public long Id { get; set; }
        public string AgentId { get; set; } = "";
        public string Day { get; set; } = "";
        public long StartsAt { get; set; }
        public long EndsAt { get; set; }
        public string Name { get; set; } = "";

        public RosterShift ToShift() => new(AgentId, StoredDay.FromDb(Day), DbTime.FromDb(StartsAt), DbTime.FromDb(EndsAt), Name) { Id = Id };
    }
}
