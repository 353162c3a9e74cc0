using System.Text.RegularExpressions;

namespace Hotline.Telephony.Ivr;

/// <summary>
/// Checks a menu before it is stored or turned into dialplan. Everything written into the dialplan passes a
/// whitelist (no commas, quotes, <c>$</c>, braces, semicolons or line breaks can reach it), so a menu cannot inject
/// dialplan. Messages are Chinese: the admin page shows them as they are.
/// </summary>
public static partial class IvrMenuValidator
{
    public const int MaxTimeoutSeconds = 30;
    public const int MaxAttempts = 5;
    public const int MaxLabelLength = 30;

    /// <summary>Every problem, in menu order; empty when the menu is valid.</summary>
    public static IReadOnlyList<string> Validate(IvrMenu menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var errors = new List<string>();
        CheckSound(menu.Greeting, "欢迎语", required: true, errors);
        CheckSound(menu.InvalidPrompt, "按键无效提示音", required: false, errors);
        if (menu.TimeoutSeconds is < 1 or > MaxTimeoutSeconds) errors.Add($"等待按键时间须在 1 至 {MaxTimeoutSeconds} 秒之间");
        if (menu.Attempts is < 1 or > MaxAttempts) errors.Add($"菜单播放次数须在 1 至 {MaxAttempts} 次之间");
        if (!Enum.IsDefined(menu.OnTimeout)) errors.Add("超时去向无效");
        if (!Enum.IsDefined(menu.OnInvalid)) errors.Add("按键无效去向无效");

        var nodes = new HashSet<string>(StringComparer.Ordinal);
        CheckOptions(menu.Options, "", topLevel: true, nodes, errors);
        return errors;
    }

    /// <summary>An Asterisk sound name: letters, digits, <c>_</c> and <c>-</c>, in folders separated by <c>/</c>.</summary>
    public static bool IsSoundName(string? value) => value is { Length: > 0 and <= 64 } && SoundName().IsMatch(value);

    /// <summary>A self-service node name (also its dialplan extension): a lowercase letter, then letters or digits.</summary>
    public static bool IsNodeName(string? value) => value is not null && NodeName().IsMatch(value) && !value.StartsWith("menu", StringComparison.Ordinal);

    private static void CheckOptions(List<IvrOption> options, string where, bool topLevel, HashSet<string> nodes, List<string> errors)
    {
        var digits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var at = $"{where}按键 {(string.IsNullOrEmpty(option.Digit) ? "（未填）" : option.Digit)}";
            if (option.Digit is not { Length: 1 } digit || !(char.IsAsciiDigit(digit[0]) || digit[0] == '*'))
            {
                errors.Add($"{at}：按键须为 0–9 或 *（# 用于结束输入，不能作为选项）");
            }
            else if (!digits.Add(digit))
            {
                errors.Add($"{at}：按键重复，同一菜单中每个按键只能用一次");
            }

            if (string.IsNullOrWhiteSpace(option.Label)) errors.Add($"{at}：请填写名称");
            else if (option.Label.Length > MaxLabelLength || !option.Label.All(IsLabelChar))
            {
                errors.Add($"{at}：名称只能包含文字、数字、空格和 -_()（）、，最多 {MaxLabelLength} 个字");
            }

            switch (option.Action)
            {
                case IvrAction.Queue:
                    break;
                case IvrAction.SelfService:
                    if (string.IsNullOrEmpty(option.Node)) errors.Add($"{at}：自助服务须填写节点名");
                    else if (!IsNodeName(option.Node)) errors.Add($"{at}：节点名须以小写字母开头，只含小写字母和数字（2–20 个字符，不能以 menu 开头）");
                    else if (!nodes.Add(option.Node)) errors.Add($"{at}：节点名 {option.Node} 已被其他选项使用");
                    CheckSound(option.Prompt, $"{at}：自助服务播放的语音", required: true, errors);
                    break;
                case IvrAction.Submenu when !topLevel:
                    errors.Add($"{at}：只支持一级子菜单，子菜单中不能再有子菜单");
                    break;
                case IvrAction.Submenu:
                    CheckSound(option.Prompt, $"{at}：子菜单提示音", required: true, errors);
                    if (option.Options.Count == 0) errors.Add($"{at}：子菜单至少要有一个选项");
                    CheckOptions(option.Options, at + " → ", topLevel: false, nodes, errors);
                    break;
                default:
                    errors.Add($"{at}：请选择去向");
                    break;
            }
        }
    }

    private static void CheckSound(string? value, string what, bool required, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required) errors.Add($"{what}：请填写语音文件名");
            return;
        }

        if (!IsSoundName(value)) errors.Add($"{what}：语音文件名只能包含英文字母、数字、_、- 和 /（如 custom/hours），最多 64 个字符");
    }

    private static bool IsLabelChar(char c) => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '(' or ')' or '（' or '）' or '、' or '，';

    [GeneratedRegex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SoundName();

    [GeneratedRegex("^[a-z][a-z0-9]{1,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex NodeName();
}
