namespace Hotline.Telephony;

public enum DialplanPublishOutcome
{
    Applied,

    /// <summary>The node has no <c>IvrIncludePath</c> setting.</summary>
    NoPath,

    /// <summary>The file could not be written.</summary>
    WriteFailed,

    /// <summary>The AMI link is down.</summary>
    NotConnected,

    /// <summary>Asterisk refused or failed <c>dialplan reload</c> (e.g. the AMI user lacks the <c>command</c> write right).</summary>
    ReloadFailed,

    /// <summary>Reloaded, but the new menu is not in the dialplan (the file did not load).</summary>
    NotLoaded,
}
