using Hotline.Core.Audit;
using System.Collections.Concurrent;
using System.Security.Claims;

namespace Hotline.Web.Security;

/// <summary>
/// Audit rows written from pages and APIs, with the client's address. A page is rendered twice (prerender, then the
/// circuit): <see cref="WriteOnceAsync"/> keeps one row for the same actor, action and target within a minute.
/// </summary>
public sealed class AuditTrail(AuditLog log, IHttpContextAccessor http, TimeProvider time, RecentAuditRows recent)
{
    private ConcurrentDictionary<string, DateTimeOffset> Recent => recent.Rows;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Captured once: inside a circuit the accessor may later return nothing.
    private string? _address;

    public string? Address => _address ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public Task WriteAsync(string actor, string? role, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
        => log.WriteAsync(string.IsNullOrWhiteSpace(actor) ? "(unknown)" : actor, role, Address, action, target, detail, cancellationToken);

    /// <summary>A row for a signed-in user (pages pass their cascading user; null when there is none).</summary>
    public Task WriteAsync(ClaimsPrincipal? user, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
        => WriteAsync(user?.Identity?.Name ?? "", user?.FindFirstValue(ClaimTypes.Role), action, target, detail, cancellationToken);

    public async Task WriteOnceAsync(string actor, string? role, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var key = string.Join('\u001f', actor, action, target);
        if (Recent.TryGetValue(key, out var last) && now - last < Window)
        {
            return;
        }

        Recent[key] = now;
        if (Recent.Count > 10_000)
        {
            foreach (var old in Recent.Where(e => now - e.Value >= Window).Select(e => e.Key).ToList())
            {
                Recent.TryRemove(old, out _);
            }
        }

        try
        {
            await WriteAsync(actor, role, action, target, detail, cancellationToken);
        }
        catch
        {
            // Not written (e.g. the request was aborted): the next attempt must not be taken for a repeat.
            Recent.TryRemove(key, out _);
            throw;
        }
    }
}
