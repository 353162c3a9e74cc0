namespace Hotline.Core.Tickets;

/// <summary>Settings under <c>Hotline:Tickets</c>.</summary>
public sealed class TicketOptions
{
    public const string Section = "Hotline:Tickets";

    /// <summary>Ticket numbers start with this (YH → YH20261127-0042).</summary>
    public string NumberPrefix { get; set; } = "YH";

    /// <summary>诉求内容 must have at least this many characters (after trimming).</summary>
    public int MinContentLength { get; set; } = 5;

    public int MaxContentLength { get; set; } = 2000;

    /// <summary>Bound from <c>Hotline:Tickets:TimeLimits</c>.</summary>
    public TicketTimeLimitOptions TimeLimits { get; set; } = new();

    /// <summary>Problems with these settings, in English, for validation at start (empty when fine).</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(NumberPrefix) || NumberPrefix.Any(char.IsDigit) || NumberPrefix.Contains('-'))
            yield return $"{Section}:{nameof(NumberPrefix)} must be non-empty without digits or '-'.";
        if (MinContentLength < 1 || MaxContentLength < MinContentLength)
            yield return $"{Section}: need 1 <= {nameof(MinContentLength)} <= {nameof(MaxContentLength)}.";
        foreach (var problem in TimeLimits.Validate())
            yield return problem;
    }
}
