using System.Globalization;

namespace Hotline.Telephony.Ami;

/// <summary>
/// Reads Asterisk's queue_log (<c>epoch|callid|queue|agent|event|data...</c>, one entry a line) for the entries in a
/// time window. Pure and forgiving: a malformed line (too few fields, a bad epoch, an empty event) is skipped and
/// counted, never thrown. Asterisk writes the file in time order, but the window is checked per line anyway.
/// </summary>
public static class QueueLogReader
{
    /// <summary>The entries with <paramref name="from"/> ≤ time ≤ <paramref name="to"/>, in file order.</summary>
    public static QueueLogRead Read(TextReader reader, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<QueueLogEntry>();
        var skipped = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            if (Parse(line) is not { } entry)
            {
                skipped++;
                continue;
            }

            if (entry.At >= from && entry.At <= to) entries.Add(entry);
        }

        return new QueueLogRead(entries, skipped);
    }

    /// <summary>One line, or null when it is not a queue_log entry.</summary>
    public static QueueLogEntry? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.TrimEnd('\r').Split('|');
        if (fields.Length < 5) return null;
        // Epoch seconds (a fraction is accepted: some builds log microseconds).
        var epochText = fields[0].AsSpan();
        var dot = epochText.IndexOf('.');
        if (dot >= 0) epochText = epochText[..dot];
        if (!long.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) || epoch <= 0 || epoch >= 32_503_680_000) return null;
        var name = fields[4].Trim();
        if (name.Length == 0 || fields[1].Length == 0) return null;
        return new QueueLogEntry(DateTimeOffset.FromUnixTimeSeconds(epoch), fields[1], fields[2], fields[3], name, fields[5..]);
    }
}
