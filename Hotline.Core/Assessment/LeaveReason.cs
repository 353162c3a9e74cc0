namespace Hotline.Core.Assessment;

/// <summary>Why a staff member left (stored by name).</summary>
public enum LeaveReason
{
    /// <summary>辞职.</summary>
    Resigned,
    /// <summary>辞退.</summary>
    Dismissed,
    /// <summary>合同到期.</summary>
    ContractEnded,
    /// <summary>考取公务员 — not counted as turnover.</summary>
    CivilService,
    /// <summary>考取事业单位 — not counted as turnover.</summary>
    PublicInstitution,
    /// <summary>其他.</summary>
    Other,
}
