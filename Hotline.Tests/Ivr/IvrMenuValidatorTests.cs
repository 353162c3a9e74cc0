using Hotline.Telephony.Ivr;

namespace Hotline.Tests.Ivr;

public sealed class IvrMenuValidatorTests
{
    [Fact]
    public void The_default_menu_is_valid()
    {
        Assert.Empty(IvrMenuValidator.Validate(IvrMenu.Default()));
    }

    [Fact]
    public void Two_options_on_the_same_digit_are_refused_in_chinese()
    {
        var menu = IvrMenu.Default();
        menu.Options.Add(new IvrOption { Digit = "9", Label = "人工", Action = IvrAction.Queue });

        Assert.Equal(["按键 9：按键重复，同一菜单中每个按键只能用一次"], IvrMenuValidator.Validate(menu));
    }

    [Theory]
    [InlineData("#")]
    [InlineData("10")]
    [InlineData("")]
    public void A_digit_must_be_0_to_9_or_star(string digit)
    {
        var menu = IvrMenu.Default();
        menu.Options.Single(o => o.Node == "hours").Digit = digit;

        Assert.Contains(IvrMenuValidator.Validate(menu), e => e.Contains("按键须为 0–9 或 *", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_option_needs_its_target()
    {
        var menu = new IvrMenu
        {
            Options =
            [
                new IvrOption { Digit = "1", Label = "查询", Action = IvrAction.SelfService },
                new IvrOption { Digit = "2", Label = "政策", Action = IvrAction.Submenu, Prompt = "custom/policy" },
                new IvrOption { Digit = "3", Label = "坏的", Action = (IvrAction)42 },
            ],
        };

        Assert.Equal(
        [
            "按键 1：自助服务须填写节点名",
            "按键 1：自助服务播放的语音：请填写语音文件名",
            "按键 2：子菜单至少要有一个选项",
            "按键 3：请选择去向",
        ], IvrMenuValidator.Validate(menu));
    }

    [Theory]
    [InlineData("queue-thankyou,1)")]
    [InlineData("${SHELL(id)}")]
    [InlineData("hours;x")]
    [InlineData("hours\nexten => 1,1,Hangup()")]
    [InlineData("../../etc/passwd")]
    public void A_prompt_that_could_inject_dialplan_is_refused(string prompt)
    {
        var menu = IvrMenu.Default();
        menu.Options.Single(o => o.Node == "hours").Prompt = prompt;

        Assert.Contains(IvrMenuValidator.Validate(menu), e => e.Contains("语音文件名只能包含英文字母、数字、_、- 和 /", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("办公;时间")]
    [InlineData("办公\n时间")]
    [InlineData("${x}")]
    [InlineData("a,b")]
    public void A_label_with_dialplan_characters_is_refused(string label)
    {
        var menu = IvrMenu.Default();
        menu.Options.Single(o => o.Node == "hours").Label = label;

        Assert.Contains(IvrMenuValidator.Validate(menu), e => e.StartsWith("按键 9：名称只能包含", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Hours")]
    [InlineData("h")]
    [InlineData("menu1")]
    [InlineData("office-hours")]
    public void A_node_name_must_be_lowercase_letters_and_digits(string node)
    {
        var menu = IvrMenu.Default();
        menu.Options.Single(o => o.Node == "hours").Node = node;

        Assert.Contains(IvrMenuValidator.Validate(menu), e => e.StartsWith("按键 9：节点名须以小写字母开头", StringComparison.Ordinal));
    }

    [Fact]
    public void A_submenu_cannot_hold_another_submenu_and_node_names_are_unique_across_menus()
    {
        var menu = IvrMenu.Default();
        menu.Options.Add(new IvrOption
        {
            Digit = "5", Label = "政策", Action = IvrAction.Submenu, Prompt = "custom/policy",
            Options =
            [
                new IvrOption { Digit = "1", Label = "再下一级", Action = IvrAction.Submenu, Prompt = "custom/x", Options = [new IvrOption { Digit = "1", Label = "人工" }] },
                new IvrOption { Digit = "2", Label = "办公时间", Action = IvrAction.SelfService, Node = "hours", Prompt = "queue-thankyou" },
            ],
        });

        Assert.Equal(
        [
            "按键 5 → 按键 1：只支持一级子菜单，子菜单中不能再有子菜单",
            "按键 5 → 按键 2：节点名 hours 已被其他选项使用",
        ], IvrMenuValidator.Validate(menu));
    }

    [Fact]
    public void Timeout_and_attempts_are_bounded()
    {
        var menu = IvrMenu.Default();
        menu.TimeoutSeconds = 0;
        menu.Attempts = 9;

        Assert.Equal(["等待按键时间须在 1 至 30 秒之间", "菜单播放次数须在 1 至 5 次之间"], IvrMenuValidator.Validate(menu));
    }
}
