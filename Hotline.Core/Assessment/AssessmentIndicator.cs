namespace Hotline.Core.Assessment;

/// <summary>The six monthly indicators of DOMAIN.md (stored by name).</summary>
public enum AssessmentIndicator
{
    /// <summary>有效接通率 = (answered by an agent + self-served in the IVR) ÷ inbound calls offered.</summary>
    EffectiveConnectionRate,
    /// <summary>用工时长 = online working time within shifts ÷ rostered shift time.</summary>
    StaffedTimeRatio,
    /// <summary>责任投诉: complaints found to be the operator's fault.</summary>
    FaultComplaints,
    /// <summary>受理单质量差错率 = tickets with confirmed quality errors ÷ tickets registered.</summary>
    TicketErrorRate,
    /// <summary>效能指数: score published by the city centre, entered by hand.</summary>
    EfficiencyIndex,
    /// <summary>人员流失率 = leavers in the last 12 months (civil-service and public-institution exits excluded) ÷ average headcount.</summary>
    StaffTurnover,
}
