using System.Buffers.Text;
using System.Text;

namespace Hotline.Telephony.Ami;

/// <summary>
/// One AMI frame (an event, a response or an action): ordered <c>Key: Value</c> fields. The frame keeps its raw
/// bytes and the field offsets; a value becomes a string only when asked for, so frames nobody reads cost little.
/// Key lookup is ASCII case-insensitive and returns the first field with that key. Immutable.
/// </summary>
public sealed class AmiFrame
{
    private readonly byte[] _data;

    // Four ints per field: key start, key length, value start, value length.
    private readonly int[] _offsets;
    private string? _event;
    private string? _response;

    internal AmiFrame(byte[] data, int[] offsets)
    {
        _data = data;
        _offsets = offsets;
    }

    public int Count => _offsets.Length / 4;

    /// <summary>The frame as a view (what <see cref="AmiEventMapper"/> reads).</summary>
    public AmiFrameView View => new(_data, _offsets);

    /// <summary>The <c>Event</c> field (interned for known names), or null for a response.</summary>
    public string? Event => _event ??= GetInterned("Event"u8);

    /// <summary>The <c>Response</c> field (e.g. <c>Success</c>, <c>Error</c>), or null for an event.</summary>
    public string? Response => _response ??= GetInterned("Response"u8);

    public string? ActionId => this["ActionID"];

    /// <summary>The first value with this key (case-insensitive), or null.</summary>
    public string? this[string key] => TryGetSpan(key, out var value) ? Encoding.UTF8.GetString(value) : null;

    public string GetKey(int index) => Encoding.UTF8.GetString(_data.AsSpan(_offsets[index * 4], _offsets[index * 4 + 1]));

    public string GetValue(int index) => Encoding.UTF8.GetString(_data.AsSpan(_offsets[index * 4 + 2], _offsets[index * 4 + 3]));

    public bool TryGetSpan(string key, out ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < _offsets.Length; i += 4)
        {
            if (Ascii.EqualsIgnoreCase(_data.AsSpan(_offsets[i], _offsets[i + 1]), key))
            {
                value = _data.AsSpan(_offsets[i + 2], _offsets[i + 3]);
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool TryGetSpan(ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < _offsets.Length; i += 4)
        {
            if (Ascii.EqualsIgnoreCase(_data.AsSpan(_offsets[i], _offsets[i + 1]), key))
            {
                value = _data.AsSpan(_offsets[i + 2], _offsets[i + 3]);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True when the field is present and equals <paramref name="expected"/> (ASCII case-insensitive).</summary>
    public bool Is(ReadOnlySpan<byte> key, ReadOnlySpan<byte> expected) =>
        TryGetSpan(key, out var value) && Ascii.EqualsIgnoreCase(value, expected);

    public bool TryGetInt64(string key, out long value)
    {
        value = 0;
        return TryGetSpan(key, out var span) && Utf8Parser.TryParse(span, out value, out var used) && used == span.Length;
    }

    public bool TryGetDouble(string key, out double value)
    {
        value = 0;
        return TryGetSpan(key, out var span) && Utf8Parser.TryParse(span, out value, out var used) && used == span.Length;
    }

    /// <summary>The frame as AMI text (CRLF lines, no terminating blank line).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            text.Append(GetKey(i)).Append(": ").Append(GetValue(i)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>Parses one frame from AMI text (tests, captures). Returns null when the text holds no valid frame.</summary>
    public static AmiFrame? Parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.TrimEnd('\r', '\n') + "\r\n\r\n");
        var parser = new AmiFrameParser(bytes.Length + 1);
        var frames = new List<AmiFrame>(1);
        parser.Parse(bytes, frames);
        return frames.Count == 1 ? frames[0] : null;
    }

    private string? GetInterned(ReadOnlySpan<byte> key) =>
        TryGetSpan(key, out var value) ? AmiNames.Intern(value) : null;
}
