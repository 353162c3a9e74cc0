namespace Hotline.Core.Callbacks;

/// <summary>Where a callback request stands on the BackOffice worklist.</summary>
public enum CallbackStatus
{
    /// <summary>Still to be called back (attempts may have been made).</summary>
    Pending,

    /// <summary>The citizen was reached.</summary>
    Done,

    /// <summary>Given up: the citizen could not be reached.</summary>
    Unreachable,
}
