using Hotline.Core.Data;

namespace Hotline.Core.Security;

/// <summary>A user who signs in. Agents carry their agent id and extension.</summary>
public sealed record UserAccount
{
    public long Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public required string PasswordHash { get; init; }
    public string? AgentId { get; init; }
    public string? Extension { get; init; }
    public string? DepartmentId { get; init; }
    public bool Disabled { get; init; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Locked until this time (Unix ms, as stored); see <see cref="LockedUntil"/>.</summary>
    public long? LockedUntilMs { get; init; }

    /// <summary>Changes whenever the user's sessions must end (disabled, role or password changed); null until the first change.</summary>
    public string? SecurityStamp { get; init; }

    public DateTimeOffset? LockedUntil => LockedUntilMs is { } ms ? DbTime.FromDb(ms) : null;

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
