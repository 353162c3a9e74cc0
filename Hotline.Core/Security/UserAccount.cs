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
}
