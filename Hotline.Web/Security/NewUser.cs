namespace Hotline.Web.Security;

/// <summary>What an admin enters to create a user.</summary>
public sealed record NewUser(
    string? UserName,
    string? DisplayName,
    string? Role,
    string? Password,
    string? DepartmentId = null,
    string? AgentId = null,
    string? Extension = null);
