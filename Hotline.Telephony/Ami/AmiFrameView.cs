using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace Hotline.Telephony.Ami;

/// <summary>
/// A frame seen in place: the raw bytes and the field offsets (four ints per field: key start, key length, value
/// start, value length), without copying them. Valid only while the bytes it was cut from are; call
/// <see cref="ToFrame"/> to keep it. Key lookup is ASCII case-insensitive and returns the first field with that key.
/// </summary>
public readonly ref struct AmiFrameView
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly ReadOnlySpan<int> _offsets;

    internal AmiFrameView(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets)
    {
        _data = data;
        _offsets = offsets;
    }

    public int Count => _offsets.Length / 4;

    /// <summary>The <c>Event</c> field's bytes, or empty for a response.</summary>
    public ReadOnlySpan<byte> EventName => TryGetSpan("Event"u8, out var name) ? name : default;

    public bool IsResponse => TryGetSpan("Response"u8, out _);

    public bool HasActionId => TryGetSpan("ActionID"u8, out _);

    public bool TryGetSpan(ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        var offsets = _offsets;
        for (var i = 0; i + 3 < offsets.Length; i += 4)
        {
            // The length test first: most keys differ in length, and it costs nothing.
            if (offsets[i + 1] == key.Length && KeyEquals(_data.Slice(offsets[i], key.Length), key))
            {
                value = _data.Slice(offsets[i + 2], offsets[i + 3]);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True when the field is present and equals <paramref name="expected"/> (ASCII case-insensitive).</summary>
    public bool Is(ReadOnlySpan<byte> key, ReadOnlySpan<byte> expected) =>
        TryGetSpan(key, out var value) && Ascii.EqualsIgnoreCase(value, expected);

    /// <summary>The first value with this key as a string, or null.</summary>
    public string? GetString(ReadOnlySpan<byte> key) => TryGetSpan(key, out var value) ? Encoding.UTF8.GetString(value) : null;

    public bool TryGetInt64(ReadOnlySpan<byte> key, out long value)
    {
        value = 0;
        return TryGetSpan(key, out var span) && Utf8Parser.TryParse(span, out value, out var used) && used == span.Length;
    }

    public bool TryGetDouble(ReadOnlySpan<byte> key, out double value)
    {
        value = 0;
        return TryGetSpan(key, out var span) && Utf8Parser.TryParse(span, out value, out var used) && used == span.Length;
    }

    /// <summary>A copy that outlives the buffer.</summary>
    public AmiFrame ToFrame() => new(_data.ToArray(), _offsets.ToArray());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool KeyEquals(ReadOnlySpan<byte> candidate, ReadOnlySpan<byte> key) =>
        candidate.SequenceEqual(key) || Ascii.EqualsIgnoreCase(candidate, key);
}
