namespace Hotline.Web.Security;

/// <summary>Claim types the product adds besides name and role.</summary>
public static class HotlineClaims
{
    public const string AgentId = "hotline:agent_id";
    public const string Extension = "hotline:extension";
    public const string DisplayName = "hotline:display_name";

    /// <summary>For Department users and keys: the department whose tickets they handle.</summary>
    public const string DepartmentId = "hotline:department_id";

    /// <summary>The sign-in session (a row of user_sessions) this cookie belongs to.</summary>
    public const string SessionId = "hotline:session";

    /// <summary>The user's security stamp when the cookie was issued.</summary>
    public const string SecurityStamp = "hotline:stamp";
}
