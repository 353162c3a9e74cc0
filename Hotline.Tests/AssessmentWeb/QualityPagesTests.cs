using Bunit;
using Dapper;
using Hotline.Core.Assessment;
using Hotline.Core.Assessment.Storage;
using Hotline.Core.Data;
using Hotline.Core.Security;
using Hotline.Web.Components.Pages.Quality;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Tests.Assessment.AssessmentKit;

namespace Hotline.Tests.AssessmentWeb;

/// <summary>The supervisor samples and scores, the agent disputes, the supervisor resolves.</summary>
public sealed class QualityPagesTests : AssessmentComponentTestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = await Connections.OpenAsync(Ct);
        await connection.ExecuteAsync(
            """
            INSERT INTO tickets (number, channel, caller_number, confidential, request_type, content, urgency, linked_call_ids, assisting_department_ids,
                follow_up_wanted, status, version, created_at, updated_at, created_by, extension_count, redo_count, urge_count, is_major_emergency)
            VALUES ('YH20261012-0001', 'Phone', '13800000000', 0, 'Consultation', '咨询社保', 'Normal', '', '', 0, 'Closed', 1, @at, @at, 'agent01', 0, 0, 0, 0)
            """, new { at = DbTime.ToDb(At(10, 12, 9)) });
    }

    [Fact]
    public async Task A_supervisor_samples_and_scores_a_ticket_with_an_error()
    {
        Auth.SetAuthorized("supervisor01");
        Auth.SetRoles(Roles.Supervisor);
        var page = Render<QualityPage>();

        await page.Find("[data-action='sample']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-review='YH20261012-0001']")));
        await page.Find("[data-review='YH20261012-0001'] [data-action='score']").ClickAsync(new());
        page.Find("input[data-error='category']").Change(true); // MudCheckBox puts the attribute on its input
        await page.Find("[data-action='save-score']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("有差错", page.Find("[data-review='YH20261012-0001']").TextContent));
        var review = Assert.Single(await Services.GetRequiredService<QualityReviewStore>().ForMonthAsync(October, Ct));
        Assert.Equal(["category"], review.Errors);
        Assert.Equal("supervisor01", review.Reviewer);
    }

    [Fact]
    public async Task The_agent_sees_his_finding_and_disputes_it()
    {
        var quality = Services.GetRequiredService<QualityService>();
        await quality.PickAsync("YH20261012-0001", Ct);
        var id = Assert.Single(await Services.GetRequiredService<QualityReviewStore>().ForMonthAsync(October, Ct)).Id;
        await quality.ScoreAsync(id, ["address"], "地址错误", "supervisor01", Ct);
        Auth.SetAuthorized("agent01");
        Auth.SetRoles(Roles.Agent);
        var page = Render<MyQualityPage>();

        page.WaitForAssertion(() => Assert.Contains("地址或街道社区错误", page.Find("[data-review='YH20261012-0001']").TextContent));
        await page.Find("[data-action='dispute']").ClickAsync(new());
        page.Find("#dispute-reason").Input("来电人提供的地址如此");
        await page.Find("[data-action='send-dispute']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("申诉中", page.Find("[data-review='YH20261012-0001']").TextContent));
        Assert.Equal(QualityReviewStatus.Disputed, (await Services.GetRequiredService<QualityReviewStore>().FindAsync(id, Ct))!.Status);
    }
}
