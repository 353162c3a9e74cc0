namespace Hotline.Telephony.Simulation;

/// <summary>
/// The simulated staff: agents <c>A001</c>…, extensions <c>8001</c>…, numbered in shift order, with Chinese demo
/// names. The names depend only on the position in the roster (not on the seed), so demo accounts stay stable.
/// </summary>
public static class SimulationRoster
{
    private static readonly string[] Surnames =
        "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭".Split(' ');

    private static readonly string[] GivenNames =
        "伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 丹 萍 鑫 婷 雪 琳 晨 浩 宇 欣怡 子涵 思远 佳琪 文博 雨轩 梓萱 一鸣".Split(' ');

    public static IReadOnlyList<SimulatedAgent> Build(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var agents = new List<SimulatedAgent>();
        foreach (var shift in options.EffectiveShifts)
        {
            for (int i = 0; i < shift.Staff; i++)
            {
                agents.Add(Agent(agents.Count, shift.Name));
            }
        }

        return agents;
    }

    /// <summary>The agent at zero-based roster position <paramref name="index"/>.</summary>
    public static SimulatedAgent Agent(int index, string shift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        int number = index + 1;
        return new SimulatedAgent($"A{number:D3}", NameAt(index), (8000 + number).ToString(System.Globalization.CultureInfo.InvariantCulture), shift);
    }

    private static string NameAt(int index)
    {
        // 31 and 40 are coprime, so (index mod 31, index mod 40) is a different pair for each of the first 1,240 agents.
        string name = Surnames[index % Surnames.Length] + GivenNames[index % GivenNames.Length];
        int round = index / (Surnames.Length * GivenNames.Length);
        return round == 0 ? name : name + (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
