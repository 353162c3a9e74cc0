namespace Hotline.Telephony.Ami;

/// <summary>One line of Asterisk's queue_log: <c>epoch|callid|queue|agent|event|data1|data2|...</c>.
/// <see cref="CallId"/> is the caller channel's Uniqueid (as in AMI); <see cref="Agent"/> the member name.</summary>
public sealed record QueueLogEntry(DateTimeOffset At, string CallId, string Queue, string Agent, string Event, IReadOnlyList<string> Data)
{
    /// <summary>The data field at <paramref name="index"/> (0 = data1) as an integer, or <paramref name="fallback"/>.</summary>
    public int Int(int index, int fallback = 0) =>
        index < Data.Count && int.TryParse(Data[index], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public string Text(int index) => index < Data.Count ? Data[index] : "";
}
