using Hotline.Core.Data;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// The agent form's autosave: one current draft per user (upsert), stored as JSON, so a dropped circuit or a
/// closed tab brings the agent back to what was typed.
/// </summary>
public sealed class TicketDraftStore
{
    private readonly ConnectionFactory _connections;

    public TicketDraftStore(ConnectionFactory connections)
    {
        _connections = connections;
    }

    /// <summary>Replaces the user's draft.</summary>
    public Task SaveAsync(string userName, TicketDraft draft, DateTimeOffset savedAt, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The user's draft, or null.</summary>
    public Task<SavedTicketDraft?> LoadAsync(string userName, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Removes the user's draft (after registering, or when the agent discards it); false when there was none.</summary>
    public Task<bool> DeleteAsync(string userName, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
