using System.Text.Json;
using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// The agent form's autosave: one current draft per user (upsert), stored as JSON, so a dropped circuit or a
/// closed tab brings the agent back to what was typed.
/// </summary>
public sealed class TicketDraftStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConnectionFactory _connections;
    private readonly string _upsert;

    public TicketDraftStore(ConnectionFactory connections)
    {
        _connections = connections;
        _upsert = connections.Dialect.Upsert("ticket_drafts", ["user_name", "draft_json", "saved_at"]);
    }

    /// <summary>Replaces the user's draft.</summary>
    public async Task SaveAsync(string userName, TicketDraft draft, DateTimeOffset savedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            _upsert, new { user_name = userName, draft_json = JsonSerializer.Serialize(draft, Json), saved_at = DbTime.ToDb(savedAt) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The user's draft, or null.</summary>
    public async Task<SavedTicketDraft?> LoadAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Json, long SavedAt)?>(new CommandDefinition(
            "SELECT draft_json, saved_at FROM ticket_drafts WHERE user_name = @userName", new { userName }, cancellationToken: cancellationToken));
        if (row is not { } r)
        {
            return null;
        }

        var draft = JsonSerializer.Deserialize<TicketDraft>(r.Json, Json) ?? new TicketDraft();
        return new SavedTicketDraft(userName, draft, DbTime.FromDb(r.SavedAt));
    }

    /// <summary>Removes the user's draft (after registering, or when the agent discards it); false when there was none.</summary>
    public async Task<bool> DeleteAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM ticket_drafts WHERE user_name = @userName", new { userName }, cancellationToken: cancellationToken)) > 0;
    }
}
