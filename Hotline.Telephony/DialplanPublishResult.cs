namespace Hotline.Telephony;

/// <summary>How publishing the IVR include went on one node; <see cref="Detail"/> is the technical reason (English).</summary>
public sealed record DialplanPublishResult(string Node, DialplanPublishOutcome Outcome, string Detail)
{
    public bool Succeeded => Outcome == DialplanPublishOutcome.Applied;
}
