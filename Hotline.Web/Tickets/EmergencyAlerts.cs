using Hotline.Core.Tickets;

namespace Hotline.Web.Tickets;

/// <summary>
/// The unacknowledged 特急 / major-emergency tickets, shared by every screen that shows the red banner: one
/// query per few seconds however many screens poll, and a fresh one right after a change made here.
/// </summary>
public sealed class EmergencyAlerts(TicketService tickets, TimeProvider time)
{
    /// <summary>How often screens look again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<Ticket> _current = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<Ticket>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (now - _loadedAt >= CacheFor || now < _loadedAt)
            {
                _current = await tickets.ListUnacknowledgedEmergenciesAsync(cancellationToken);
                _loadedAt = now;
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After a ticket was registered or acknowledged: the next read goes to the database.</summary>
    public void Invalidate() => _loadedAt = DateTimeOffset.MinValue;

    /// <summary>Acknowledges one alert as <paramref name="actor"/>; the failure message (Chinese) when refused.</summary>
    public async Task<string?> AcknowledgeAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        var outcome = await tickets.ApplyAsync(number, new TicketCommand(TicketAction.AcknowledgeEmergency), actor, cancellationToken);
        Invalidate();
        return outcome.Succeeded ? null : outcome.Failure?.Message ?? "工单不存在";
    }
}
