namespace Hotline.Telephony;

/// <summary>
/// The call left the IVR menu for the queue. <paramref name="Keys"/> are the answers to the menu's prompts in order,
/// one character each: the digit (or <c>*</c>) pressed, or <c>-</c> when no key came before the timeout. The agent's
/// screen turns them into the path through the menu (<see cref="Ivr.IvrPath"/>).
/// </summary>
public sealed record CallLeftIvr(DateTimeOffset At, string CallId, string Keys) : TelephonyEvent(At);
