using System.Net;
using System.Net.Http.Json;
using GovSite.Data;
using GovSite.Disclosure;
using GovSite.ErrorReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Disclosure;

/// <summary>
/// The back office of 政府信息公开 and 找错 through its pages: staff enter a posted application,
/// handle a request step by step on its clock, keep the guide and the annual report, and answer or
/// forward error reports. Refused steps show Chinese messages by the field and keep what was typed.
/// </summary>
public class BackOfficeTests(DisclosureFactory app) : IClassFixture<DisclosureFactory>
{
    private Task<BackOfficeSession> SignInAsync(string user = "dept-editor") => BackOfficeSession.SignInAsync(app, user, DisclosureFactory.Password);

    private Task<int> RequestIdAsync(string number) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.Where(r => r.Number == number).Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task Staff_enter_a_signed_post_application_with_its_date_of_receipt_and_find_it_in_the_list()
    {
        app.Clock.SetChina(2026, 3, 10);
        using var session = await SignInAsync();
        var form = await session.OpenAsync($"/admin/sites/{app.Department.Id}/disclosure/requests/new");
        var blank = await session.SubmitAsync(form.Handler(null), new()
        {
            ["Input.Channel"] = "SignedPost", ["Input.ReceivedOn"] = "2026-03-06", ["Input.ApplicantKind"] = "NaturalPerson",
            ["Input.Name"] = "赵 老三  ", ["Input.IdKind"] = "ResidentIdCard", ["Input.IdNumber"] = "110101199003070038",
            ["Input.Phone"] = "", ["Input.Description"] = "请公开本县2025年耕地占补平衡指标交易情况。", ["Input.Delivery"] = "Post",
        });
        var refused = await ParseAsync(blank);
        refused.Errors.ShouldContain(e => e.Contains("电话", StringComparison.Ordinal));
        // Nothing typed is lost: the form comes back with the name exactly as typed.
        refused.Document.QuerySelector("#Input_Name")!.GetAttribute("value").ShouldBe("赵 老三  ");
        refused.Document.QuerySelector("#Input_Description")!.TextContent.Trim().ShouldBe("请公开本县2025年耕地占补平衡指标交易情况。");

        var done = await session.SubmitAsync(refused.Handler(null), new() { ["Input.Phone"] = "0591-87654321", ["Input.Address"] = "江川省临江市滨江路 18 号" });
        var html = await done.Content.ReadAsStringAsync();
        done.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var receipt = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        receipt.QuerySelector("#number").ShouldNotBeNull(string.Join("; ", receipt.QuerySelectorAll(".field-error, .error-summary li").Select(e => e.TextContent)));
        var number = receipt.QuerySelector("#number")!.TextContent;
        // Signed post counts from the day it was signed for (Friday 6 March): 20 working days → 3 April (清明 on the 6th is after it).
        html.ShouldContain("收到日期 2026-03-06");
        html.ShouldContain("答复期限 2026-04-03");

        var list = await session.OpenAsync($"/admin/sites/{app.Department.Id}/disclosure/requests?filter=open");
        list.Html.ShouldContain(number);
        var detail = await session.OpenAsync($"/admin/disclosure/requests/{await RequestIdAsync(number)}");
        detail.Document.QuerySelector("#status")!.TextContent.ShouldContain("办理中");
        detail.Html.ShouldContain("签收");
    }

    [Fact]
    public async Task A_request_is_handled_on_its_page_extension_needs_its_approver_and_the_answer_needs_its_ground()
    {
        app.Clock.SetChina(2026, 4, 1);
        var receipt = await app.ApplyAsync();
        var id = await RequestIdAsync(receipt.Number);
        using var session = await SignInAsync();
        var page = await session.OpenAsync($"/admin/disclosure/requests/{id}");

        var extend = await session.SubmitAsync(page.Handler("Extend"), new() { ["ApprovedBy"] = "", ["Text"] = "涉及多个处室，需要会商。" });
        var refused = await ParseAsync(extend);
        refused.Errors.ShouldContain(e => e.Contains("批准", StringComparison.Ordinal));
        refused.Document.QuerySelector("#extend-reason")!.TextContent.ShouldBe("涉及多个处室，需要会商。");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.Where(r => r.Id == id).Select(r => r.Extended).SingleAsync()))
            .ShouldBeFalse();

        page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
        (await session.SubmitAsync(page.Handler("Extend"), new() { ["ApprovedBy"] = "李局长", ["Text"] = "涉及多个处室，需要会商。", ["Days"] = "20" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
        page.Document.QuerySelector("#trail")!.TextContent.ShouldContain("李局长");
        page.Html.ShouldContain("延期答复告知书");
        // One extension only: the form is gone.
        page.Document.QuerySelector("#extend-title").ShouldBeNull();

        var answer = await ParseAsync(await session.SubmitAsync(page.Handler("Answer"), new() { ["AnswerType"] = "Refused", ["Ground"] = "", ["Detail"] = "经审查。" }));
        answer.Errors.ShouldNotBeEmpty();
        answer.Errors.ShouldContain(e => e.Contains("依据", StringComparison.Ordinal) || e.Contains("理由", StringComparison.Ordinal));

        page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
        (await session.SubmitAsync(page.Handler("Answer"), new() { ["AnswerType"] = "Disclosed", ["Ground"] = "", ["Detail"] = "所需信息见附件。" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
        page.Document.QuerySelector("#status")!.TextContent.ShouldContain("已答复");
        page.Html.ShouldContain("告知书");
        page.Document.QuerySelector("#answer-title").ShouldBeNull();
    }

    [Fact]
    public async Task The_answer_attaches_the_disclosed_files_which_the_applicant_downloads_with_the_query_code_and_a_refused_file_answers_nothing()
    {
        app.Clock.SetChina(2026, 4, 3);
        var receipt = await app.ApplyAsync();
        var id = await RequestIdAsync(receipt.Number);
        using var session = await SignInAsync();
        var page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
        page.Document.QuerySelector("#answer-files")!.GetAttribute("type").ShouldBe("file");

        // A program renamed to .pdf: refused under the field, by name; the request stays unanswered and the text stays.
        var refused = await session.SubmitWithFilesAsync(page.Handler("Answer"), new() { ["AnswerType"] = "Disclosed", ["Detail"] = "所需信息见附件。" },
            ("AnswerUploads", "预算执行情况.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
        var shown = await ParseAsync(refused);
        shown.Errors.ShouldContain(e => e.Contains("公开的信息（预算执行情况.pdf）", StringComparison.Ordinal));
        shown.Document.QuerySelector("#detail")!.TextContent.ShouldBe("所需信息见附件。");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().InformationRequests.Where(r => r.Id == id).Select(r => r.AnswerType).SingleAsync()))
            .ShouldBeNull();

        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
        page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
        (await session.SubmitWithFilesAsync(page.Handler("Answer"), new() { ["AnswerType"] = "Disclosed", ["Detail"] = "所需信息见附件。" },
            ("AnswerUploads", "2025年部门预算执行情况.pdf", pdf))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var applicant = app.CreateClient();
        var status = await applicant.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/information-requests/{receipt.Number}?queryCode={receipt.QueryCode}");
        var files = status.GetProperty("files").EnumerateArray().ToList();
        files.Count.ShouldBe(1);
        var download = await applicant.GetAsync(files[0].GetProperty("url").GetString()!.Replace("…", receipt.QueryCode, StringComparison.Ordinal));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        // Without the query code the file is not given.
        (await applicant.GetAsync($"/api/v1/information-requests/{receipt.Number}/files/{files[0].GetProperty("id").GetInt32()}")).IsSuccessStatusCode.ShouldBeFalse();
    }

    [Fact]
    public async Task Staff_of_another_site_may_not_open_a_request_and_anonymous_visitors_are_sent_to_sign_in()
    {
        app.Clock.SetChina(2026, 4, 2);
        var receipt = await app.ApplyAsync();
        var id = await RequestIdAsync(receipt.Number);
        using var other = await SignInAsync("other-editor");
        var response = await other.Client.GetAsync($"/admin/disclosure/requests/{id}");
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().ShouldContain("denied", Case.Insensitive);
        }
        using var anonymous = BackOfficeSession.Anonymous(app);
        var anon = await anonymous.Client.GetAsync($"/admin/sites/{app.Department.Id}/disclosure/requests");
        anon.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anon.Headers.Location!.ToString().ShouldContain("login", Case.Insensitive);
    }

    [Fact]
    public async Task The_guide_is_saved_as_a_new_version_and_the_statutory_categories_show_which_are_empty()
    {
        using var session = await SignInAsync("dept-admin");
        var page = await session.OpenAsync($"/admin/sites/{app.Department.Id}/disclosure");
        page.Document.QuerySelector("#statutory")!.TextContent.ShouldContain("空缺");
        var bad = await ParseAsync(await session.SubmitAsync(page.Handler(null), new() { ["Input.Phone"] = "", ["Input.Hours"] = "工作日 8:30—12:00　14:30—17:30" }));
        bad.Errors.ShouldContain(e => e.Contains("电话", StringComparison.Ordinal));
        bad.Document.QuerySelector("#Input_Hours")!.GetAttribute("value").ShouldBe("工作日 8:30—12:00　14:30—17:30");

        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().DisclosureGuides.CountAsync(g => g.SiteId == app.Department.Id));
        page = await session.OpenAsync($"/admin/sites/{app.Department.Id}/disclosure");
        var saved = await session.SubmitAsync(page.Handler(null), new()
        {
            ["Input.Office"] = "测试公开县自然资源局办公室", ["Input.Address"] = "测试公开县人民路 8 号", ["Input.LetterPrefix"] = "测自然资公开",
            ["Input.Remedies"] = "可向测试公开县人民政府申请行政复议。", ["Input.Phone"] = "0591-1234567", ["Input.Hours"] = "工作日 8:30—12:00　14:30—17:30",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().DisclosureGuides.CountAsync(g => g.SiteId == app.Department.Id))).ShouldBe(before + 1);
        using var visitor = app.ClientForHost("zrzyj.gk.test.gov.cn");
        var guide = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await visitor.GetStringAsync("/disclosure/guide"));
        guide.Body!.TextContent.ShouldContain("工作日 8:30—12:00　14:30—17:30");
    }

    [Fact]
    public async Task The_annual_report_page_keeps_hand_entered_cells_and_marks_them()
    {
        app.Clock.SetChina(2026, 1, 12);
        using var session = await SignInAsync();
        var page = await session.OpenAsync($"/admin/sites/{app.Department.Id}/disclosure/reports?year=2025");
        page.Document.QuerySelector("#report-status")!.TextContent.ShouldContain("未保存");
        var saved = await session.SubmitAsync(page.Handler("Save"), new() { ["Input.Manual[2.licensing]"] = "37", ["Input.Manual[4.review.upheld]"] = "abc" });
        var refused = await ParseAsync(saved);
        refused.Errors.ShouldContain(e => e.Contains("abc", StringComparison.Ordinal));

        page = await session.OpenAsync($"/admin/sites/{app.Department.Id}/disclosure/reports?year=2025");
        (await session.SubmitAsync(page.Handler("Save"), new() { ["Input.Manual[2.licensing]"] = "37", ["Input.Problems"] = "  一是……\n二是……" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await session.OpenAsync($"/admin/sites/{app.Department.Id}/disclosure/reports?year=2025");
        page.Document.QuerySelector("#m-licensing")!.GetAttribute("value").ShouldBe("37");
        page.Document.QuerySelector("#problems")!.TextContent.ShouldBe("  一是……\n二是……");
        page.Html.ShouldContain(ReportDocument.ManualMark);
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().DisclosureReports.SingleAsync(r => r.SiteId == app.Department.Id && r.Year == 2025));
        stored.Manual.ShouldContain("2.licensing");
    }

    [Fact]
    public async Task An_error_report_is_forwarded_to_the_site_it_belongs_to_and_answered_there()
    {
        app.Clock.SetChina(2026, 4, 7);
        using var client = app.CreateClient();
        var submitted = await client.PostAsJsonAsync($"/api/v1/sites/{DisclosureFactory.DepartmentCode}/error-reports", new
        {
            pageUrl = "https://zrzyj.gk.test.gov.cn/columns/3/", quotedText = "招生计划", kind = "Content", description = "这条招生信息应属于教育局。",
        });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var number = (await submitted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("number").GetString()!;
        var id = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ErrorReports.Where(r => r.Number == number).Select(r => r.Id).SingleAsync());

        using var dept = await SignInAsync();
        var list = await dept.OpenAsync($"/admin/sites/{app.Department.Id}/error-reports");
        list.Html.ShouldContain(number);
        var page = await dept.OpenAsync($"/admin/error-reports/{id}");
        var refused = await ParseAsync(await dept.SubmitAsync(page.Handler("Forward"), new() { ["TargetSiteId"] = app.OtherDepartment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Note"] = "" }));
        refused.Errors.ShouldContain(e => e.Contains("转交的原因", StringComparison.Ordinal));
        page = await dept.OpenAsync($"/admin/error-reports/{id}");
        (await dept.SubmitAsync(page.Handler("Forward"), new() { ["TargetSiteId"] = app.OtherDepartment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Note"] = "属于教育局网站的内容" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var other = await SignInAsync("other-editor");
        page = await other.OpenAsync($"/admin/error-reports/{id}");
        (await other.SubmitAsync(page.Handler("Reply"), new() { ["Reply"] = "已更正，感谢指出。" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().ErrorReports.SingleAsync(r => r.Id == id));
        report.Status.ShouldBe(ErrorReportStatus.Answered);
        report.ForwardedOnTime.ShouldBe(true);
        report.HandlingSiteId.ShouldBe(app.OtherDepartment.Id);
        report.Reply.ShouldBe("已更正，感谢指出。");
    }

    [Fact]
    public async Task Staff_get_a_notice_of_an_online_application_and_the_applicant_gets_the_receipt_and_the_letters_by_email()
    {
        app.Clock.SetChina(2026, 4, 8);
        var body = DisclosureFactory.Application(description: "请公开本县2026年度地质灾害防治方案。");
        body["email"] = "notice-test@example.com";
        var receipt = await app.ApplyAsync(body: body);
        var id = await RequestIdAsync(receipt.Number);
        var editor = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Users.Where(u => u.UserName == "dept-editor").Select(u => u.Id).SingleAsync());
        var notices = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Notices.IgnoreQueryFilters()
            .Where(n => n.UserId == editor && n.Link == $"/admin/disclosure/requests/{id}").ToListAsync());
        notices.ShouldHaveSingleItem().Kind.ShouldBe(GovSite.Notifications.NoticeKind.WorkArrived);
        notices[0].Title.ShouldContain("地质灾害防治方案");

        using var session = await SignInAsync();
        var page = await session.OpenAsync($"/admin/disclosure/requests/{id}");
        (await session.SubmitAsync(page.Handler("Correction"), new() { ["Text"] = "请写明所需方案的年度和发文机关。" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mails = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages
            .Where(m => m.Recipient == "notice-test@example.com").OrderBy(m => m.Id).ToListAsync());
        mails.Count.ShouldBe(2);
        mails[0].Subject.ShouldContain(receipt.Number);
        mails[0].Body.ShouldNotContain(receipt.QueryCode);
        mails[1].Subject.ShouldContain("补正");
        mails[1].Body.ShouldContain("请写明所需方案的年度和发文机关。");
    }

    /// <summary>A refused post comes back as the page itself (200, with the messages and what was typed).</summary>
    private static async Task<BackOfficeSession.Page> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(500, html.Length)]);
        return new BackOfficeSession.Page(response.RequestMessage!.RequestUri!.PathAndQuery, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), html);
    }
}
