namespace Hotline.Telephony.Ivr;

/// <summary>Turns the keys a caller pressed (<see cref="CallLeftIvr.Keys"/>) into the path through a menu, in Chinese,
/// for the agent who takes the call: "3 投诉举报", "1 咨询 › 未按键", "5（无此选项） › 0 人工服务".</summary>
public static class IvrPath
{
    public const string NoKey = "未按键";

    /// <summary>The path; null when there are no keys (the call did not pass the menu, or it is unknown).</summary>
    public static string? Describe(IvrMenu menu, string? keys)
    {
        ArgumentNullException.ThrowIfNull(menu);
        if (string.IsNullOrEmpty(keys)) return null;

        var steps = new List<string>(keys.Length);
        var options = menu.Options;
        foreach (var key in keys)
        {
            if (key == '-')
            {
                steps.Add(NoKey);
                continue;
            }

            var option = options.Find(o => o.Digit.Length == 1 && o.Digit[0] == key);
            if (option is null)
            {
                steps.Add($"{key}（无此选项）");
                continue;
            }

            steps.Add(option.Label.Length == 0 ? option.Digit : $"{option.Digit} {option.Label}");
            if (option.Action == IvrAction.Submenu) options = option.Options;
        }

        return string.Join(" › ", steps);
    }
}
