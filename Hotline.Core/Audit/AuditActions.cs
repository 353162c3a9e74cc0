namespace Hotline.Core.Audit;

/// <summary>The audited actions (the <c>action</c> column). Stable names: searches and exports use them.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string Lockout = "lockout";
    public const string SignOut = "sign-out";
    public const string NumberRevealed = "number-revealed";
    public const string TicketViewed = "ticket-viewed";
    public const string RecordingPlayed = "recording-played";
    public const string RecordingDownloaded = "recording-downloaded";
    public const string RecordingsDeleted = "recordings-deleted";
    public const string Export = "export";
    public const string UserChanged = "user-changed";
    public const string RoleChanged = "role-changed";
    public const string SettingChanged = "setting-changed";
    public const string IvrEdited = "ivr-edited";
    public const string AssessmentConfirmed = "assessment-confirmed";
    public const string CallMonitored = "call-monitored";
}
