using Hotline.Core.Security;

namespace Hotline.Core.Tickets;

/// <summary>Who performs a ticket action: a user (or API key) with one role from <see cref="Roles"/>.</summary>
/// <param name="UserName">Login name, or the API key's name.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="DepartmentId">For <see cref="Roles.Department"/>: the department the user belongs to.</param>
/// <param name="DisplayName">Shown on the timeline.</param>
public sealed record Actor(string UserName, string Role, string? DepartmentId = null, string? DisplayName = null)
{
    public static Actor FromUser(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(user.UserName, user.Role, user.DepartmentId, user.DisplayName);
    }
}
