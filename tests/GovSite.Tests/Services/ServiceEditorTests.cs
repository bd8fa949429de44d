using System.Net;
using GovSite.Data;
using GovSite.Services;
using GovSite.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Services;

/// <summary>Writing guides: drafts may be incomplete; what is published is complete and was reviewed.</summary>
public class ServiceEditorTests(ServicesFactory app) : IClassFixture<ServicesFactory>
{
    private string GuidePath(string code) => $"/sites/{ServicesFactory.DepartmentCode}/services/{code}";

    [Fact]
    public async Task An_incomplete_draft_is_saved_the_editor_is_told_what_is_missing_and_it_cannot_be_submitted()
    {
        var guide = ServicesFactory.CompleteGuide("E001");
        (guide.LegalBasis, guide.Fee, guide.OfficeHours) = (null, "暂无", "");
        guide.Materials.Add(new MaterialInput { Name = "其他材料" });
        var item = await app.AsUserAsync("svc-editor", async sp =>
        {
            var editor = sp.GetRequiredService<ServiceEditor>();
            var created = await editor.CreateAsync(app.Department.Id, guide);
            created.Succeeded.ShouldBeTrue();
            created.Value!.Status.ShouldBe(ServiceItemStatus.Draft);
            created.Value.MissingCount.ShouldBe(3);
            created.Value.VagueCount.ShouldBe(1);
            var submitted = await editor.ActAsync(created.Value.Id, ServiceAction.Submit, null);
            submitted.Succeeded.ShouldBeFalse();
            var errors = submitted.Errors.ToDictionary();
            errors.Keys.ShouldBe(["LegalBasis", "Fee", "OfficeHours"], ignoreOrder: true);
            errors["LegalBasis"][0].ShouldContain("设定依据");
            return created.Value;
        });
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ServiceItems.SingleAsync(i => i.Id == item.Id));
        stored.Status.ShouldBe(ServiceItemStatus.Draft);
        using var visitor = app.CreateClient();
        (await visitor.GetAsync(GuidePath("E001"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync("/api/v1/services/E001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_a_reviewer_of_the_site_publishes_and_other_sites_staff_cannot_touch_the_guide()
    {
        var id = await app.AsUserAsync("svc-editor", async sp =>
        {
            var editor = sp.GetRequiredService<ServiceEditor>();
            var created = await editor.CreateAsync(app.Department.Id, ServicesFactory.CompleteGuide("E002"));
            (await editor.ActAsync(created.Value!.Id, ServiceAction.Submit, null)).Succeeded.ShouldBeTrue();
            (await editor.ActAsync(created.Value.Id, ServiceAction.Approve, null)).Forbidden.ShouldBeTrue();
            return created.Value.Id;
        });
        await app.AsUserAsync("other-editor", async sp =>
        {
            var editor = sp.GetRequiredService<ServiceEditor>();
            // Not published, not theirs: they cannot even find it.
            (await editor.SaveAsync(id, ServicesFactory.CompleteGuide("E002"))).NotFound.ShouldBeTrue();
            (await editor.CreateAsync(app.Department.Id, ServicesFactory.CompleteGuide("E002b"))).Forbidden.ShouldBeTrue();
            return 0;
        });
        var returned = await app.AsUserAsync("svc-reviewer", sp => sp.GetRequiredService<ServiceEditor>().ActAsync(id, ServiceAction.Return, "  "));
        returned.Errors.ToDictionary().Keys.ShouldContain("comment");
        var approved = await app.AsUserAsync("svc-reviewer", sp => sp.GetRequiredService<ServiceEditor>().ActAsync(id, ServiceAction.Approve, null));
        approved.Succeeded.ShouldBeTrue();
        approved.Value!.ReviewedBy.ShouldBe("svc-reviewer");
        using var visitor = app.CreateClient();
        (await visitor.GetAsync(GuidePath("E002"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_edit_of_a_published_guide_stays_off_the_public_page_until_a_reviewer_approves_it()
    {
        await app.PublishedAsync(ServicesFactory.CompleteGuide("E003", "城乡居民最低生活保障申请"));
        using var visitor = app.CreateClient();
        (await visitor.GetStringAsync(GuidePath("E003"))).ShouldContain("居民身份证");

        var edit = ServicesFactory.CompleteGuide("E003", "城乡居民最低生活保障申请");
        edit.Materials[0].Name = "社会保障卡";
        var item = await app.AsUserAsync("svc-editor", async sp =>
        {
            var editor = sp.GetRequiredService<ServiceEditor>();
            var id = await sp.GetRequiredService<GovSiteDb>().ServiceItems.Where(i => i.Code == "E003").Select(i => i.Id).SingleAsync();
            var saved = await editor.SaveAsync(id, edit);
            saved.Succeeded.ShouldBeTrue();
            saved.Value!.Status.ShouldBe(ServiceItemStatus.Published);
            saved.Value.RevisionStatus.ShouldBe(RevisionStatus.Draft);
            (await editor.ActAsync(id, ServiceAction.Submit, null)).Succeeded.ShouldBeTrue();
            return saved.Value;
        });
        var before = await visitor.GetStringAsync(GuidePath("E003"));
        before.ShouldContain("居民身份证");
        before.ShouldNotContain("社会保障卡");

        (await app.AsUserAsync("svc-reviewer", sp => sp.GetRequiredService<ServiceEditor>().ActAsync(item.Id, ServiceAction.Approve, null)))
            .Succeeded.ShouldBeTrue();
        var after = await visitor.GetStringAsync(GuidePath("E003"));
        after.ShouldContain("社会保障卡");
        var body = await visitor.GetStringAsync("/api/v1/services/E003");
        body.ShouldContain("社会保障卡");
    }

    [Fact]
    public async Task A_withdrawn_guide_leaves_the_catalogue_and_its_page()
    {
        var item = await app.PublishedAsync(ServicesFactory.CompleteGuide("E004", "临时救助申请"));
        using var visitor = app.CreateClient();
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.DepartmentCode}/services/theme/社会保障")).ShouldContain("临时救助申请");
        (await app.AsUserAsync("svc-editor", sp => sp.GetRequiredService<ServiceEditor>().ActAsync(item.Id, ServiceAction.Withdraw, null)))
            .Forbidden.ShouldBeTrue();
        (await app.AsUserAsync("svc-admin", sp => sp.GetRequiredService<ServiceEditor>().ActAsync(item.Id, ServiceAction.Withdraw, null)))
            .Succeeded.ShouldBeTrue();
        (await visitor.GetAsync(GuidePath("E004"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetStringAsync($"/sites/{ServicesFactory.DepartmentCode}/services/theme/社会保障")).ShouldNotContain("临时救助申请");
        (await app.AsUserAsync("svc-admin", sp => sp.GetRequiredService<ServiceEditor>().DeleteAsync(item.Id))).Succeeded.ShouldBeFalse();
    }

    [Theory]
    [InlineData("E005", "E005", "已被")]
    [InlineData("theme", "theme", "目录页面")]
    [InlineData("含 空格", "含 空格", "只能由字母")]
    public async Task Item_codes_are_unique_and_cannot_shadow_the_catalogue_addresses(string first, string second, string message)
    {
        await app.AsUserAsync("svc-editor", async sp =>
        {
            var editor = sp.GetRequiredService<ServiceEditor>();
            if (first == second && message == "已被")
            {
                (await editor.CreateAsync(app.Department.Id, ServicesFactory.CompleteGuide(first))).Succeeded.ShouldBeTrue();
            }
            var refused = await editor.CreateAsync(app.Department.Id, ServicesFactory.CompleteGuide(second));
            refused.Succeeded.ShouldBeFalse();
            refused.Errors.ToDictionary()["Code"][0].ShouldContain(message);
            return 0;
        });
    }

    [Fact]
    public async Task A_depth_beyond_information_needs_a_hall_link_and_lists_are_checked_entry_by_entry()
    {
        var guide = ServicesFactory.CompleteGuide("E006");
        guide.HallUrl = null;
        guide.Materials.Add(new MaterialInput { Name = "结婚证", Form = MaterialForm.Copy, Copies = 0 });
        guide.Questions.Add(new QuestionInput { Question = "只有问题没有解答？" });
        guide.PromisedDays = 40;
        var errors = await app.AsUserAsync("svc-editor", async sp =>
            (await sp.GetRequiredService<ServiceEditor>().CreateAsync(app.Department.Id, guide)).Errors.ToDictionary());
        errors.Keys.ShouldBe(["HallUrl", "Materials[2].Originals", "Questions[1].Answer", "PromisedDays"], ignoreOrder: true);
        errors["PromisedDays"][0].ShouldContain("不能长于法定时限");
    }

    [Fact]
    public async Task The_back_office_form_keeps_what_was_typed_when_a_save_is_refused_and_shows_what_is_missing()
    {
        using var admin = await PublicTestHelpers.SignInAsync(app, "svc-admin", ServicesFactory.Password);
        var url = $"/admin/sites/{app.Department.Id}/services/new";
        var form = await admin.GetStringAsync(url);
        form.ShouldContain("办事指南完整性检查");
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = "含 空格",
            ["Input.Name"] = "残疾人两项补贴 <申请>",
            ["Input.Type"] = "Payment",
            ["Input.ForPersons"] = "true",
            ["Input.Fee"] = "按规定收取",
            ["Input.Materials[0].Name"] = "残疾人证 & 户口簿",
            ["Input.Materials[0].Form"] = "Original",
            ["Input.Materials[0].Originals"] = "1",
            ["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(form),
        };
        var refused = await admin.PostAsync(url, new FormUrlEncodedContent(fields));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("事项编码只能由字母");
        page.ShouldContain("value=\"残疾人两项补贴 &lt;申请&gt;\"");
        page.ShouldContain("残疾人证 &amp; 户口簿");
        page.ShouldContain("缺少 ");
        page.ShouldContain("按规定");

        fields["Input.Code"] = "E007";
        fields["__RequestVerificationToken"] = PublicTestHelpers.AntiforgeryToken(page);
        var saved = await admin.PostAsync(url, new FormUrlEncodedContent(fields));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edit = await admin.GetStringAsync(saved.Headers.Location!.OriginalString);
        edit.ShouldContain("缺少 <span id=\"missing-count\">7</span> 项要素");
        edit.ShouldContain("收费标准：“按规定”");
        var list = await admin.GetStringAsync($"/admin/sites/{app.Department.Id}/services?filter=incomplete");
        list.ShouldContain("残疾人两项补贴 &lt;申请&gt;");
    }
}
