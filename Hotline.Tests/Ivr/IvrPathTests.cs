using Hotline.Telephony.Ivr;

namespace Hotline.Tests.Ivr;

public sealed class IvrPathTests
{
    private static IvrMenu Menu() => new()
    {
        Options =
        [
            new IvrOption { Digit = "3", Label = "投诉举报", Action = IvrAction.Queue },
            new IvrOption
            {
                Digit = "2", Label = "政策查询", Action = IvrAction.Submenu, Prompt = "custom/policy",
                Options = [new IvrOption { Digit = "1", Label = "社保", Action = IvrAction.Queue }],
            },
        ],
    };

    [Theory]
    [InlineData("3", "3 投诉举报")]
    [InlineData("21", "2 政策查询 › 1 社保")]
    [InlineData("-", "未按键")]
    [InlineData("2-", "2 政策查询 › 未按键")]
    [InlineData("53", "5（无此选项） › 3 投诉举报")]
    [InlineData("23", "2 政策查询 › 3（无此选项）")]
    public void Keys_are_named_by_the_menu_level_they_were_pressed_in(string keys, string path)
    {
        Assert.Equal(path, IvrPath.Describe(Menu(), keys));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_call_that_did_not_pass_the_menu_has_no_path(string? keys)
    {
        Assert.Null(IvrPath.Describe(Menu(), keys));
    }
}
