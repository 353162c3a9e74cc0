using Hotline.Core.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Security.Claims;

namespace Hotline.Web.Security;

/// <summary>Builds the signed-in principal of a user and reads it back.</summary>
public static class UserPrincipal
{
    public static ClaimsPrincipal Create(UserAccount user, string sessionId)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(HotlineClaims.DisplayName, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
            new(HotlineClaims.SessionId, sessionId),
            new(HotlineClaims.SecurityStamp, user.SecurityStamp ?? ""),
        ];
        if (user.AgentId is { Length: > 0 } agentId)
        {
            claims.Add(new Claim(HotlineClaims.AgentId, agentId));
        }

        if (user.Extension is { Length: > 0 } extension)
        {
            claims.Add(new Claim(HotlineClaims.Extension, extension));
        }

        if (user.DepartmentId is { Length: > 0 } departmentId)
        {
            claims.Add(new Claim(HotlineClaims.DepartmentId, departmentId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static string DisplayName(this ClaimsPrincipal user)
        => user.FindFirstValue(HotlineClaims.DisplayName) ?? user.Identity?.Name ?? "";

    public static string? AgentId(this ClaimsPrincipal user) => user.FindFirstValue(HotlineClaims.AgentId);

    public static string? Extension(this ClaimsPrincipal user) => user.FindFirstValue(HotlineClaims.Extension);

    public static string? DepartmentId(this ClaimsPrincipal user) => user.FindFirstValue(HotlineClaims.DepartmentId);
}
