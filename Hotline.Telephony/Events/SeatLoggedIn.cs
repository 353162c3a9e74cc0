namespace Hotline.Telephony;

/// <summary>An agent logged in at a seat (extension). The seat starts NotReady until set Ready.</summary>
public sealed record SeatLoggedIn(DateTimeOffset At, string AgentId, string Name, string Extension) : TelephonyEvent(At);
