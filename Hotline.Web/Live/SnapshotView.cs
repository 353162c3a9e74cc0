using Hotline.Core.Live;
using Hotline.Core.Security;
using Hotline.Web.Security;
using System.Security.Claims;

namespace Hotline.Web.Live;

/// <summary>What one viewer may see of a snapshot: caller numbers masked except for the agent on the call.</summary>
public static class SnapshotView
{
    /// <summary>Every seat, every caller number masked (wallboards, supervisors, officials).</summary>
    public static LiveSnapshot Masked(LiveSnapshot snapshot)
        => snapshot with { Seats = snapshot.Seats.Select(MaskSeat).ToArray() };

    /// <summary>Only the agent's own seat, with the full number of their own caller.</summary>
    public static LiveSnapshot ForAgent(LiveSnapshot snapshot, string agentId)
        => snapshot with { Seats = snapshot.Seats.Where(s => s.AgentId == agentId).ToArray() };

    /// <summary>The view for a signed-in user or a wallboard device.</summary>
    public static LiveSnapshot For(ClaimsPrincipal user, LiveSnapshot snapshot)
    {
        if (user.IsInRole(Roles.Agent))
        {
            return ForAgent(snapshot, user.FindFirstValue(HotlineClaims.AgentId) ?? "");
        }

        return Masked(snapshot);
    }

    public static SeatSnapshot MaskSeat(SeatSnapshot seat)
        => seat.CurrentCaller is null ? seat : seat with { CurrentCaller = PhoneMask.Mask(seat.CurrentCaller) };
}
