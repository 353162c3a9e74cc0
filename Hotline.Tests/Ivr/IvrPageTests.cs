using Bunit;
using Hotline.Core.Audit;
using Hotline.Core.Ivr;
using Hotline.Core.Security;
using Hotline.Telephony;
using Hotline.Telephony.Ivr;
using Hotline.Tests.TicketsWeb;
using Hotline.Web.Components.Pages.Admin;
using Hotline.Web.Ivr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Tests.Ivr;

/// <summary>The IVR editor on the real store and audit log (temporary SQLite) with a switch that records publishes.</summary>
public sealed class IvrPageTests : TicketComponentTestBase
{
    private readonly FakeDialplanSwitch _switch = new();

    public IvrPageTests()
    {
        Services.AddSingleton<ITelephony>(_switch);
        Services.AddSingleton(Options.Create(new TelephonyOptions()));
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<IvrMenuStore>();
        Services.AddSingleton<IvrPublisher>();
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        var auth = AddAuthorization();
        auth.SetAuthorized("admin01");
        auth.SetRoles(Roles.Admin);
    }

    private IRenderedComponent<IvrPage> RenderPage()
    {
        var cut = Render<IvrPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-option='option-0']")));
        return cut;
    }

    [Fact]
    public async Task Moving_self_service_to_digit_7_stores_the_menu_publishes_the_dialplan_and_audits_the_change()
    {
        var cut = RenderPage();

        cut.Find("#option-4-digit").Input("7"); // the shipped menu's last option: 9 办公时间
        cut.Find("[data-action='save']").Click();

        cut.WaitForAssertion(() => Assert.Contains("节点 pbx1：已写入并重载拨号方案。", cut.Find("[data-part='apply-result']").TextContent));
        Assert.Contains("GotoIf($[\"${IVRCHOICE}\" = \"7\"]?hours,1)", Assert.Single(_switch.Published));
        var (menu, version) = await Services.GetRequiredService<IvrMenuStore>().LoadVersionAsync(Ct);
        Assert.Equal((1L, "7"), (version, menu.Options.Single(o => o.Node == "hours").Digit));
        var (rows, _) = await Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.IvrEdited), Ct);
        Assert.Equal(2, rows.Count); // newest first: the apply, then the edit
        Assert.Equal(("admin01", "Admin", "ivr-menu:1"), (rows[1].Actor, rows[1].Role, rows[1].Target));
        Assert.Equal("修改语音导航菜单：按键 7：新增 办公时间（自助服务 hours，播放 queue-thankyou）；按键 9：删除 办公时间（自助服务 hours，播放 queue-thankyou）", rows[1].Detail);
        Assert.StartsWith("应用语音导航菜单成功：", rows[0].Detail);
    }

    [Fact]
    public async Task An_invalid_menu_shows_chinese_errors_and_is_neither_stored_nor_published()
    {
        var cut = RenderPage();

        cut.Find("[data-action='add-option']").Click();
        cut.Find("#option-5-digit").Input("9");
        cut.Find("[data-action='save']").Click();

        cut.WaitForAssertion(() => Assert.Contains("按键 9：按键重复，同一菜单中每个按键只能用一次", cut.Find("[data-part='errors']").TextContent));
        Assert.Contains("按键 9：请填写名称", cut.Find("[data-part='errors']").TextContent);
        Assert.Empty(_switch.Published);
        Assert.Equal(0, (await Services.GetRequiredService<IvrMenuStore>().LoadVersionAsync(Ct)).Version);
        Assert.Equal(0, (await Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.IvrEdited), Ct)).Total);
    }

    [Fact]
    public void A_switch_that_refuses_the_reload_is_reported_on_the_page()
    {
        _switch.Outcome = DialplanPublishOutcome.ReloadFailed;
        var cut = RenderPage();

        cut.Find("#option-4-label").Input("办公时间查询");
        cut.Find("[data-action='save']").Click();

        cut.WaitForAssertion(() => Assert.Contains("节点 pbx1：重载拨号方案失败（refused），请检查 manager.conf 中的 command 写权限。", cut.Find("[data-part='apply-result']").TextContent));
        Assert.Contains("mud-alert-text-error", cut.Find("[data-part='apply-result']").ClassName);
    }
}
