namespace Hotline.Core.Tickets;

/// <summary>How the request came in (named TicketChannel to stay clear of System.Threading.Channels).</summary>
public enum TicketChannel
{
    /// <summary>电话.</summary>
    Phone,

    /// <summary>短信.</summary>
    Sms,

    /// <summary>微信.</summary>
    WeChat,

    /// <summary>网站.</summary>
    Web,
}
