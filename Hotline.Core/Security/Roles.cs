namespace Hotline.Core.Security;

/// <summary>Role names as in DOMAIN.md (also the claim values).</summary>
public static class Roles
{
    public const string Agent = "Agent";
    public const string BackOffice = "BackOffice";
    public const string Supervisor = "Supervisor";
    public const string Department = "Department";
    public const string Official = "Official";
    public const string Admin = "Admin";

    /// <summary>The wallboard device (authenticated by a device token, not a user).</summary>
    public const string Wallboard = "Wallboard";

    public static readonly IReadOnlyList<string> UserRoles = [Agent, BackOffice, Supervisor, Department, Official, Admin];
}
