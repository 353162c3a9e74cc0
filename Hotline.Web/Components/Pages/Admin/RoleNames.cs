using Hotline.Core.Security;

namespace Hotline.Web.Components.Pages.Admin;

/// <summary>Chinese names of the user roles (DOMAIN.md) for the admin pages.</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.Agent => "话务员",
        Roles.BackOffice => "后台处理",
        Roles.Supervisor => "班长",
        Roles.Department => "承办单位",
        Roles.Official => "信访局",
        Roles.Admin => "系统管理员",
        _ => role,
    };
}
