namespace Hotline.Telephony.Ivr;

/// <summary>Where a caller goes after the last attempt with no key (timeout) or a key with no option (invalid).</summary>
public enum IvrFallback
{
    Queue,
    Hangup,
}
