using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Notifications;
using GovSite.Publishing.Library;
using GovSite.Publishing.Quality;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing.Library;

/// <summary>The workflow platform plus a site administrator of A and a sensitive-word list that blocks.</summary>
public sealed class RevisionFixture : WorkflowFixture
{
    public const string Sensitive = "测试违禁词";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync("siteadmin", Password, (Role.SiteAdmin, A.Id));
        await DbAsync(async db =>
        {
            db.QualityLists.Add(new QualityList
            {
                SiteId = A.Id, Kind = QualityListKind.SensitiveWords, Name = "测试词库", Terms = Sensitive, TermCount = 1, Version = 1,
                UpdatedAt = DateTime.UtcNow, Severity = QualitySeverity.Block,
            });
            // Reviewers with an address get e-mail; the others only back-office notices.
            foreach (var name in new[] { "rev1", "rev2" })
            {
                (await db.Users.FirstAsync(u => u.UserName == name)).Email = $"{name}@example.gov.cn";
            }
            return await db.SaveChangesAsync();
        });
    }
}

/// <summary>
/// 谁发布谁负责 for changes to what is already on a government page: an edit, a restore, a
/// withdrawal and an urgent correction, each through the column's review and into the trail.
/// </summary>
public class RevisionTests(RevisionFixture app) : IClassFixture<RevisionFixture>
{
    private static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<int> NewColumnAsync(string name, int levels, bool confidentiality)
    {
        using var admin = await app.AdminClientAsync();
        var column = await OkJson(await admin.PostAsJsonAsync($"/api/v1/sites/{app.A.Code}/columns", new { name, type = "News" }));
        var id = column.GetProperty("id").GetInt32();
        await app.ConfigureColumnAsync(id, levels, confidentiality);
        return id;
    }

    private static Task<HttpResponseMessage> Step(HttpClient client, int id, string step, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/items/{id}/{step}", body ?? new { });

    private static async Task<JsonElement> StepOk(HttpClient client, int id, string step, object? body = null) =>
        await OkJson(await Step(client, id, step, body));

    private static Task<HttpResponseMessage> Put(HttpClient client, string site, int id, int column, string title, string body) =>
        client.PutAsJsonAsync($"/api/v1/items/{id}", new { siteCode = site, columnId = column, title, body });

    /// <summary>An item written by the writer and carried through every level of its column to publication.</summary>
    private async Task<(int Item, int Article)> PublishedAsync(int column, string title, string body, params string[] reviewers)
    {
        using var writer = await app.As("writer");
        using var editor = await app.As("editor");
        var created = await OkJson(await writer.PostAsJsonAsync("/api/v1/items", new { siteCode = app.A.Code, columnId = column, title, body }));
        var id = created.GetProperty("id").GetInt32();
        await StepOk(writer, id, "submit");
        foreach (var reviewer in reviewers)
        {
            using var client = await app.As(reviewer);
            await StepOk(client, id, "approve");
        }
        (await StepOk(editor, id, "publish")).GetProperty("status").GetString().ShouldBe("published");
        var article = await app.DbAsync(db => db.Articles.Where(a => a.ItemId == id).Select(a => a.Id).FirstAsync());
        return (id, article);
    }

    private async Task<string> PublicPageAsync(int article)
    {
        using var page = app.ClientForHost(app.A.Domains[0].Host);
        var response = await page.GetAsync($"/articles/{article}");
        return response.StatusCode == HttpStatusCode.NotFound ? "404" : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_editors_revision_of_a_published_item_stays_invisible_until_it_passes_both_levels_secrecy_and_the_gate()
    {
        var column = await NewColumnAsync("两级审核保密栏目", 2, true);
        var (id, article) = await PublishedAsync(column, "关于做好春节期间值班工作的通知", "<p>各单位要认真安排值班。</p>", "rev1", "rev2", "secrecy");
        using var editor = await app.As("editor");
        using var rev1 = await app.As("rev1");
        using var rev2 = await app.As("rev2");
        using var secrecy = await app.As("secrecy");

        // The case: new text with a blocked word and 中华人民共合国, PUT into the published item.
        var bad = await OkJson(await Put(editor, app.A.Code, id, column, "关于做好春节期间值班工作的补充通知",
            $"<p>坚决维护中华人民共合国宪法权威，{RevisionFixture.Sensitive}。</p>"));
        bad.GetProperty("status").GetString().ShouldBe("published");
        bad.GetProperty("revision").GetProperty("status").GetString().ShouldBe("draft");
        var page = await PublicPageAsync(article);
        page.ShouldContain("各单位要认真安排值班。");
        page.ShouldNotContain("共合国");
        page.ShouldNotContain(RevisionFixture.Sensitive);
        (await app.DbAsync(db => db.Articles.FirstAsync(a => a.Id == article))).Title.ShouldBe("关于做好春节期间值班工作的通知");

        // The gate stops the revision at submit, at its places; nothing reaches the page.
        var refused = await Step(editor, id, "submit");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var findings = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("code").GetString()).ToList();
        findings.ShouldContain("serious_error");
        findings.ShouldContain("sensitive_word");

        var fixedText = await OkJson(await Put(editor, app.A.Code, id, column, "关于做好春节期间值班工作的补充通知",
            "<p>坚决维护中华人民共和国宪法权威，各单位要认真安排值班。</p>"));
        var revisionVersion = fixedText.GetProperty("revision").GetProperty("version").GetInt32();
        (await StepOk(editor, id, "submit")).GetProperty("revision").GetProperty("status").GetString().ShouldBe("submitted");
        (await StepOk(rev1, id, "approve")).GetProperty("revision").GetProperty("reviewLevel").GetInt32().ShouldBe(2);
        (await Step(rev1, id, "approve")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "one person, one level of a round");
        (await StepOk(rev2, id, "approve")).GetProperty("revision").GetProperty("status").GetString().ShouldBe("confidentiality_review");
        (await PublicPageAsync(article)).ShouldContain("各单位要认真安排值班。");
        (await StepOk(secrecy, id, "approve")).GetProperty("revision").GetProperty("status").GetString().ShouldBe("approved");
        (await PublicPageAsync(article)).ShouldNotContain("补充通知", Case.Sensitive, "approved is not published");

        var published = await StepOk(editor, id, "publish");
        published.GetProperty("status").GetString().ShouldBe("published");
        published.TryGetProperty("revision", out var none).ShouldBeTrue();
        none.ValueKind.ShouldBe(JsonValueKind.Null);
        page = await PublicPageAsync(article);
        page.ShouldContain("关于做好春节期间值班工作的补充通知");
        page.ShouldContain("坚决维护中华人民共和国宪法权威");

        // Signed: who changed, who reviewed which version, who published, in order.
        var history = await OkJson(await editor.GetAsync($"/api/v1/items/{id}/history"));
        var revision = history.EnumerateArray().Where(t => t.GetProperty("revision").GetBoolean())
            .Select(t => (t.GetProperty("user").GetString(), t.GetProperty("action").GetString(), t.GetProperty("version").GetInt32())).ToList();
        revision.ShouldBe([
            ("editor", "revise", revisionVersion - 1), ("editor", "edit", revisionVersion), ("editor", "submit", revisionVersion),
            ("rev1", "approve", revisionVersion), ("rev2", "approve", revisionVersion), ("secrecy", "clear", revisionVersion),
            ("editor", "publish", revisionVersion),
        ]);
        var item = await app.DbAsync(db => db.LibraryItems.FirstAsync(i => i.Id == id));
        item.PublishedVersion.ShouldBe(revisionVersion);
        item.RevisionStatus.ShouldBeNull();
    }

    [Fact]
    public async Task In_a_column_without_review_a_revision_is_published_on_save_but_only_through_the_gate()
    {
        var column = await NewColumnAsync("免审修订栏目", 0, false);
        var (id, article) = await PublishedAsync(column, "市图书馆调整开放时间", "<p>每周一闭馆。</p>");
        using var editor = await app.As("editor");
        var versions = await app.DbAsync(db => db.ItemVersions.CountAsync(v => v.ItemId == id));

        var blocked = await Put(editor, app.A.Code, id, column, "市图书馆调整开放时间", "<p>依据中华人民共合国公共图书馆法，每周一闭馆。</p>");
        blocked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await blocked.Content.ReadAsStringAsync()).ShouldContain("质量检查");
        (await PublicPageAsync(article)).ShouldNotContain("共合国");
        (await app.DbAsync(db => db.ItemVersions.CountAsync(v => v.ItemId == id))).ShouldBe(versions, "a refused save saves nothing");

        var saved = await OkJson(await Put(editor, app.A.Code, id, column, "市图书馆调整开放时间", "<p>每周一上午闭馆，下午开放。</p>"));
        saved.GetProperty("revision").ValueKind.ShouldBe(JsonValueKind.Null);
        (await PublicPageAsync(article)).ShouldContain("下午开放");
        var last = (await OkJson(await editor.GetAsync($"/api/v1/items/{id}/history"))).EnumerateArray().Last();
        last.GetProperty("action").GetString().ShouldBe("publish");
        last.GetProperty("revision").GetBoolean().ShouldBeTrue();
        last.GetProperty("user").GetString().ShouldBe("editor");
    }

    [Fact]
    public async Task Saving_a_published_item_unchanged_makes_no_revision_and_no_version()
    {
        var column = await NewColumnAsync("原样保存栏目", 1, false);
        var (id, _) = await PublishedAsync(column, "原样保存", "<p>内容不变。</p>", "rev1");
        using var editor = await app.As("editor");
        var before = await app.DbAsync(db => db.LibraryItems.AsNoTracking().FirstAsync(i => i.Id == id));
        var same = await OkJson(await Put(editor, app.A.Code, id, column, "原样保存", "<p>内容不变。</p>"));
        same.GetProperty("revision").ValueKind.ShouldBe(JsonValueKind.Null);
        same.GetProperty("version").GetInt32().ShouldBe(before.VersionNumber);
    }

    [Fact]
    public async Task Restoring_an_old_version_of_a_published_item_waits_for_review_like_any_change()
    {
        var column = await NewColumnAsync("恢复版本栏目", 1, false);
        var (id, article) = await PublishedAsync(column, "恢复测试", "<p>第一版正文。</p>", "rev1");
        using var editor = await app.As("editor");
        using var rev2 = await app.As("rev2");
        await OkJson(await Put(editor, app.A.Code, id, column, "恢复测试", "<p>第二版正文。</p>"));
        await StepOk(editor, id, "submit");
        await StepOk(rev2, id, "approve");
        await StepOk(editor, id, "publish");
        (await PublicPageAsync(article)).ShouldContain("第二版正文");

        var restored = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/restore", new { version = 1 }));
        restored.GetProperty("revision").GetProperty("status").GetString().ShouldBe("draft");
        (await PublicPageAsync(article)).ShouldContain("第二版正文", Case.Sensitive, "the old text is a revision, not yet published");
        await StepOk(editor, id, "submit");
        await StepOk(rev2, id, "approve");
        await StepOk(editor, id, "publish");
        (await PublicPageAsync(article)).ShouldContain("第一版正文");
    }

    [Fact]
    public async Task Withdrawing_from_a_column_with_review_is_a_request_until_a_reviewer_agrees()
    {
        var column = await NewColumnAsync("撤回审核栏目", 1, false);
        var (id, article) = await PublishedAsync(column, "撤回申请测试", "<p>将被撤回。</p>", "rev1");
        using var editor = await app.As("editor");
        using var rev1 = await app.As("rev1");
        var request = await StepOk(editor, id, "withdraw", new { comment = "内容已过时" });
        request.GetProperty("status").GetString().ShouldBe("published");
        request.GetProperty("revision").GetProperty("kind").GetString().ShouldBe("withdrawal");
        request.GetProperty("revision").GetProperty("status").GetString().ShouldBe("submitted");
        (await PublicPageAsync(article)).ShouldContain("将被撤回");
        (await Step(editor, id, "withdraw")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "not before it is approved");
        (await StepOk(rev1, id, "approve")).GetProperty("revision").GetProperty("status").GetString().ShouldBe("approved");
        (await PublicPageAsync(article)).ShouldContain("将被撤回");
        (await StepOk(editor, id, "withdraw")).GetProperty("status").GetString().ShouldBe("withdrawn");
        (await PublicPageAsync(article)).ShouldBe("404");
        var actions = (await OkJson(await editor.GetAsync($"/api/v1/items/{id}/history"))).EnumerateArray()
            .Select(t => (t.GetProperty("user").GetString(), t.GetProperty("action").GetString())).TakeLast(3).ToList();
        actions.ShouldBe([("editor", "request_withdraw"), ("rev1", "approve"), ("editor", "withdraw")]);
    }

    [Fact]
    public async Task A_site_admin_publishes_an_urgent_correction_at_once_with_a_reason_and_reviewers_are_told()
    {
        var column = await NewColumnAsync("紧急更正栏目", 2, true);
        var (id, article) = await PublishedAsync(column, "关于暂停部分公交线路的通告", "<p>12路公交暂停运营。</p>", "rev1", "rev2", "secrecy");
        using var editor = await app.As("editor");
        using var admin = await app.As("siteadmin");
        await OkJson(await Put(editor, app.A.Code, id, column, "关于暂停部分公交线路的通告", "<p>21路公交暂停运营（原文误写为12路）。</p>"));

        (await Step(editor, id, "urgent", new { reason = "线路写错" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "editors may not skip review");
        (await Step(admin, id, "urgent", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await PublicPageAsync(article)).ShouldContain("12路公交暂停运营");
        var before = await app.DbAsync(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.Urgent));
        await StepOk(admin, id, "urgent", new { reason = "线路号写错，群众误乘" });
        (await PublicPageAsync(article)).ShouldContain("21路公交暂停运营");

        var last = (await OkJson(await editor.GetAsync($"/api/v1/items/{id}/history"))).EnumerateArray().Last();
        last.GetProperty("action").GetString().ShouldBe("urgent_publish");
        last.GetProperty("user").GetString().ShouldBe("siteadmin");
        last.GetProperty("comment").GetString().ShouldBe("线路号写错，群众误乘");
        var told = await app.DbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.Urgent).Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName).ToListAsync());
        told.Count.ShouldBeGreaterThan(before);
        told.ShouldContain("rev1");
        told.ShouldContain("secrecy");
        told.ShouldNotContain("siteadmin");
    }

    [Fact]
    public async Task A_pending_revision_can_be_discarded_and_the_published_version_stays()
    {
        var column = await NewColumnAsync("放弃修订栏目", 1, false);
        var (id, article) = await PublishedAsync(column, "放弃修订测试", "<p>原文。</p>", "rev1");
        using var editor = await app.As("editor");
        await OkJson(await Put(editor, app.A.Code, id, column, "放弃修订测试", "<p>不再需要的修改。</p>"));
        var dropped = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/discard-revision", new { comment = "不改了" }));
        dropped.GetProperty("revision").ValueKind.ShouldBe(JsonValueKind.Null);
        (await PublicPageAsync(article)).ShouldContain("原文。");
        // The discarded text stays in the history.
        (await app.DbAsync(db => db.ItemVersions.AnyAsync(v => v.ItemId == id && v.Body.Contains("不再需要的修改")))).ShouldBeTrue();
    }

    [Fact]
    public async Task Reviewers_are_told_when_something_waits_for_them_and_the_mail_waits_in_the_outbox_without_smtp()
    {
        var column = await NewColumnAsync("通知栏目", 1, false);
        using var writer = await app.As("writer");
        var created = await OkJson(await writer.PostAsJsonAsync("/api/v1/items",
            new { siteCode = app.A.Code, columnId = column, title = "等待审核的通知稿", body = "<p>正文。</p>" }));
        var id = created.GetProperty("id").GetInt32();
        await StepOk(writer, id, "submit");

        var notices = await app.DbAsync(db => db.Notices.Where(n => n.Link == $"/admin/library/{id}")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Title, n.Kind }).ToListAsync());
        notices.Select(n => n.UserName).Order().ShouldBe(["rev1", "rev2", "self"]);
        notices.ShouldAllBe(n => n.Kind == NoticeKind.Review && n.Title.Contains("等待审核的通知稿"));
        var mail = await app.DbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains("等待审核的通知稿")).ToListAsync());
        mail.Select(m => m.Recipient).Order().ShouldBe(["rev1@example.gov.cn", "rev2@example.gov.cn"]);
        mail.ShouldAllBe(m => m.Status == OutboxStatus.Pending);

        // No SMTP settings: a pass of the drain sends nothing and drops nothing.
        (await app.Services.GetRequiredService<OutboxDrain>().RunOnceAsync(CancellationToken.None)).ShouldBe(0);
        (await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.Contains("等待审核的通知稿") && m.Status == OutboxStatus.Pending))).ShouldBe(2);
        using var admin = await app.AdminClientAsync();
        var outbox = await admin.GetStringAsync("/admin/outbox");
        outbox.ShouldContain("未配置发送服务");
        outbox.ShouldContain("rev1@example.gov.cn");
    }

    [Fact]
    public async Task An_item_is_in_a_column_once_whether_it_came_by_placement_request_or_reprint_order()
    {
        var column = await NewColumnAsync("转载来源栏目", 0, false);
        var (id, _) = await PublishedAsync(column, "全市统一部署防汛工作", "<p>各地要做好防汛准备。</p>");
        using var editor = await app.As("editor");
        using var editorB = await app.As("editorB");
        var target = await app.DbAsync(db => db.Columns.Where(c => c.SiteId == app.B.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

        var placed = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/placements", new { siteCode = app.B.Code }));
        placed.GetProperty("status").GetString().ShouldBe("pending");
        var order = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/reprint-orders", new { siteCodes = new[] { app.B.Code }, deadline = "2099-01-15" }));
        var requests = await OkJson(await editorB.GetAsync($"/api/v1/sites/{app.B.Code}/placement-requests"));
        var ids = requests.EnumerateArray().Where(r => r.GetProperty("itemId").GetInt32() == id).Select(r => r.GetProperty("id").GetInt32()).ToList();
        ids.Count.ShouldBe(2);

        await OkJson(await editorB.PostAsJsonAsync($"/api/v1/placement-requests/{ids[0]}/accept", new { columnId = target }));
        var second = await editorB.PostAsJsonAsync($"/api/v1/placement-requests/{ids[1]}/accept", new { columnId = target });
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await second.Content.ReadAsStringAsync()).ShouldContain("已在这个栏目中");
        (await app.DbAsync(db => db.Articles.CountAsync(a => a.ItemId == id && a.ColumnId == target))).ShouldBe(1);
        // And the database says so too, whatever route a second row would take.
        await Should.ThrowAsync<DbUpdateException>(() => app.DbAsync(async db =>
        {
            var copy = await db.Articles.AsNoTracking().FirstAsync(a => a.ItemId == id && a.ColumnId == target);
            copy.Id = 0;
            copy.IndexNumber = null;
            db.Articles.Add(copy);
            return await db.SaveChangesAsync();
        }));
        order.GetProperty("deadline").GetString().ShouldBe("2099-01-15 23:59");
    }

    [Fact]
    public async Task A_reprint_deadline_given_as_a_date_is_the_end_of_that_day_in_china_time()
    {
        var column = await NewColumnAsync("转载期限栏目", 0, false);
        var (id, _) = await PublishedAsync(column, "转载期限测试", "<p>正文。</p>");
        using var editor = await app.As("editor");
        var order = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/reprint-orders", new { siteCodes = new[] { app.B.Code }, deadline = "2099-03-03" }));
        var stored = await app.DbAsync(db => db.ReprintOrders.FirstAsync(o => o.Id == order.GetProperty("id").GetInt32()));
        stored.DeadlineUtc.ShouldBe(new DateTime(2099, 3, 3, 15, 59, 59, DateTimeKind.Utc));
        var unclear = await editor.PostAsJsonAsync($"/api/v1/items/{id}/reprint-orders", new { siteCodes = new[] { app.B.Code }, deadline = "下周五" });
        unclear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unclear.Content.ReadAsStringAsync()).ShouldContain("无法识别");
        // The time a client gives with an offset stays that time.
        var exact = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/reprint-orders", new { siteCodes = new[] { app.B.Code }, deadline = "2099-03-03T10:30:00+08:00" }));
        exact.GetProperty("deadline").GetString().ShouldBe("2099-03-03 10:30");
        // The site ordered to reprint is told, with the deadline.
        (await app.DbAsync(db => db.Notices.AnyAsync(n => n.Kind == NoticeKind.ReprintOrder && n.Title.Contains("2099-03-03 23:59")))).ShouldBeTrue();
    }

    [Fact]
    public async Task New_content_is_a_draft_until_someone_publishes_it()
    {
        var column = await NewColumnAsync("草稿默认栏目", 0, false);
        using var editor = await app.As("editor");
        var saved = await OkJson(await editor.PostAsJsonAsync($"/api/v1/sites/{app.A.Code}/articles", new { columnId = column, title = "未勾选发布的文章", body = "<p>正文。</p>" }));
        saved.GetProperty("status").GetString().ShouldBe("draft");
        (await PublicPageAsync(saved.GetProperty("id").GetInt32())).ShouldBe("404");
        // The back office's 写文章 is the library's form, which has no publish-on-save at all.
        using var admin = await app.AdminClientAsync();
        var redirect = await admin.GetAsync($"/admin/sites/{app.A.Id}/articles/new");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldBe($"/admin/sites/{app.A.Id}/library/new");
        var form = await admin.GetStringAsync($"/admin/sites/{app.A.Id}/library/new");
        form.ShouldContain("name=\"Input.Title\"");
        form.ShouldNotContain("Publish");
    }

    [Fact]
    public async Task A_change_through_the_article_api_to_a_published_article_in_a_reviewed_column_waits_for_review()
    {
        var column = await NewColumnAsync("文章接口审核栏目", 1, false);
        var (_, article) = await PublishedAsync(column, "文章接口修订", "<p>原文。</p>", "rev1");
        using var editor = await app.As("editor");
        var put = await OkJson(await editor.PutAsJsonAsync($"/api/v1/articles/{article}", new { columnId = column, title = "文章接口修订", body = "<p>改过的正文。</p>" }));
        put.GetProperty("status").GetString().ShouldBe("published");
        put.GetProperty("body").GetString().ShouldBe("<p>原文。</p>");
        (await PublicPageAsync(article)).ShouldNotContain("改过的正文");
        // Withdrawing through the article API in this column is a request too (once the pending revision is out of the way).
        var blocked = await editor.PostAsync($"/api/v1/articles/{article}/withdraw", null);
        blocked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await blocked.Content.ReadAsStringAsync()).ShouldContain("待审修订");
        var item = await app.DbAsync(db => db.Articles.Where(a => a.Id == article).Select(a => a.ItemId!.Value).FirstAsync());
        await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{item}/discard-revision", new { }));
        (await OkJson(await editor.PostAsync($"/api/v1/articles/{article}/withdraw", null))).GetProperty("status").GetString().ShouldBe("published");
        (await app.DbAsync(db => db.LibraryItems.FirstAsync(i => i.Id == item))).RevisionKind.ShouldBe(RevisionKind.Withdrawal);
    }

    [Fact]
    public async Task A_site_that_has_not_reprinted_is_reminded_the_day_before_the_deadline_once()
    {
        var column = await NewColumnAsync("转载提醒栏目", 0, false);
        var (id, _) = await PublishedAsync(column, "转载提醒测试", "<p>正文。</p>");
        using var editor = await app.As("editor");
        var soon = DateTimeOffset.UtcNow.AddHours(12).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var order = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/reprint-orders", new { siteCodes = new[] { app.B.Code }, deadline = soon }));
        var requestId = await app.DbAsync(db => db.PlacementRequests.Where(r => r.OrderId == order.GetProperty("id").GetInt32()).Select(r => r.Id).FirstAsync());
        for (var pass = 0; pass < 2; pass++)
        {
            await app.AsSystemAsync(sp => sp.GetRequiredService<ReminderSweep>().RunOnceAsync(CancellationToken.None));
        }
        var told = await app.DbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.ReprintDue && n.Key == $"order-due:{requestId}")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName).ToListAsync());
        told.ShouldBe(["editorB"]);
    }
}
