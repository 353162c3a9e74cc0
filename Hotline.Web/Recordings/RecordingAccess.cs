using System.Security.Claims;
using Hotline.Core.Recordings;
using Hotline.Core.Security;
using Hotline.Web.Security;

namespace Hotline.Web.Recordings;

/// <summary>Who may play a recording: supervisors, the back office and admins any; an agent only the calls he answered.
/// Departments, officials and wallboard devices never (DOMAIN.md: recordings are for the hotline's own staff).</summary>
public static class RecordingAccess
{
    public static bool MayPlayAny(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.BackOffice) || user.IsInRole(Roles.Admin);

    public static bool MayPlay(ClaimsPrincipal user, Recording recording) =>
        MayPlayAny(user)
        || (user.IsInRole(Roles.Agent) && user.AgentId() is { Length: > 0 } agentId && string.Equals(agentId, recording.AgentId, StringComparison.Ordinal));
}
