namespace Hotline.Telephony;

/// <summary>The switch started recording the call (MixMonitor) into <see cref="FileName"/> on <see cref="Node"/>.</summary>
public sealed record RecordingStarted(DateTimeOffset At, string CallId, string Node, string FileName) : TelephonyEvent(At);
