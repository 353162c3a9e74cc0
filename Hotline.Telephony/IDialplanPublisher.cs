namespace Hotline.Telephony;

/// <summary>A switch whose dialplan the product writes (the Asterisk bridge; the simulated switch has none).</summary>
public interface IDialplanPublisher
{
    /// <summary>
    /// Writes the IVR include to every node's <c>IvrIncludePath</c>, reloads the node's dialplan over AMI and checks
    /// that the reloaded <c>[hotline-ivr]</c> has <paramref name="expectedExtensions"/>. One result per node.
    /// </summary>
    Task<IReadOnlyList<DialplanPublishResult>> PublishIvrAsync(string includeText, IReadOnlyCollection<string> expectedExtensions, CancellationToken cancellationToken = default);
}
