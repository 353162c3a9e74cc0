namespace Hotline.Web.Telephony;

/// <summary>The ARI state of one Asterisk node, for the supervisor view and <c>GET /api/telephony/nodes</c>.</summary>
/// <param name="Node">The node name.</param>
/// <param name="AriConfigured">False when the node's <c>Ari:*</c> settings are empty: what needs ARI is off for it.</param>
/// <param name="AriUp">True/false from the last check of <c>GET /ari/asterisk/info</c>; null before the first check or when not configured.</param>
/// <param name="Version">The Asterisk version ARI reported.</param>
/// <param name="CheckedAt">When ARI was last checked.</param>
/// <param name="Message">What it means, in Chinese, for the supervisor.</param>
public sealed record AriNodeState(string Node, bool AriConfigured, bool? AriUp, string? Version, DateTimeOffset? CheckedAt, string Message);
