using Hotline.Core.Security;
using Hotline.Core.Tickets;
using Hotline.Web.Security;
using System.Security.Claims;

namespace Hotline.Web.Tickets;

/// <summary>The ticket <see cref="Actor"/> of a signed-in user or an API key, and what that role may see.</summary>
public static class TicketActor
{
    public static Actor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(
            user.Identity?.Name ?? "",
            user.FindFirstValue(ClaimTypes.Role) ?? "",
            user.DepartmentId(),
            user.DisplayName());
    }

    /// <summary>Departments and officials do not need citizens' full numbers; the hotline's own staff do.</summary>
    public static bool SeesFullCallerNumber(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Roles.Agent or Roles.BackOffice or Roles.Supervisor or Roles.Admin;
    }

    /// <summary>The caller number as this actor may see it.</summary>
    public static string CallerNumberFor(Actor actor, string? number)
        => SeesFullCallerNumber(actor) ? number ?? "" : PhoneMask.Mask(number) ?? "";
}
