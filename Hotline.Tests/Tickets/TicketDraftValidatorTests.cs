using Hotline.Core.Tickets;

namespace Hotline.Tests.Tickets;

public class TicketDraftValidatorTests
{
    private readonly TicketDraftValidator _validator = new();

    private Dictionary<string, string[]> Errors(Action<TicketDraft> change)
    {
        var draft = TicketTestKit.Draft();
        change(draft);
        return _validator.Validate(draft);
    }

    [Fact]
    public void A_complete_draft_has_no_errors() => Assert.Empty(_validator.Validate(TicketTestKit.Draft()));

    [Fact]
    public void Empty_content_is_reported_on_the_content_field() =>
        Assert.Equal(["诉求内容不能为空"], Errors(d => d.Content = "   ")["content"]);

    [Fact]
    public void Content_shorter_than_the_minimum_is_reported() =>
        Assert.Equal(["诉求内容至少 5 个字"], Errors(d => d.Content = "路灯坏")["content"]);

    [Fact]
    public void Content_longer_than_the_maximum_is_reported() =>
        Assert.Equal(["诉求内容不能超过 2000 个字"], Errors(d => d.Content = new string('路', 2001))["content"]);

    [Fact]
    public void Content_limits_are_settings()
    {
        var validator = new TicketDraftValidator(new TicketOptions { MinContentLength = 2, MaxContentLength = 10 });
        var draft = TicketTestKit.Draft();
        draft.Content = "路灯坏了";
        Assert.Empty(validator.Validate(draft));
    }

    [Fact]
    public void A_missing_request_type_asks_to_choose_one() =>
        Assert.Equal(["请选择诉求类型"], Errors(d => d.RequestType = null)["requestType"]);

    [Fact]
    public void A_missing_category_asks_to_choose_one() =>
        Assert.Equal(["请选择诉求分类"], Errors(d => d.CategoryId = null)["categoryId"]);

    [Fact]
    public void A_phone_ticket_needs_the_caller_number() =>
        Assert.Equal(["来电号码不能为空"], Errors(d => d.CallerNumber = "")["callerNumber"]);

    [Fact]
    public void A_web_ticket_may_come_without_a_number_unless_a_follow_up_call_is_wanted()
    {
        Assert.Empty(Errors(d => { d.Channel = TicketChannel.Web; d.CallerNumber = null; d.FollowUpWanted = false; }));
        Assert.Equal(["需要回访时请留下联系电话"],
            Errors(d => { d.Channel = TicketChannel.Web; d.CallerNumber = null; d.FollowUpWanted = true; })["callerNumber"]);
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("199 1234 5678")]
    [InlineData("+8613800138000")]
    [InlineData("010-12345678")]
    [InlineData("01012345678")]
    [InlineData("0571-8765432")]
    [InlineData("0755-87654321-123")]
    [InlineData("87654321")]
    [InlineData("400-810-1234")]
    public void Mainland_mobile_and_landline_numbers_are_accepted(string number) =>
        Assert.DoesNotContain("callerNumber", Errors(d => d.CallerNumber = number).Keys);

    [Theory]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("abc")]
    [InlineData("12345")]
    [InlineData("010-123")]
    [InlineData("-13800138000")]
    public void Malformed_phone_numbers_are_rejected(string number) =>
        Assert.Equal(["号码格式不正确，请输入手机号或带区号的固定电话"], Errors(d => d.CallerNumber = number)["callerNumber"]);

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var errors = Errors(d =>
        {
            d.Content = null;
            d.RequestType = null;
            d.CallerNumber = "x";
            d.CallerName = new string('张', 51);
            d.Address = new string('路', 201);
            d.Street = new string('街', 51);
            d.Community = new string('社', 51);
            d.LinkedCallIds = [" "];
            d.Urgency = (Urgency)9;
        });
        Assert.Equal(
            ["address", "callerName", "callerNumber", "community", "content", "linkedCallIds", "requestType", "street", "urgency"],
            errors.Keys.Order());
    }
}
