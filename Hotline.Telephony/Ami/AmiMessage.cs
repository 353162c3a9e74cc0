namespace Hotline.Telephony.Ami;

/// <summary>One item of <see cref="AmiClient.Messages"/>: an event, or a change of the link state.</summary>
public readonly record struct AmiMessage(AmiMessageKind Kind, DateTimeOffset At, AmiFrame? Frame, string? Reason);
