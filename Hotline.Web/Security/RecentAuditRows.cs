using System.Collections.Concurrent;

namespace Hotline.Web.Security;

/// <summary>When each (actor, action, target) was last audited by <see cref="AuditTrail.WriteOnceAsync"/>: one per app
/// (a singleton, not a static, so two app instances in one process — the tests' servers — do not share it).</summary>
public sealed class RecentAuditRows
{
    public ConcurrentDictionary<string, DateTimeOffset> Rows { get; } = new();
}
