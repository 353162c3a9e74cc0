using Dapper;
using Hotline.Core.Data;
using System.Collections.Concurrent;

namespace Hotline.Core.Security;

/// <summary>
/// One row per sign-in (<c>user_sessions</c>). The cookie names its session; signing out ends the row, so a copy of
/// the cookie kept from before the sign-out is refused afterwards.
/// </summary>
public sealed class SessionStore(ConnectionFactory connections, TimeProvider time)
{
    // When each session's activity was last written, so busy pages write at most once per interval.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _touched = new();

    /// <summary>Starts a session for the user; returns its id (128 random bits, hex).</summary>
    public async Task<string> StartAsync(long userId, CancellationToken cancellationToken = default)
    {
        var id = UserStore.NewStamp();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO user_sessions (id, user_id, started_at, ended_at) VALUES (@id, @userId, @startedAt, NULL)",
            new { id, userId, startedAt = DbTime.ToDb(time.GetUtcNow()) }, cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>Ends the session (idempotent).</summary>
    public async Task EndAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE user_sessions SET ended_at = @endedAt WHERE id = @sessionId AND ended_at IS NULL",
            new { sessionId, endedAt = DbTime.ToDb(time.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    /// <summary>Records activity on the session (a request, a click on an open page); written at most once per <paramref name="minInterval"/>.</summary>
    public async Task TouchAsync(string sessionId, TimeSpan minInterval, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_touched.TryGetValue(sessionId, out var last) && now - last < minInterval)
        {
            return;
        }

        _touched[sessionId] = now;
        if (_touched.Count > 10_000)
        {
            foreach (var old in _touched.Where(e => now - e.Value >= minInterval).Select(e => e.Key).ToList())
            {
                _touched.TryRemove(old, out _);
            }
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE user_sessions SET last_seen_at = @now WHERE id = @sessionId AND ended_at IS NULL",
            new { sessionId, now = DbTime.ToDb(now) }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Whether a cookie's session still stands: the session is open and belongs to the user, the user is enabled,
    /// still has the role the cookie claims, and the security stamp is unchanged.
    /// </summary>
    public async Task<bool> IsValidAsync(string sessionId, long userId, string role, string? stamp, CancellationToken cancellationToken = default)
        => await IsValidAsync(sessionId, userId, role, stamp, idleTimeout: null, cancellationToken);

    /// <summary>As above; with <paramref name="idleTimeout"/> also that the session saw activity within it.</summary>
    public async Task<bool> IsValidAsync(string sessionId, long userId, string role, string? stamp, TimeSpan? idleTimeout, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT u.role AS Role, u.disabled AS Disabled, u.security_stamp AS Stamp, COALESCE(s.last_seen_at, s.started_at) AS LastSeen
            FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = @sessionId AND s.user_id = @userId AND s.ended_at IS NULL
            """,
            new { sessionId, userId }, cancellationToken: cancellationToken));
        return row is not null && !row.Disabled && row.Role == role && (row.Stamp ?? "") == (stamp ?? "")
            && (idleTimeout is not { } idle || time.GetUtcNow() - DbTime.FromDb(row.LastSeen) < idle);
    }

    private sealed class Row
    {
        public string Role { get; set; } = "";
        public bool Disabled { get; set; }
        public string? Stamp { get; set; }
        public long LastSeen { get; set; }
    }
}
