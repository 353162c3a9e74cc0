namespace Hotline.Core.Calls;

public enum CallOutcome
{
    /// <summary>Still going on (or interrupted by a restart before it finished).</summary>
    InProgress,
    Answered,
    SelfServed,
    Abandoned,
    /// <summary>Left a callback request while queued (queue overflow): not an abandon.</summary>
    CallbackRequested,
    /// <summary>Hung up in the IVR menu before reaching a queue or self-service.</summary>
    Other,
}
