namespace Hotline.Core.Audit;

/// <summary>One audit row: who (user name, role), when, from which address, what (action, target, detail).</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string? Role,
    string? Address,
    string Action,
    string? Target,
    string? Detail);
