using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Assessment.Storage;

/// <summary>The register of complaints about the operator (<c>complaints</c>).</summary>
public sealed class ComplaintStore(ConnectionFactory connections, TimeProvider time)
{
    public async Task<IReadOnlyList<Complaint>> ForMonthAsync(AssessmentMonth month, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, received_on AS ReceivedOn, ticket_number AS TicketNumber, agent_id AS AgentId, summary AS Summary,
                   finding AS Finding, finding_note AS FindingNote, recorded_by AS RecordedBy
            FROM complaints WHERE received_on >= @from AND received_on <= @to ORDER BY received_on, id
            """,
            new { from = StoredDay.ToDb(month.FirstDay), to = StoredDay.ToDb(month.LastDay) }, cancellationToken: cancellationToken));
        return rows.Select(r => new Complaint
        {
            Id = r.Id,
            ReceivedOn = StoredDay.FromDb(r.ReceivedOn),
            TicketNumber = r.TicketNumber,
            AgentId = r.AgentId,
            Summary = r.Summary,
            Finding = Enum.Parse<ComplaintFinding>(r.Finding),
            FindingNote = r.FindingNote,
            RecordedBy = r.RecordedBy,
        }).ToList();
    }

    /// <summary>Adds (Id 0) or updates a complaint; returns the id.</summary>
    public async Task<long> SaveAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var values = new
        {
            id = complaint.Id,
            received_on = StoredDay.ToDb(complaint.ReceivedOn),
            ticket_number = string.IsNullOrWhiteSpace(complaint.TicketNumber) ? null : complaint.TicketNumber.Trim(),
            agent_id = string.IsNullOrWhiteSpace(complaint.AgentId) ? null : complaint.AgentId.Trim(),
            summary = complaint.Summary.Trim(),
            finding = complaint.Finding.ToString(),
            finding_note = complaint.FindingNote,
            recorded_by = complaint.RecordedBy,
            recorded_at = DbTime.ToDb(time.GetUtcNow()),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (complaint.Id == 0)
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                connections.Dialect.InsertReturningId("complaints", ["received_on", "ticket_number", "agent_id", "summary", "finding", "finding_note", "recorded_by", "recorded_at"]),
                values, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE complaints SET received_on = @received_on, ticket_number = @ticket_number, agent_id = @agent_id, summary = @summary, finding = @finding, finding_note = @finding_note, recorded_by = @recorded_by, recorded_at = @recorded_at WHERE id = @id",
            values, cancellationToken: cancellationToken));
        return complaint.Id;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string ReceivedOn { get; set; } = "";
        public string? TicketNumber { get; set; }
        public string? AgentId { get; set; }
        public string Summary { get; set; } = "";
        public string Finding { get; set; } = "";
        public string? FindingNote { get; set; }
        public string RecordedBy { get; set; } = "";
    }
}
