namespace Hotline.Core.Assessment;

/// <summary>
/// One person in the staff register (人员台账). Employed from <see cref="JoinedOn"/> through <see cref="LeftOn"/>
/// (the last day, inclusive); still employed when it is null.
/// </summary>
public sealed record StaffMember
{
    public long Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The seat's agent id for front-line agents (A001); null for other posts.</summary>
    public string? AgentId { get; init; }
    /// <summary>岗位: 前台接听, 后台处理, 业务管理.</summary>
    public string Post { get; init; } = "前台接听";
    public required DateOnly JoinedOn { get; init; }
    public DateOnly? LeftOn { get; init; }
    public LeaveReason? LeaveReason { get; init; }
    public string? Note { get; init; }

    public bool IsEmployedOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || LeftOn >= day);

    /// <summary>Leavers for civil-service or public-institution posts do not count as turnover.</summary>
    public bool CountsAsTurnover => LeftOn is not null && LeaveReason is not (Assessment.LeaveReason.CivilService or Assessment.LeaveReason.PublicInstitution);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("姓名不能为空");
        if (LeftOn is { } left && left < JoinedOn) errors.Add("离职日期不能早于入职日期");
        if (LeftOn is not null && LeaveReason is null) errors.Add("请填写离职原因");
        if (LeftOn is null && LeaveReason is not null) errors.Add("未离职人员不能填写离职原因");
        return errors;
    }
}
