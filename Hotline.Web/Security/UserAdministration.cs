using Hotline.Core.Audit;
using Hotline.Core.Security;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;
using System.Text.RegularExpressions;

namespace Hotline.Web.Security;

/// <summary>
/// What an admin does to users (the /admin/users page): create, disable or enable, change the role, set a new
/// password. Every change is audited and, except creation, ends the user's sessions (a new security stamp).
/// </summary>
public sealed partial class UserAdministration(UserStore users, PasswordHasher<UserAccount> hasher, SecurityOptions settings, AuditTrail audit)
{
    /// <summary>Creates the user; the field errors (Chinese) when the input is refused.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(NewUser input, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var userName = input.UserName?.Trim() ?? "";
        if (!UserNamePattern().IsMatch(userName))
        {
            errors["userName"] = "用户名须为 3–32 位字母、数字、点、下划线或连字符";
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > 50)
        {
            errors["displayName"] = "请填写姓名（不超过 50 字）";
        }

        if (input.Role is null || !Roles.UserRoles.Contains(input.Role))
        {
            errors["role"] = "请选择角色";
        }
        else if (input.Role == Roles.Department && string.IsNullOrWhiteSpace(input.DepartmentId))
        {
            errors["departmentId"] = "承办单位用户须选择单位";
        }
        else if (input.Role == Roles.Agent && string.IsNullOrWhiteSpace(input.AgentId))
        {
            errors["agentId"] = "话务员须填写工号";
        }

        var problems = PasswordPolicy.Check(input.Password, settings.PasswordMinLength, userName);
        if (problems.Count > 0)
        {
            errors["password"] = string.Join("；", problems);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var account = new UserAccount
        {
            UserName = userName,
            DisplayName = input.DisplayName!.Trim(),
            Role = input.Role!,
            PasswordHash = "",
            DepartmentId = input.Role == Roles.Department ? input.DepartmentId : null,
            AgentId = input.Role == Roles.Agent ? input.AgentId?.Trim() : null,
            Extension = input.Role == Roles.Agent ? input.Extension?.Trim() : null,
        };
        var created = await users.CreateAsync(account with { PasswordHash = hasher.HashPassword(account, input.Password!) }, cancellationToken);
        if (created is null)
        {
            errors["userName"] = "用户名已存在";
            return errors;
        }

        await audit.WriteAsync(admin, AuditActions.UserChanged, userName, $"created; role {account.Role}{Dept(account.DepartmentId)}", cancellationToken);
        return errors;
    }

    /// <summary>Disables (sessions end at once) or re-enables a user. An admin cannot disable themselves.</summary>
    public async Task<string?> SetDisabledAsync(string userName, bool disabled, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        if (disabled && userName == admin.Identity?.Name)
        {
            return "不能停用自己的账户";
        }

        if (!await users.SetDisabledAsync(userName, disabled, cancellationToken))
        {
            return "用户不存在";
        }

        await audit.WriteAsync(admin, AuditActions.UserChanged, userName, disabled ? "disabled" : "enabled", cancellationToken);
        return null;
    }

    /// <summary>Changes the role (and department); the user's sessions end at once.</summary>
    public async Task<string?> SetRoleAsync(string userName, string role, string? departmentId, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        if (!Roles.UserRoles.Contains(role))
        {
            return "未知角色";
        }

        if (role == Roles.Department && string.IsNullOrWhiteSpace(departmentId))
        {
            return "承办单位用户须选择单位";
        }

        if (userName == admin.Identity?.Name && role != Roles.Admin)
        {
            return "不能取消自己的管理员角色";
        }

        var before = await users.FindByUserNameAsync(userName, cancellationToken);
        if (before is null || !await users.SetRoleAsync(userName, role, role == Roles.Department ? departmentId : null, cancellationToken))
        {
            return "用户不存在";
        }

        await audit.WriteAsync(admin, AuditActions.RoleChanged, userName,
            $"{before.Role}{Dept(before.DepartmentId)} -> {role}{Dept(role == Roles.Department ? departmentId : null)}", cancellationToken);
        return null;
    }

    /// <summary>Sets a new password (policy checked); clears a lockout; the user's sessions end.</summary>
    public async Task<string?> SetPasswordAsync(string userName, string? password, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByUserNameAsync(userName, cancellationToken);
        if (user is null)
        {
            return "用户不存在";
        }

        var problems = PasswordPolicy.Check(password, settings.PasswordMinLength, userName);
        if (problems.Count > 0)
        {
            return string.Join("；", problems);
        }

        await users.SetPasswordHashAsync(userName, hasher.HashPassword(user, password!), cancellationToken);
        await audit.WriteAsync(admin, AuditActions.UserChanged, userName, "password reset", cancellationToken);
        return null;
    }

    private static string Dept(string? departmentId) => departmentId is null ? "" : $" ({departmentId})";

    [GeneratedRegex("^[A-Za-z0-9._-]{3,32}$")]
    private static partial Regex UserNamePattern();
}
