using System.Globalization;
using Hotline.Telephony.Ami;
using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Asterisk;

/// <summary>
/// Compares the queue's section of queues.conf (read with AMI <c>GetConfig</c>) with the product's callback setting:
/// the periodic announcement ("press 1 for a callback") must start when the product starts taking the 1
/// (<c>Hotline:Telephony:Callbacks:OfferAfterSeconds</c>), and the key must reach <see cref="IvrDialplan.QueueExitContext"/>.
/// Asterisk reads those two from its own file, so a site that changes one setting and not the other is told at link-up.
/// </summary>
public static class QueueConfigCheck
{
    public static AmiAction Request(string queue) => new AmiAction("GetConfig").Add("Filename", "queues.conf").Add("Category", queue);

    /// <summary>What disagrees, in English for the log; empty when the file and the setting agree.</summary>
    public static IReadOnlyList<string> Problems(AmiFrame response, string queue, int offerAfterSeconds)
    {
        ArgumentNullException.ThrowIfNull(response);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < response.Count; i++)
        {
            // Line-000000-000017: periodic-announce-startdelay=60
            if (!response.GetKey(i).StartsWith("Line-", StringComparison.Ordinal)) continue;
            var line = response.GetValue(i);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0) settings[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        var problems = new List<string>();
        settings.TryGetValue("periodic-announce-startdelay", out var delay);
        settings.TryGetValue("context", out var context);
        if (offerAfterSeconds > 0)
        {
            if (delay != offerAfterSeconds.ToString(CultureInfo.InvariantCulture))
            {
                problems.Add($"queues.conf [{queue}] periodic-announce-startdelay is {delay ?? "not set"} but Hotline:Telephony:Callbacks:OfferAfterSeconds is {offerAfterSeconds}: callers are offered the callback at another time than it is taken");
            }

            if (!string.Equals(context, IvrDialplan.QueueExitContext, StringComparison.Ordinal))
            {
                problems.Add($"queues.conf [{queue}] context is {context ?? "not set"}, not {IvrDialplan.QueueExitContext}: a caller's 1 in the queue leaves no callback request");
            }
        }
        else if (settings.ContainsKey("periodic-announce"))
        {
            problems.Add($"queues.conf [{queue}] announces callbacks (periodic-announce) but Hotline:Telephony:Callbacks:OfferAfterSeconds is 0 (off)");
        }

        return problems;
    }
}
