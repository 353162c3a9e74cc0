using System.Collections.Concurrent;
using System.Text;

namespace Hotline.Telephony.Ami;

/// <summary>
/// Interns event and response names so that reading <see cref="AmiFrame.Event"/> allocates nothing for names
/// seen before. Bounded, so a stream of garbage names cannot grow it without limit.
/// </summary>
internal static class AmiNames
{
    private const int MaxNames = 1024;
    private const int MaxNameBytes = 64;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Intern(ReadOnlySpan<byte> name)
    {
        if (name.Length > MaxNameBytes || !Ascii.IsValid(name))
        {
            return Encoding.UTF8.GetString(name);
        }

        Span<char> chars = stackalloc char[name.Length];
        Ascii.ToUtf16(name, chars, out var written);
        chars = chars[..written];
        if (Lookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var text = new string(chars);
        if (Names.Count < MaxNames)
        {
            Names.TryAdd(text, text);
        }

        return text;
    }
}
