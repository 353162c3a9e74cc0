using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Assessment.Storage;

/// <summary>Rule versions (<c>assessment_rules</c>), the hand-entered efficiency index and the confirmed months.</summary>
public sealed class AssessmentStore(ConnectionFactory connections)
{
    public async Task<IReadOnlyList<AssessmentRule>> RulesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleRow>(new CommandDefinition(
            """
            SELECT id AS Id, indicator AS Indicator, effective_from AS EffectiveFrom, target AS Target, step AS Step,
                   amount_per_step AS AmountPerStep, cap AS Cap, changed_by AS ChangedBy, changed_at AS ChangedAt
            FROM assessment_rules ORDER BY effective_from, id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new AssessmentRule
        {
            Id = r.Id,
            Indicator = Enum.Parse<AssessmentIndicator>(r.Indicator),
            EffectiveFrom = AssessmentMonth.Parse(r.EffectiveFrom),
            Target = r.Target,
            Step = r.Step,
            AmountPerStep = Math.Round((decimal)r.AmountPerStep, 2),
            Cap = r.Cap is { } cap ? Math.Round((decimal)cap, 2) : null,
            ChangedBy = r.ChangedBy,
            ChangedAt = DbTime.FromDb(r.ChangedAt),
        }).ToList();
    }

    /// <summary>Saves a new version of a rule (earlier versions stay, for the months they governed).</summary>
    public async Task<long> AddRuleAsync(AssessmentRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            connections.Dialect.InsertReturningId("assessment_rules", ["indicator", "effective_from", "target", "step", "amount_per_step", "cap", "changed_by", "changed_at"]),
            new
            {
                indicator = rule.Indicator.ToString(),
                effective_from = rule.EffectiveFrom.ToString(),
                target = rule.Target,
                step = rule.Step,
                amount_per_step = (double)rule.AmountPerStep,
                cap = (double?)rule.Cap,
                changed_by = rule.ChangedBy,
                changed_at = DbTime.ToDb(rule.ChangedAt),
            }, cancellationToken: cancellationToken));
    }

    public async Task<EfficiencyEntry?> EfficiencyAsync(AssessmentMonth month, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EfficiencyRow>(new CommandDefinition(
            "SELECT score AS Score, rank AS Rank, note AS Note, entered_by AS EnteredBy, entered_at AS EnteredAt FROM efficiency_entries WHERE month = @month",
            new { month = month.ToString() }, cancellationToken: cancellationToken));
        return row is null ? null : new EfficiencyEntry(month, row.Score, row.Rank, row.Note, row.EnteredBy, DbTime.FromDb(row.EnteredAt));
    }

    public async Task SaveEfficiencyAsync(EfficiencyEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.Upsert("efficiency_entries", ["month", "score", "rank", "note", "entered_by", "entered_at"]),
            new { month = entry.Month.ToString(), score = entry.Score, rank = entry.Rank, note = entry.Note, entered_by = entry.EnteredBy, entered_at = DbTime.ToDb(entry.EnteredAt) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The confirmation and frozen snapshot (JSON) of a month, or null while it is open.</summary>
    public async Task<(AssessmentConfirmation Confirmation, string Snapshot)?> ConfirmationAsync(AssessmentMonth month, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, long, string)>(new CommandDefinition(
            "SELECT confirmed_by, confirmed_at, snapshot FROM assessment_confirmations WHERE month = @month",
            new { month = month.ToString() }, cancellationToken: cancellationToken));
        return rows.Select(r => ((AssessmentConfirmation, string)?)(new AssessmentConfirmation(r.Item1, DbTime.FromDb(r.Item2)), r.Item3)).FirstOrDefault();
    }

    /// <summary>Stores the confirmation unless the month is already confirmed; false when it was.</summary>
    public async Task<bool> ConfirmAsync(AssessmentMonth month, AssessmentConfirmation confirmation, string snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var count = await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.InsertIfAbsent("assessment_confirmations", ["month", "confirmed_by", "confirmed_at", "snapshot"], "month"),
            new { month = month.ToString(), confirmed_by = confirmation.ConfirmedBy, confirmed_at = DbTime.ToDb(confirmation.ConfirmedAt), snapshot },
            cancellationToken: cancellationToken));
        return count == 1;
    }

    private sealed class RuleRow
    {
        public long Id { get; set; }
        public string Indicator { get; set; } = "";
        public string EffectiveFrom { get; set; } = "";
        public double Target { get; set; }
        public double Step { get; set; }
        public double AmountPerStep { get; set; }
        public double? Cap { get; set; }
        public string ChangedBy { get; set; } = "";
        public long ChangedAt { get; set; }
    }

    private sealed class EfficiencyRow
    {
        public double Score { get; set; }
        public int? Rank { get; set; }
        public string? Note { get; set; }
        public string EnteredBy { get; set; } = "";
        public long EnteredAt { get; set; }
    }
}
