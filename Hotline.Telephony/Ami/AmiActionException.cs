namespace Hotline.Telephony.Ami;

/// <summary>Asterisk answered an action with <c>Response: Error</c>, or the link was lost before it answered.</summary>
public sealed class AmiActionException(string message) : Exception(message);
