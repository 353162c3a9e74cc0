using Hotline.Core.Security;

namespace Hotline.Web.Security;

/// <summary>The outcome of a sign-in; on success the user and the new session's id.</summary>
public sealed record SignInResult(SignInStatus Status, UserAccount? User, string? SessionId);
