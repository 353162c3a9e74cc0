using Hotline.Telephony.Ivr;

namespace Hotline.Core.Ivr;

/// <summary>What an edit changed, in Chinese, for the audit log (<c>ivr-edited</c>) and the page.</summary>
public static class IvrMenuChanges
{
    /// <summary>One line per change; empty when nothing changed.</summary>
    public static IReadOnlyList<string> Describe(IvrMenu before, IvrMenu after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        void Setting(string name, object? old, object? now)
        {
            if (!Equals(old, now)) changes.Add($"{name}：{Show(old)} → {Show(now)}");
        }

        Setting("欢迎语", before.Greeting, after.Greeting);
        Setting("等待按键秒数", before.TimeoutSeconds, after.TimeoutSeconds);
        Setting("菜单播放次数", before.Attempts, after.Attempts);
        Setting("按键无效提示音", before.InvalidPrompt, after.InvalidPrompt);
        Setting("超时去向", Name(before.OnTimeout), Name(after.OnTimeout));
        Setting("按键无效去向", Name(before.OnInvalid), Name(after.OnInvalid));
        CompareOptions(before.Options, after.Options, "", changes);
        return changes;
    }

    public static string Describe(IvrOption option) => option.Action switch
    {
        IvrAction.SelfService => $"{option.Label}（自助服务 {option.Node}，播放 {option.Prompt}）",
        IvrAction.Submenu => $"{option.Label}（子菜单，提示音 {option.Prompt}，{option.Options.Count} 个选项）",
        _ => $"{option.Label}（转人工）",
    };

    private static void CompareOptions(List<IvrOption> before, List<IvrOption> after, string where, List<string> changes)
    {
        var old = before.GroupBy(o => o.Digit).ToDictionary(g => g.Key, g => g.First());
        var now = after.GroupBy(o => o.Digit).ToDictionary(g => g.Key, g => g.First());
        foreach (var digit in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var at = $"{where}按键 {digit}";
            if (!now.TryGetValue(digit, out var added))
            {
                changes.Add($"{at}：删除 {Describe(old[digit])}");
            }
            else if (!old.TryGetValue(digit, out var removed))
            {
                changes.Add($"{at}：新增 {Describe(added)}");
            }
            else if (Describe(removed) != Describe(added))
            {
                changes.Add($"{at}：{Describe(removed)} → {Describe(added)}");
            }

            if (old.TryGetValue(digit, out var o) && now.TryGetValue(digit, out var n) && o.Action == IvrAction.Submenu && n.Action == IvrAction.Submenu)
            {
                CompareOptions(o.Options, n.Options, at + " → ", changes);
            }
        }
    }

    private static string Name(IvrFallback fallback) => fallback == IvrFallback.Hangup ? "挂机" : "转人工";

    private static string Show(object? value) => value is null or "" ? "（无）" : value.ToString()!;
}
