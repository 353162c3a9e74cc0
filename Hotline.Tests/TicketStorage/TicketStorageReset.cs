using Dapper;
using Hotline.Core.Data;

namespace Hotline.Tests.TicketStorage;

/// <summary>Empties the ticket storage tables of a migrated test database.</summary>
internal static class TicketStorageReset
{
    public static async Task ResetAsync(ConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync();
        await connection.ExecuteAsync("""
            DELETE FROM tickets; DELETE FROM ticket_departments; DELETE FROM ticket_history; DELETE FROM ticket_sequences;
            DELETE FROM ticket_drafts; DELETE FROM departments; DELETE FROM categories; DELETE FROM streets;
            DELETE FROM calendar_days; DELETE FROM api_keys;
            """);
        if (connections.Dialect.Provider == DatabaseProvider.Sqlite)
        {
            // A contentless FTS5 table is emptied with its special 'delete-all' command.
            await connection.ExecuteAsync("INSERT INTO tickets_fts (tickets_fts) VALUES ('delete-all')");
        }
    }
}
