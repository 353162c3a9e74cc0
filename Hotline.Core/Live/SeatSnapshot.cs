using Hotline.Telephony;

namespace Hotline.Core.Live;

/// <summary>One seat. <see cref="CurrentCaller"/> is the full number: the web layer masks it per role.
/// <see cref="CurrentIvrKeys"/> are the keys the current caller pressed in the IVR (see <see cref="CallLeftIvr"/>).</summary>
public sealed record SeatSnapshot(
    string AgentId,
    string Name,
    string Extension,
    SeatState State,
    string? Reason,
    double SecondsInState,
    int CallsToday,
    string? CurrentCallId,
    string? CurrentCaller,
    double? CurrentCallWaitSeconds,
    string? CurrentIvrKeys = null);
