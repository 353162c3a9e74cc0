using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Assessment.Storage;

/// <summary>The staff register (<c>staff_members</c>).</summary>
public sealed class StaffStore(ConnectionFactory connections)
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, agent_id AS AgentId, post AS Post, joined_on AS JoinedOn, left_on AS LeftOn, leave_reason AS LeaveReason, note AS Note FROM staff_members ORDER BY joined_on, id",
            cancellationToken: cancellationToken));
        return rows.Select(r => new StaffMember
        {
            Id = r.Id,
            Name = r.Name,
            AgentId = r.AgentId,
            Post = r.Post,
            JoinedOn = StoredDay.FromDb(r.JoinedOn),
            LeftOn = StoredDay.FromDbOrNull(r.LeftOn),
            LeaveReason = r.LeaveReason is null ? null : Enum.Parse<LeaveReason>(r.LeaveReason),
            Note = r.Note,
        }).ToList();
    }

    /// <summary>Adds (Id 0) or updates a member; returns the id.</summary>
    public async Task<long> SaveAsync(StaffMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var values = new
        {
            id = member.Id,
            name = member.Name.Trim(),
            agent_id = string.IsNullOrWhiteSpace(member.AgentId) ? null : member.AgentId.Trim(),
            post = member.Post,
            joined_on = StoredDay.ToDb(member.JoinedOn),
            left_on = StoredDay.ToDb(member.LeftOn),
            leave_reason = member.LeaveReason?.ToString(),
            note = member.Note,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (member.Id == 0)
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                connections.Dialect.InsertReturningId("staff_members", ["name", "agent_id", "post", "joined_on", "left_on", "leave_reason", "note"]),
                values, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_members SET name = @name, agent_id = @agent_id, post = @post, joined_on = @joined_on, left_on = @left_on, leave_reason = @leave_reason, note = @note WHERE id = @id",
            values, cancellationToken: cancellationToken));
        return member.Id;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string? AgentId { get; set; }
        public string Post { get; set; } = "";
        public string JoinedOn { get; set; } = "";
        public string? LeftOn { get; set; }
        public string? LeaveReason { get; set; }
        public string? Note { get; set; }
    }
}
