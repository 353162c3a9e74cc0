namespace Hotline.Core.Tickets;

/// <summary>
/// Checks a <see cref="TicketDraft"/> before registration. Errors are keyed by the camelCase field name
/// (as in JSON) so the API can return problem details and the form can show them next to the field.
/// </summary>
public sealed class TicketDraftValidator
{
    public const int MaxCallerNameLength = 50;
    public const int MaxAddressLength = 200;
    public const int MaxAreaLength = 50;

    private readonly int _minContent;
    private readonly int _maxContent;

    public TicketDraftValidator(TicketOptions? options = null)
    {
        options ??= new TicketOptions();
        _minContent = options.MinContentLength;
        _maxContent = options.MaxContentLength;
    }

    /// <summary>Field → Chinese messages; empty when the draft can be registered.</summary>
    public Dictionary<string, string[]> Validate(TicketDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
                errors[field] = list = [];
            list.Add(message);
        }

        if (!Enum.IsDefined(draft.Channel))
            Add("channel", "请选择受理渠道");

        var number = draft.CallerNumber?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            if (draft.Channel is TicketChannel.Phone or TicketChannel.Sms)
                Add("callerNumber", "来电号码不能为空");
            else if (draft.FollowUpWanted)
                Add("callerNumber", "需要回访时请留下联系电话");
        }
        else if (!ChinesePhoneNumber.IsValid(number))
        {
            Add("callerNumber", "号码格式不正确，请输入手机号或带区号的固定电话");
        }

        if (Length(draft.CallerName) > MaxCallerNameLength)
            Add("callerName", $"姓名不能超过 {MaxCallerNameLength} 个字");

        if (draft.RequestType is not { } type || !Enum.IsDefined(type))
            Add("requestType", "请选择诉求类型");

        if (draft.CategoryId is null)
            Add("categoryId", "请选择诉求分类");

        var content = Length(draft.Content);
        if (content == 0)
            Add("content", "诉求内容不能为空");
        else if (content < _minContent)
            Add("content", $"诉求内容至少 {_minContent} 个字");
        else if (content > _maxContent)
            Add("content", $"诉求内容不能超过 {_maxContent} 个字");

        if (!Enum.IsDefined(draft.Urgency))
            Add("urgency", "请选择紧急程度");

        if (Length(draft.Address) > MaxAddressLength)
            Add("address", $"地址不能超过 {MaxAddressLength} 个字");
        if (Length(draft.Street) > MaxAreaLength)
            Add("street", $"街道名称不能超过 {MaxAreaLength} 个字");
        if (Length(draft.Community) > MaxAreaLength)
            Add("community", $"社区名称不能超过 {MaxAreaLength} 个字");

        if (draft.LinkedCallIds is { } calls && calls.Any(string.IsNullOrWhiteSpace))
            Add("linkedCallIds", "关联通话编号不能为空");

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    // Characters as people count them (a rune, not a UTF-16 unit), ignoring surrounding blanks.
    private static int Length(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : text.Trim().EnumerateRunes().Count();
}
