using System.Text;

namespace Hotline.Telephony.Ami;

/// <summary>An AMI action to send: its name and fields in order (a key may repeat, e.g. <c>Variable</c>).</summary>
public sealed class AmiAction
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public AmiAction(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a field; a null value leaves it out. CR and LF are removed so a value cannot inject fields.</summary>
    public AmiAction Add(string key, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(key, value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)));
        }

        return this;
    }

    internal byte[] Encode(string actionId)
    {
        var text = new StringBuilder(64 + _fields.Count * 32);
        text.Append("Action: ").Append(Name).Append("\r\nActionID: ").Append(actionId).Append("\r\n");
        foreach (var (key, value) in _fields)
        {
            text.Append(key).Append(": ").Append(value).Append("\r\n");
        }

        text.Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
