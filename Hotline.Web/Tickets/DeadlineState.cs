namespace Hotline.Web.Tickets;

/// <summary>How a ticket's current deadline stands, for highlighting.</summary>
public enum DeadlineState
{
    /// <summary>No deadline runs (finished).</summary>
    None,
    OnTime,
    DueSoon,
    Overdue,
}
