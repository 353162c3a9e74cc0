namespace Hotline.Core.Tickets;

/// <summary>Why a ticket action was refused; the API maps these to HTTP status codes.</summary>
public enum TransitionFailureKind
{
    /// <summary>The action is not possible in the ticket's current status (409, naming the status).</summary>
    NotAllowedInState,

    /// <summary>The actor's role may not do this, or a department acts on a ticket that is not its own (403).</summary>
    Forbidden,

    /// <summary>Missing or bad fields (400 with the field errors).</summary>
    Invalid,

    /// <summary>The ticket changed since the user loaded it (409 with the current ticket).</summary>
    VersionConflict,
}
