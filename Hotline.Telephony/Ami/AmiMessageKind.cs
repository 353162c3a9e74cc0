namespace Hotline.Telephony.Ami;

public enum AmiMessageKind
{
    /// <summary>An event frame from Asterisk.</summary>
    Event,

    /// <summary>Logged in (first connect or a reconnect); the events that follow are live.</summary>
    LinkUp,

    /// <summary>The connection was lost or refused; the client is reconnecting.</summary>
    LinkDown,
}
