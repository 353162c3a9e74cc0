using System.Globalization;
using Hotline.Core.Audit;
using Hotline.Core.Recordings;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Recordings;

/// <summary>
/// Deletes recordings older than <c>Hotline:Recordings:RetentionDays</c>: at start and then every hour of the
/// <see cref="TimeProvider"/>. Each file is deleted (unless a newer recording still uses it, as the simulated
/// switch's shared demo file is), its row marked <c>deleted_at</c>, and every batch audited as
/// <see cref="AuditActions.RecordingsDeleted"/> by actor <c>system</c>. A file that cannot be reached (ARI down,
/// a permission error, a node with neither a recordings path nor ARI) keeps its row unmarked, to be tried again
/// at the next sweep.
/// </summary>
public sealed class RecordingRetentionService(
    RecordingStore store,
    RecordingFiles files,
    AuditLog audit,
    IOptions<RecordingOptions> options,
    TimeProvider time,
    ILogger<RecordingRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private const int BatchSize = 500;

    /// <summary>Raised after each sweep with how many recordings it deleted (for tests and diagnostics).</summary>
    public event Action<int>? Swept;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    Swept?.Invoke(await SweepAsync(stoppingToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The recordings retention sweep failed; trying again in {Interval}", Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One sweep: deletes every recording that started before now minus the retention; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.RetentionDays);
        var total = 0;
        var skipped = new HashSet<long>();
        while (true)
        {
            var expired = (await store.ExpiredAsync(cutoff, BatchSize + skipped.Count, cancellationToken)).Where(r => !skipped.Contains(r.Id)).ToList();
            if (expired.Count == 0) break;
            var batchIds = expired.Select(r => r.Id).ToList();
            var deleted = new List<long>();
            foreach (var recording in expired)
            {
                if (await DeleteFileAsync(recording, batchIds, cancellationToken)) deleted.Add(recording.Id);
                else skipped.Add(recording.Id);
            }

            if (deleted.Count == 0) break;
            await store.MarkDeletedAsync(deleted, now, cancellationToken);
            await audit.WriteAsync("system", null, null, AuditActions.RecordingsDeleted,
                target: deleted.Count.ToString(CultureInfo.InvariantCulture),
                detail: $"retention {options.Value.RetentionDays} days: recordings started before {cutoff:O}; ids {string.Join(",", deleted)}",
                cancellationToken: cancellationToken);
            total += deleted.Count;
        }

        if (total > 0)
        {
            logger.LogInformation("Retention: deleted {Count} recordings that started before {Cutoff:O}", total, cutoff);
        }

        return total;
    }

    private async Task<bool> DeleteFileAsync(Recording recording, IReadOnlyCollection<long> batchIds, CancellationToken cancellationToken)
    {
        try
        {
            if (await store.FileStillUsedAsync(recording.Node, recording.FileName, batchIds, cancellationToken)) return true;
            if (await files.DeleteAsync(recording.Node, recording.FileName, cancellationToken)) return true;
            // Nothing here can reach the node's files: saying "deleted" would be false, so the row stays for the operator.
            logger.LogWarning("Retention: node {Node} has neither a RecordingsPath nor ARI; recording {Id} ({File}) cannot be deleted from here",
                recording.Node, recording.Id, recording.FileName);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Retention: could not delete recording {Id} ({Node}/{File}); trying again at the next sweep", recording.Id, recording.Node, recording.FileName);
            return false;
        }
    }
}
