using System.Globalization;

namespace Hotline.Core.Tickets;

/// <summary>
/// A ticket number: prefix, the local registration day, and a per-day sequence, e.g. YH20261127-0042.
/// The sequence is allocated by storage; this type only formats and parses.
/// </summary>
public readonly record struct TicketNumber(string Prefix, DateOnly Day, int Sequence)
{
    public const string DefaultPrefix = "YH";

    /// <summary>Prefix + yyyyMMdd + '-' + sequence with at least four digits (10000 and up print in full).</summary>
    public static string Format(DateOnly day, int sequence, string prefix = DefaultPrefix)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{day:yyyyMMdd}-{sequence:D4}");
    }

    /// <summary>The day a ticket registered at <paramref name="instant"/> is numbered under (the day cut in <paramref name="timeZone"/>).</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

    public static bool TryParse(string? text, out TicketNumber number) => TryParse(text, DefaultPrefix, out number);

    /// <summary>Accepts exactly prefix + a real date + '-' + at least four digits (sequence ≥ 1).</summary>
    public static bool TryParse(string? text, string prefix, out TicketNumber number)
    {
        number = default;
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(prefix) || !text.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var rest = text.AsSpan(prefix.Length);
        if (rest.Length < 13 || rest[8] != '-')
            return false;
        var digits = rest[9..];
        if (!IsAsciiDigits(rest[..8]) || !IsAsciiDigits(digits) || digits.Length > 9)
            return false;
        if (!DateOnly.TryParseExact(rest[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return false;
        var sequence = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        // Only the canonical form: 4 digits, or more only when the number needs them.
        if (sequence < 1 || (digits.Length > 4 && digits[0] == '0'))
            return false;
        number = new TicketNumber(prefix, day, sequence);
        return true;
    }

    public static bool IsValid(string? text, string prefix = DefaultPrefix) => TryParse(text, prefix, out _);

    public override string ToString() => Format(Day, Sequence, Prefix);

    private static bool IsAsciiDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return span.Length > 0;
    }
}
