using Dapper;
using Hotline.Core.Data;

namespace Hotline.Core.Tickets.Storage;

/// <summary>
/// SQLite work kept out of registrations, run every second or so by the app: merging the content index's small
/// per-ticket segments (FTS5's own automerge is off, migration 6: it did a unit of merge work inside every 64th
/// registration, up to hundreds of milliseconds on a large index) and copying the WAL back into the database (a
/// passive checkpoint, which does not block writers; otherwise some registration's commit does it).
/// Other providers: nothing to do.
/// </summary>
public sealed class TicketIndexMaintenance(ConnectionFactory connections)
{
    // One merge step holds the write lock for a few milliseconds; a handful a second keeps up with any hotline's
    // registrations, and a registration arriving meanwhile waits for one step at most.
    private const int PagesPerStep = 16;
    private const int StepsPerRun = 8;

    /// <summary>Merges up to a few steps and checkpoints; returns the merge steps that found work.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (connections.Dialect.Provider != DatabaseProvider.Sqlite)
        {
            return 0;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var worked = 0;
        for (var step = 0; step < StepsPerRun; step++)
        {
            // Ticket writes queue at the same gate, so one waits for one step at most.
            long changed;
            using (await connections.EnterWriteGateAsync(cancellationToken))
            {
                var before = await TotalChangesAsync(connection, cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('merge', @pages)", new { pages = PagesPerStep }, cancellationToken: cancellationToken));
                changed = await TotalChangesAsync(connection, cancellationToken) - before;
            }

            // FTS5's documented signal: fewer than two changed rows means there was nothing left to merge.
            if (changed < 2)
            {
                break;
            }

            worked++;
        }

        await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE)", cancellationToken: cancellationToken));
        return worked;
    }

    private static Task<long> TotalChangesAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT total_changes()", cancellationToken: cancellationToken));
}
