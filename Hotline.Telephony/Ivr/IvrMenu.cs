namespace Hotline.Telephony.Ivr;

/// <summary>
/// The IVR menu an Admin edits (stored as JSON, turned into the dialplan include by <see cref="IvrDialplan"/>).
/// Timeout, attempts and fallbacks apply to the main menu and the submenus alike. Mutable: the admin page edits it.
/// </summary>
public sealed class IvrMenu
{
    /// <summary>The greeting that also lists the options (an Asterisk sound name).</summary>
    public string Greeting { get; set; } = "queue-thankyou";

    /// <summary>Seconds to wait for a key after the prompt.</summary>
    public int TimeoutSeconds { get; set; } = 2;

    /// <summary>How many times the menu is offered before the fallback (1 = once).</summary>
    public int Attempts { get; set; } = 1;

    /// <summary>Played before offering the menu again after a key with no option; empty = none.</summary>
    public string? InvalidPrompt { get; set; }

    public IvrFallback OnTimeout { get; set; } = IvrFallback.Queue;

    public IvrFallback OnInvalid { get; set; } = IvrFallback.Queue;

    public List<IvrOption> Options { get; set; } = [];

    /// <summary>The shipped menu (deploy/asterisk/hotline-ivr.conf is generated from it): the greeting; 1, 2, 3 and 0
    /// name what the caller wants and go to the queue (the agent sees the choice); 9 = the office-hours announcement as
    /// self-service; anything else or no key = the queue.</summary>
    public static IvrMenu Default() => new()
    {
        Options =
        [
            new IvrOption { Digit = "1", Label = "政策咨询", Action = IvrAction.Queue },
            new IvrOption { Digit = "2", Label = "求助", Action = IvrAction.Queue },
            new IvrOption { Digit = "3", Label = "投诉举报", Action = IvrAction.Queue },
            new IvrOption { Digit = "0", Label = "人工服务", Action = IvrAction.Queue },
            new IvrOption { Digit = "9", Label = "办公时间", Action = IvrAction.SelfService, Node = "hours", Prompt = "queue-thankyou" },
        ],
    };

    public IvrMenu Copy() => new()
    {
        Greeting = Greeting,
        TimeoutSeconds = TimeoutSeconds,
        Attempts = Attempts,
        InvalidPrompt = InvalidPrompt,
        OnTimeout = OnTimeout,
        OnInvalid = OnInvalid,
        Options = Options.Select(o => o.Copy()).ToList(),
    };
}
