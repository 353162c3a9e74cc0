using System.Data.Common;
using Hotline.Core.Tickets.Storage;

namespace Hotline.Web.Tickets;

/// <summary>Runs <see cref="TicketIndexMaintenance"/> every second, off the request path.</summary>
public sealed class TicketIndexMaintenanceService(TicketIndexMaintenance maintenance, TimeProvider time, ILogger<TicketIndexMaintenanceService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await maintenance.RunAsync(stoppingToken);
            }
            catch (DbException ex)
            {
                // Next second again; a registration still merges and checkpoints by itself if this keeps failing.
                logger.LogWarning(ex, "Ticket index maintenance failed");
            }
        }
    }
}
