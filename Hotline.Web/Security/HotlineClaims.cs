namespace Hotline.Web.Security;

/// <summary>Claim types the product adds besides name and role.</summary>
public static class HotlineClaims
{
    public const string AgentId = "hotline:agent_id";
    public const string Extension = "hotline:extension";
    public const string DisplayName = "hotline:display_name";

    /// <summary>For Department users and keys: the department whose tickets they handle.</summary>
    public const string DepartmentId = "hotline:department_id";
}
