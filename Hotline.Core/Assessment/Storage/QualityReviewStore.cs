using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Assessment.Storage;

/// <summary>Quality reviews (<c>quality_reviews</c>, one per ticket) and the tickets they are drawn from.</summary>
public sealed class QualityReviewStore(ConnectionFactory connections)
{
    private static readonly string[] Columns =
    [
        "month", "ticket_number", "agent_user_name", "agent_id", "ticket_created_at", "pick", "status", "errors", "note", "reviewer",
        "reviewed_at", "dispute_note", "disputed_at", "resolution_note", "resolved_by", "resolved_at", "version",
    ];

    private const string Select = """
        SELECT id AS Id, month AS Month, ticket_number AS TicketNumber, agent_user_name AS AgentUserName, agent_id AS AgentId,
               ticket_created_at AS TicketCreatedAt, pick AS Pick, status AS Status, errors AS Errors, note AS Note, reviewer AS Reviewer,
               reviewed_at AS ReviewedAt, dispute_note AS DisputeNote, disputed_at AS DisputedAt, resolution_note AS ResolutionNote,
               resolved_by AS ResolvedBy, resolved_at AS ResolvedAt, version AS Version
        FROM quality_reviews
        """;

    public async Task<IReadOnlyList<QualityReview>> ForMonthAsync(AssessmentMonth month, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE month = @month ORDER BY ticket_number", new { month = month.ToString() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReview()).ToList();
    }

    /// <summary>The reviews of the tickets a user registered, newest month first (what an agent sees).</summary>
    public async Task<IReadOnlyList<QualityReview>> ForAgentAsync(string agentUserName, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE agent_user_name = @agentUserName AND status <> @pending ORDER BY month DESC, ticket_number",
            new { agentUserName, pending = nameof(QualityReviewStatus.Pending) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReview()).ToList();
    }

    public async Task<QualityReview?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToReview();
    }

    /// <summary>Adds reviews for tickets not reviewed yet (one review per ticket); returns how many were added.</summary>
    public async Task<int> AddAsync(IReadOnlyList<QualityReview> reviews, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var sql = connections.Dialect.InsertIfAbsent("quality_reviews", Columns, "ticket_number");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var review in reviews)
        {
            var count = await connection.ExecuteAsync(new CommandDefinition(sql, Values(review with { Version = 1 }), transaction, cancellationToken: cancellationToken));
            added += Math.Max(count, 0);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Stores a changed review if nobody changed it since <paramref name="review"/>'s version was read.</summary>
    public async Task<bool> UpdateAsync(QualityReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var values = Values(review with { Version = review.Version + 1 });
        values.Add("id", review.Id);
        values.Add("old_version", review.Version);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE quality_reviews SET " + string.Join(", ", Columns.Skip(2).Select(c => $"{c} = @{c}")) + " WHERE id = @id AND version = @old_version",
            values, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Number, registering user and time of every ticket registered in [from, to).</summary>
    public async Task<IReadOnlyList<(string Number, string CreatedBy, DateTimeOffset CreatedAt)>> TicketsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string, long)>(new CommandDefinition(
            "SELECT number, created_by, created_at FROM tickets WHERE created_at >= @from AND created_at < @to ORDER BY number",
            new { from = DbTime.ToDb(from), to = DbTime.ToDb(to) }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Item1, r.Item2, DbTime.FromDb(r.Item3))).ToList();
    }

    /// <summary>One ticket's registering user and time, or null.</summary>
    public async Task<(string CreatedBy, DateTimeOffset CreatedAt)?> TicketAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, long)>(new CommandDefinition(
            "SELECT created_by, created_at FROM tickets WHERE number = @number", new { number }, cancellationToken: cancellationToken));
        return rows.Select(r => ((string, DateTimeOffset)?)(r.Item1, DbTime.FromDb(r.Item2))).FirstOrDefault();
    }

    private static DynamicParameters Values(QualityReview r)
    {
        var p = new DynamicParameters();
        p.Add("month", r.Month.ToString());
        p.Add("ticket_number", r.TicketNumber);
        p.Add("agent_user_name", r.AgentUserName);
        p.Add("agent_id", r.AgentId);
        p.Add("ticket_created_at", DbTime.ToDb(r.TicketCreatedAt));
        p.Add("pick", r.Pick.ToString());
        p.Add("status", r.Status.ToString());
        p.Add("errors", string.Join(',', r.Errors));
        p.Add("note", r.Note);
        p.Add("reviewer", r.Reviewer);
        p.Add("reviewed_at", DbTime.ToDb(r.ReviewedAt));
        p.Add("dispute_note", r.DisputeNote);
        p.Add("disputed_at", DbTime.ToDb(r.DisputedAt));
        p.Add("resolution_note", r.ResolutionNote);
        p.Add("resolved_by", r.ResolvedBy);
        p.Add("resolved_at", DbTime.ToDb(r.ResolvedAt));
        p.Add("version", r.Version);
        return p;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Month { get; set; } = "";
        public string TicketNumber { get; set; } = "";
        public string AgentUserName { get; set; } = "";
        public string? AgentId { get; set; }
        public long TicketCreatedAt { get; set; }
        public string Pick { get; set; } = "";
        public string Status { get; set; } = "";
        public string Errors { get; set; } = "";
        public string? Note { get; set; }
        public string? Reviewer { get; set; }
        public long? ReviewedAt { get; set; }
        public string? DisputeNote { get; set; }
        public long? DisputedAt { get; set; }
        public string? ResolutionNote { get; set; }
        public string? ResolvedBy { get; set; }
        public long? ResolvedAt { get; set; }
        public int Version { get; set; }

        public QualityReview ToReview() => new()
        {
            Id = Id,
            Month = AssessmentMonth.Parse(Month),
            TicketNumber = TicketNumber,
            AgentUserName = AgentUserName,
            AgentId = AgentId,
            TicketCreatedAt = DbTime.FromDb(TicketCreatedAt),
            Pick = Enum.Parse<QualityPick>(Pick),
            Status = Enum.Parse<QualityReviewStatus>(Status),
            Errors = Errors.Length == 0 ? [] : Errors.Split(','),
            Note = Note,
            Reviewer = Reviewer,
            ReviewedAt = DbTime.FromDb(ReviewedAt),
            DisputeNote = DisputeNote,
            DisputedAt = DbTime.FromDb(DisputedAt),
            ResolutionNote = ResolutionNote,
            ResolvedBy = ResolvedBy,
            ResolvedAt = DbTime.FromDb(ResolvedAt),
            Version = Version,
        };
    }
}
