using Bunit;
using Hotline.Core.Assessment.Storage;
using Hotline.Core.Audit;
using Hotline.Core.Security;
using Hotline.Web.Components.Pages.Admin;
using Hotline.Web.Components.Pages.Quality;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Tests.AssessmentWeb;

/// <summary>Edits of the staff register and the complaint register, and the roster upload check, on the pages.</summary>
public sealed class RegisterAuditTests : AssessmentComponentTestBase
{
    private async Task<IReadOnlyList<AuditEntry>> SettingChangesAsync(string target) =>
        (await Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.SettingChanged, Target: target), Ct)).Item1;

    private IRenderedComponent<AssessmentSettingsPage> SettingsAsAdmin()
    {
        Auth.SetAuthorized("admin01");
        Auth.SetRoles(Roles.Admin);
        return Render<AssessmentSettingsPage>();
    }

    [Fact]
    public async Task Adding_a_staff_member_is_written_to_the_audit_log()
    {
        var page = SettingsAsAdmin();
        page.FindAll(".mud-tab").First(t => t.TextContent.Contains("人员台账", StringComparison.Ordinal)).Click();

        page.Find("#staff-name").Change("李娜");
        page.Find("#staff-agent").Change("A077");
        page.Find("#staff-joined").Change("2026-11-02");
        await page.Find("[data-action='save-staff']").ClickAsync(new());

        var member = Assert.Single(await Services.GetRequiredService<StaffStore>().ListAsync(Ct));
        var entry = Assert.Single(await SettingChangesAsync($"staff/{member.Id}"));
        Assert.Equal("admin01", entry.Actor);
        Assert.Equal(Roles.Admin, entry.Role);
        Assert.Contains("新增人员 李娜（A077", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_complaint_is_written_to_the_audit_log()
    {
        Auth.SetAuthorized("supervisor01");
        Auth.SetRoles(Roles.Supervisor);
        var page = Render<QualityPage>();
        page.FindAll(".mud-tab").First(t => t.TextContent.Contains("投诉登记", StringComparison.Ordinal)).Click();

        page.Find("#complaint-date").Change("2026-11-20");
        page.Find("#complaint-agent").Change("A001");
        page.Find("#complaint-summary").Change("态度生硬");
        await page.Find("[data-action='save-complaint']").ClickAsync(new());

        var complaint = Assert.Single(await Services.GetRequiredService<ComplaintStore>().ForMonthAsync(new(2026, 11), Ct));
        var entry = Assert.Single(await SettingChangesAsync($"complaint/{complaint.Id}"));
        Assert.Equal("supervisor01", entry.Actor);
        Assert.Equal(Roles.Supervisor, entry.Role);
        Assert.Contains("登记投诉 2026-11-20（A001）", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_upload_that_is_not_a_workbook_is_refused_by_the_shared_upload_check()
    {
        var page = SettingsAsAdmin();
        page.FindAll(".mud-tab").First(t => t.TextContent.Contains("排班", StringComparison.Ordinal)).Click();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("工号,日期", "排班.csv"));

        page.WaitForAssertion(() => Assert.Contains("只接受 .xlsx 文件", page.Markup, StringComparison.Ordinal));
        Assert.Empty((await Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.SettingChanged), Ct)).Item1);
    }
}
