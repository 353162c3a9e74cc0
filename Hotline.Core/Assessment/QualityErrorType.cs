namespace Hotline.Core.Assessment;

/// <summary>One item of the quality checklist (code stored, name shown).</summary>
public sealed record QualityErrorType(string Code, string Name)
{
    public static IReadOnlyList<QualityErrorType> Checklist { get; } =
    [
        new("content", "诉求记录不完整或不准确"),
        new("category", "诉求分类错误"),
        new("address", "地址或街道社区错误"),
        new("department", "派单部门错误"),
        new("urgency", "紧急程度判断错误"),
        new("answer", "直接答复口径错误"),
        new("privacy", "泄露保密信息"),
        new("wording", "错别字或语句不通"),
    ];

    public static string NameOf(string code) => Checklist.FirstOrDefault(t => t.Code == code)?.Name ?? code;
}
