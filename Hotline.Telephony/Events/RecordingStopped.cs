namespace Hotline.Telephony;

/// <summary>The recording of the call into <see cref="FileName"/> stopped (StopMixMonitor, or the recorded channel hung up).</summary>
public sealed record RecordingStopped(DateTimeOffset At, string CallId, string FileName) : TelephonyEvent(At);
