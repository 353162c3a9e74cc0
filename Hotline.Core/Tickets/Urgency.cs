namespace Hotline.Core.Tickets;

/// <summary>紧急程度: decides which column of the time-limit table applies.</summary>
public enum Urgency
{
    /// <summary>一般: deadlines in working days on the work calendar.</summary>
    Normal,

    /// <summary>紧急: deadlines in clock hours.</summary>
    Urgent,

    /// <summary>特急: deadlines in clock minutes/hours; raises the emergency alert at registration.</summary>
    Critical,
}
