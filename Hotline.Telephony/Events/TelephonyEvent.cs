namespace Hotline.Telephony;

/// <summary>Base of every switch event. <see cref="At"/> is when it happened on the switch (UTC).</summary>
public abstract record TelephonyEvent(DateTimeOffset At);
