namespace Hotline.Telephony.Ivr;

/// <summary>What pressing a menu digit does.</summary>
public enum IvrAction
{
    /// <summary>Leave the menu for the hotline queue (an agent).</summary>
    Queue,

    /// <summary>Play an information message and finish as self-service (counts in 有效接通率).</summary>
    SelfService,

    /// <summary>Open a submenu (only from the main menu: one level).</summary>
    Submenu,
}
