namespace Hotline.Web.Security;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInStatus
{
    Failed,
    LockedOut,
    Succeeded,
}
