namespace Hotline.Telephony.Ivr;

/// <summary>One digit of a menu. Mutable: the admin page edits it in place.</summary>
public sealed class IvrOption
{
    /// <summary><c>0</c>–<c>9</c> or <c>*</c> (<c>#</c> ends input in Read, so it cannot be an option).</summary>
    public string Digit { get; set; } = "";

    /// <summary>What the option is, for people (Chinese allowed); written into the dialplan only as a comment.</summary>
    public string Label { get; set; } = "";

    public IvrAction Action { get; set; }

    /// <summary>Self-service: the node name reported in the completion UserEvent and stored with the call (a–z, 0–9).</summary>
    public string? Node { get; set; }

    /// <summary>Self-service: the message played; submenu: its prompt. An Asterisk sound name such as <c>custom/hours</c>.</summary>
    public string? Prompt { get; set; }

    /// <summary>The submenu's options (Queue or SelfService only).</summary>
    public List<IvrOption> Options { get; set; } = [];

    public IvrOption Copy() => new()
    {
        Digit = Digit,
        Label = Label,
        Action = Action,
        Node = Node,
        Prompt = Prompt,
        Options = Options.Select(o => o.Copy()).ToList(),
    };
}
