using Hotline.Core;
using Hotline.Core.Tickets;
using Hotline.Web.Configuration;
using MudBlazor;
using System.Globalization;

namespace Hotline.Web.Tickets;

/// <summary>How tickets read on screens: local times, deadline highlighting, status colours.</summary>
public sealed class TicketFormat(HotlineOptions options)
{
    private readonly TimeZoneInfo _zone = TimeZones.TryFind(options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public TimeZoneInfo Zone => _zone;

    public string Local(DateTimeOffset? at, string format = "yyyy-MM-dd HH:mm")
        => at is null ? "—" : TimeZoneInfo.ConvertTime(at.Value, _zone).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// "Due soon" is a working day ahead for 一般 tickets and half an hour for 紧急 / 特急 ones, whose limits are
    /// counted in minutes and hours.
    /// </summary>
    public static TimeSpan DueSoonThreshold(Urgency urgency) => urgency == Urgency.Normal ? TimeSpan.FromHours(24) : TimeSpan.FromMinutes(30);

    public static DeadlineState StateOf(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.IsOverdue(now))
            return DeadlineState.Overdue;
        if (ticket.IsDueSoon(now, DueSoonThreshold(ticket.Urgency)))
            return DeadlineState.DueSoon;
        return ticket.Deadline is null || ticket.IsFinished ? DeadlineState.None : DeadlineState.OnTime;
    }

    public static Color StatusColor(TicketStatus status) => status switch
    {
        TicketStatus.Registered => Color.Info,
        TicketStatus.Dispatched or TicketStatus.Redo => Color.Primary,
        TicketStatus.SignedFor => Color.Secondary,
        TicketStatus.Returned or TicketStatus.ExtensionRequested or TicketStatus.ReplyRejected => Color.Warning,
        TicketStatus.Replied or TicketStatus.FollowUpPending => Color.Tertiary,
        TicketStatus.Closed => Color.Success,
        _ => Color.Default,
    };

    public static Color UrgencyColor(Urgency urgency) => urgency switch
    {
        Urgency.Critical => Color.Error,
        Urgency.Urgent => Color.Warning,
        _ => Color.Default,
    };

    public static string Excerpt(string? text, int length = 40)
        => string.IsNullOrEmpty(text) ? "" : text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
