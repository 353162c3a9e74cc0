namespace Hotline.Telephony;

/// <summary>Settings under <c>Hotline:Telephony:Callbacks</c>: queue overflow callback requests.</summary>
public sealed class CallbackOptions
{
    public const string Section = TelephonyOptions.Section + ":Callbacks";

    /// <summary>From this wait in the queue on, a caller may press 1 to leave a callback request; 0 = callbacks off.
    /// On Asterisk it goes into the generated dialplan; keep queues.conf <c>periodic-announce-startdelay</c> equal.</summary>
    public int OfferAfterSeconds { get; set; } = 60;

    public IReadOnlyList<string> Validate() =>
        OfferAfterSeconds is < 0 or > 3600 ? [$"{Section}:{nameof(OfferAfterSeconds)} must be 0 (off) to 3600 (was {OfferAfterSeconds})"] : [];
}
