using AngleSharp.Dom;
using GovSite.Demo;

namespace GovSite.Tests.Admin;

/// <summary>
/// 工作台 per role, signed in with the demo's accounts (Demo/DemoAccounts.cs): each sees its own
/// work, and not the work of a role it does not hold.
/// </summary>
public class DashboardTests(GovSiteFactory app) : IClassFixture<GovSiteFactory>
{
    private async Task<BackOfficeSession.Page> DashboardOfAsync(string userName)
    {
        using var session = userName == "admin"
            ? await BackOfficeSession.SignInAsync(app, "admin", GovSiteFactory.AdminPassword)
            : await BackOfficeSession.SignInAsync(app, userName, GovSiteFactory.DemoPassword);
        return await session.OpenAsync("/admin");
    }

    private static string Section(BackOfficeSession.Page page, string headingId) =>
        page.Document.GetElementById(headingId)?.Closest("section")?.TextContent
        ?? throw new ShouldAssertException($"the dashboard has no section #{headingId}");

    [Fact]
    public async Task An_editor_sees_their_draft_and_the_item_sent_back_with_the_reviewers_comment()
    {
        var page = await DashboardOfAsync("editor");
        Section(page, "drafts-title").ShouldContain(DemoWorkflow.DraftTitle);
        var returned = Section(page, "returned-title");
        returned.ShouldContain(DemoWorkflow.ReturnedTitle);
        returned.ShouldContain(DemoWorkflow.ReturnComment);
        // Not theirs to review, and not in their drafts: the contributor's submitted item.
        page.Html.ShouldNotContain(DemoWorkflow.SubmittedTitle);
        page.Document.GetElementById("review-title").ShouldBeNull();
        page.Document.GetElementById("secrecy-title").ShouldBeNull();
    }

    [Fact]
    public async Task A_reviewer_sees_the_submitted_item_in_their_queue_and_nothing_for_secrecy_review()
    {
        var page = await DashboardOfAsync("reviewer");
        var queue = Section(page, "review-title");
        queue.ShouldContain(DemoWorkflow.SubmittedTitle);
        queue.ShouldContain("第 1 级审核");
        page.Html.ShouldNotContain(DemoWorkflow.SecrecyTitle);
        page.Html.ShouldNotContain(DemoWorkflow.DraftTitle);
        page.Document.GetElementById("drafts-title").ShouldBeNull();
    }

    [Fact]
    public async Task A_confidentiality_reviewer_sees_the_item_the_reviewer_passed()
    {
        var page = await DashboardOfAsync("secrecy");
        Section(page, "secrecy-title").ShouldContain(DemoWorkflow.SecrecyTitle);
        page.Html.ShouldNotContain(DemoWorkflow.SubmittedTitle);
        page.Document.GetElementById("review-title").ShouldBeNull();
    }

    [Fact]
    public async Task A_site_admin_sees_their_sites_overdue_letters_requests_error_reports_and_to_dos()
    {
        var page = await DashboardOfAsync("siteadmin");
        var desk = page.Document.QuerySelectorAll("section.desk").Single(s => s.TextContent.Contains("待办理：清河县人民政府")).TextContent;
        var county = DemoInteraction.Letters.Where(l => l.SiteCode == DemoRegion.CountyPortalCode && l.State == DemoInteraction.LetterState.Overdue).ToList();
        county.Count.ShouldBeGreaterThan(0);
        foreach (var letter in county)
        {
            desk.ShouldContain(letter.Subject);
        }
        desk.ShouldContain($"超期留言{county.Count} 条");
        desk.ShouldContain("依申请公开办理中");
        desk.ShouldContain("网站找错待处理");
        desk.ShouldContain("待办事项");
        // Another site's overdue letter is not the county admin's business.
        var other = DemoInteraction.Letters.First(l => l.SiteCode == DemoRegion.ProvincialPortalCode && l.State == DemoInteraction.LetterState.Overdue);
        page.Html.ShouldNotContain(other.Subject);
        // A site admin also reviews and clears on their site.
        Section(page, "review-title").ShouldContain(DemoWorkflow.SubmittedTitle);
        Section(page, "secrecy-title").ShouldContain(DemoWorkflow.SecrecyTitle);
    }

    [Fact]
    public async Task A_supervisor_sees_the_regions_verdicts_and_overdue_letters_as_a_chart_and_a_table()
    {
        var page = await DashboardOfAsync("supervisor");
        var region = page.Document.GetElementById("region-title")!.Closest("section")!;
        region.QuerySelectorAll("[data-figures-chart]").Length.ShouldBe(2);
        page.Document.QuerySelectorAll("script[src^='/lib/echarts']").Length.ShouldBe(1);
        var rows = region.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList());
        rows.ShouldContainKey("清河县人民政府");
        var countyOverdue = DemoInteraction.Letters.Count(l => l.SiteCode == DemoRegion.CountyPortalCode && l.State == DemoInteraction.LetterState.Overdue);
        rows["清河县人民政府"][2].ShouldBe(countyOverdue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A supervisor writes nothing and reviews nothing.
        page.Document.GetElementById("drafts-title").ShouldBeNull();
        page.Document.GetElementById("review-title").ShouldBeNull();
        page.Document.GetElementById("platform-title").ShouldBeNull();
    }

    [Fact]
    public async Task The_platform_admin_sees_the_platform_and_an_editor_of_another_site_sees_none_of_the_county()
    {
        var admin = await DashboardOfAsync("admin");
        var platform = Section(admin, "platform-title");
        platform.ShouldContain("网站");
        platform.ShouldContain("在用账号");
        admin.Document.GetElementById("region-title").ShouldBeNull();

        var other = await DashboardOfAsync("edu-editor");
        other.Html.ShouldNotContain(DemoWorkflow.DraftTitle);
        other.Html.ShouldNotContain(DemoWorkflow.ReturnedTitle);
        Section(other, "drafts-title").ShouldContain("没有未提交的草稿");
    }
}
