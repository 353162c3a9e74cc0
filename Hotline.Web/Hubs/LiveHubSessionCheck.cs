using Hotline.Core.Security;
using Hotline.Web.Security;
using Microsoft.Extensions.Options;

namespace Hotline.Web.Hubs;

/// <summary>
/// A hub connection keeps the user it was opened with, and SignalR checks the cookie only when connecting. Every
/// <see cref="SecurityOptions.RevalidateSeconds"/> this re-checks each open connection's session (as open pages are
/// re-checked) and closes the connection of a user who was disabled, whose role or security stamp changed, or who signed out.
/// </summary>
public sealed class LiveHubSessionCheck(
    LiveHubConnections connections, SessionStore sessions, TimeProvider time, IOptions<SecurityOptions> options,
    ILogger<LiveHubSessionCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RevalidateSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CheckAsync(stoppingToken);
        }
    }

    /// <summary>Closes every open connection whose session no longer stands; returns how many.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        foreach (var connection in connections.Open())
        {
            try
            {
                if (connection.User is { } user && !await SessionValidation.IsValidAsync(sessions, user, cancellationToken))
                {
                    logger.LogInformation("Closing hub connection {ConnectionId} of {User}: the session no longer stands", connection.ConnectionId, user.Identity?.Name);
                    connections.Closed(connection.ConnectionId);
                    connection.Abort();
                    closed++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the checks; the next round tries again.
                logger.LogWarning(e, "Could not check hub connection {ConnectionId}", connection.ConnectionId);
            }
        }

        return closed;
    }
}
