using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Publishing.Library;

/// <summary>A platform with a city portal (A), a department site below it (B), an unrelated site (C) and a staff for A.</summary>
public class WorkflowFixture : EmptyPlatformFactory
{
    public const string Password = "Workflow123x";
    public Site A { get; private set; } = null!;
    public Site B { get; private set; } = null!;
    public Site C { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = await CreateSiteAsync("3502000001", "市政府门户", SiteType.Portal);
        B = await CreateSiteAsync("3502000002", "市教育局");
        C = await CreateSiteAsync("3601000003", "外地市政府");
        await AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var b = await db.Sites.FirstAsync(s => s.Id == B.Id);
            b.ParentId = A.Id;
            await db.SaveChangesAsync();
            sp.GetRequiredService<SiteDirectory>().Invalidate();
            return 0;
        });
        await CreateUserAsync("writer", Password, (Role.Contributor, A.Id));
        await CreateUserAsync("editor", Password, (Role.Editor, A.Id));
        await CreateUserAsync("rev1", Password, (Role.Reviewer, A.Id));
        await CreateUserAsync("rev2", Password, (Role.Reviewer, A.Id));
        await CreateUserAsync("secrecy", Password, (Role.ConfidentialityReviewer, A.Id));
        await CreateUserAsync("self", Password, (Role.Contributor, A.Id), (Role.Reviewer, A.Id));
        await CreateUserAsync("editorB", Password, (Role.Editor, B.Id));
        await CreateUserAsync("outsider", Password, (Role.Editor, C.Id));
    }

    public Task<HttpClient> As(string user) => ClientWithTokenAsync(user, Password);

    /// <summary>Sets a column's workflow directly: the settings page is tested elsewhere.</summary>
    public Task ConfigureColumnAsync(int columnId, int levels, bool confidentiality) => AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        var column = await db.Columns.FirstAsync(c => c.Id == columnId);
        column.ReviewLevels = levels;
        column.RequiresConfidentialityReview = confidentiality;
        await db.SaveChangesAsync();
        return 0;
    });

    public Task<T> DbAsync<T>(Func<GovSiteDb, Task<T>> work) => AsSystemAsync(sp => work(sp.GetRequiredService<GovSiteDb>()));
}

public class WorkflowTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
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

    private static async Task<int> CreateAsync(HttpClient client, string siteCode, int column, string title, string body = "<p>全市各单位认真落实安全生产责任制。</p>",
        object? extra = null)
    {
        var payload = new Dictionary<string, object?> { ["siteCode"] = siteCode, ["columnId"] = column, ["title"] = title, ["body"] = body };
        if (extra is not null)
        {
            foreach (var p in extra.GetType().GetProperties())
            {
                payload[p.Name] = p.GetValue(extra);
            }
        }
        var created = await OkJson(await client.PostAsJsonAsync("/api/v1/items", payload));
        created.GetProperty("status").GetString().ShouldBe("draft");
        return created.GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> Step(HttpClient client, int id, string step, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/items/{id}/{step}", body ?? new { });

    private static async Task<string> StatusAfter(HttpClient client, int id, string step, object? body = null)
    {
        var json = await OkJson(await Step(client, id, step, body));
        return json.GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task An_item_passes_two_review_levels_and_confidentiality_review_before_an_editor_publishes_it()
    {
        var column = await NewColumnAsync("两级审核栏目", 2, true);
        using var writer = await app.As("writer");
        using var rev1 = await app.As("rev1");
        using var rev2 = await app.As("rev2");
        using var secrecy = await app.As("secrecy");
        using var editor = await app.As("editor");
        var id = await CreateAsync(writer, app.A.Code, column, "关于做好冬季安全生产工作的通知");

        // A contributor may only submit.
        (await Step(writer, id, "publish")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAfter(writer, id, "submit")).ShouldBe("submitted");
        (await Step(writer, id, "approve")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a contributor is no reviewer");
        // Publishing skips no step.
        (await Step(editor, id, "publish")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var level1 = await OkJson(await Step(rev1, id, "approve", new { comment = "一审通过" }));
        level1.GetProperty("status").GetString().ShouldBe("submitted");
        level1.GetProperty("reviewLevel").GetInt32().ShouldBe(2);
        (await Step(rev1, id, "approve")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "one person, two levels");
        (await StatusAfter(rev2, id, "approve")).ShouldBe("confidentiality_review");
        (await Step(rev1, id, "approve")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a reviewer is not a confidentiality reviewer");
        (await StatusAfter(secrecy, id, "approve", new { comment = "不涉密" })).ShouldBe("approved");
        (await StatusAfter(editor, id, "publish")).ShouldBe("published");

        var history = await OkJson(await writer.GetAsync($"/api/v1/items/{id}/history"));
        var steps = history.EnumerateArray().Select(t => (t.GetProperty("user").GetString(), t.GetProperty("action").GetString(), t.GetProperty("to").GetString())).ToList();
        steps.ShouldBe([
            ("writer", "create", "draft"), ("writer", "submit", "submitted"), ("rev1", "approve", "submitted"),
            ("rev2", "approve", "confidentiality_review"), ("secrecy", "clear", "approved"), ("editor", "publish", "published"),
        ]);
        history[2].GetProperty("comment").GetString().ShouldBe("一审通过");
        history[2].GetProperty("level").GetInt32().ShouldBe(1);

        var item = await OkJson(await writer.GetAsync($"/api/v1/items/{id}"));
        var placement = item.GetProperty("placements")[0].GetInt32();
        using var page = app.ClientForHost(app.A.Domains[0].Host);
        (await page.GetStringAsync($"/articles/{placement}")).ShouldContain("关于做好冬季安全生产工作的通知");
    }

    [Fact]
    public async Task Rejecting_needs_a_comment_and_returns_the_item_to_draft()
    {
        var column = await NewColumnAsync("一级审核栏目", 1, false);
        using var writer = await app.As("writer");
        using var rev1 = await app.As("rev1");
        var id = await CreateAsync(writer, app.A.Code, column, "关于征集民生实事项目的公告");
        (await StatusAfter(writer, id, "submit")).ShouldBe("submitted");
        (await Step(rev1, id, "reject", new { comment = "" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StatusAfter(rev1, id, "reject", new { comment = "请补充征集时间" })).ShouldBe("draft");
        var history = await OkJson(await writer.GetAsync($"/api/v1/items/{id}/history"));
        var last = history[history.GetArrayLength() - 1];
        last.GetProperty("action").GetString().ShouldBe("reject");
        last.GetProperty("from").GetString().ShouldBe("submitted");
        last.GetProperty("comment").GetString().ShouldBe("请补充征集时间");
        // Back in draft, the contributor may submit again.
        (await StatusAfter(writer, id, "submit")).ShouldBe("submitted");
    }

    [Fact]
    public async Task Nobody_reviews_what_they_wrote_even_with_the_reviewer_role()
    {
        var column = await NewColumnAsync("自审栏目", 1, false);
        using var self = await app.As("self");
        var id = await CreateAsync(self, app.A.Code, column, "本单位工作简报");
        (await StatusAfter(self, id, "submit")).ShouldBe("submitted");
        var refused = await Step(self, id, "approve");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("不能审核自己");
        using var rev1 = await app.As("rev1");
        (await StatusAfter(rev1, id, "approve")).ShouldBe("approved");
    }

    [Fact]
    public async Task A_block_level_finding_stops_the_submit_and_comes_back_with_its_place()
    {
        var column = await NewColumnAsync("质量检查栏目", 1, false);
        using var writer = await app.As("writer");
        var id = await CreateAsync(writer, app.A.Code, column, "学习宣传贯彻会议精神", "<p>坚决维护中华人民共合国宪法权威。</p>");
        var response = await Step(writer, id, "submit");
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("draft");
        var finding = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "serious_error");
        finding.GetProperty("severity").GetString().ShouldBe("block");
        var plain = "坚决维护中华人民共合国宪法权威。";
        plain.Substring(finding.GetProperty("start").GetInt32(), finding.GetProperty("length").GetInt32()).ShouldBe("中华人民共合国");
    }

    [Fact]
    public async Task Every_save_is_a_version_that_can_be_compared_and_restored()
    {
        var column = await NewColumnAsync("版本栏目", 0, false);
        using var editor = await app.As("editor");
        var id = await CreateAsync(editor, app.A.Code, column, "第一稿标题", "<p>今年全市新增就业岗位一万个。</p>");
        foreach (var (title, body) in new[] { ("第二稿标题", "<p>今年全市新增就业岗位一万二千个。</p>"), ("第三稿标题", "<p>今年全市新增就业岗位一万五千个，同比增长。</p>") })
        {
            await OkJson(await editor.PutAsJsonAsync($"/api/v1/items/{id}", new { siteCode = app.A.Code, columnId = column, title, body }));
        }
        var versions = await OkJson(await editor.GetAsync($"/api/v1/items/{id}/versions"));
        versions.EnumerateArray().Select(v => v.GetProperty("title").GetString()).ShouldBe(["第一稿标题", "第二稿标题", "第三稿标题"]);

        var diff = await OkJson(await editor.GetAsync($"/api/v1/items/{id}/diff?from=1&to=3"));
        var pieces = diff.GetProperty("body").EnumerateArray().Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("text").GetString())).ToList();
        pieces.ShouldContain(("added", "五千"));
        pieces.ShouldContain(p => p.Item1 == "added" && p.Item2!.Contains("同比增长"));
        string.Concat(pieces.Where(p => p.Item1 != "added").Select(p => p.Item2)).ShouldBe("今年全市新增就业岗位一万个。");
        string.Concat(pieces.Where(p => p.Item1 != "removed").Select(p => p.Item2)).ShouldBe("今年全市新增就业岗位一万五千个，同比增长。");

        var restored = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/restore", new { version = 1 }));
        restored.GetProperty("title").GetString().ShouldBe("第一稿标题");
        restored.GetProperty("version").GetInt32().ShouldBe(4);
        (await StatusAfter(editor, id, "publish")).ShouldBe("published");
        var placement = restored.GetProperty("id").GetInt32();
        var article = await app.DbAsync(db => db.Articles.FirstAsync(a => a.ItemId == placement));
        article.Title.ShouldBe("第一稿标题");
        article.Body.ShouldContain("一万个");
    }

    [Fact]
    public async Task The_trail_cannot_be_changed_or_deleted_in_the_database()
    {
        var column = await NewColumnAsync("留痕栏目", 0, false);
        using var editor = await app.As("editor");
        var id = await CreateAsync(editor, app.A.Code, column, "留痕测试");
        // Refused by the trigger, not by anything else that could go wrong with the statement.
        (await Should.ThrowAsync<Exception>(() => app.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"ItemTransitions\" SET \"UserName\" = 'someone' WHERE \"ItemId\" = {id}")))).Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => app.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"DELETE FROM \"ItemTransitions\" WHERE \"ItemId\" = {id}")))).Message.ShouldContain("append-only");
        (await app.DbAsync(db => db.ItemTransitions.CountAsync(t => t.ItemId == id && t.UserName == "editor"))).ShouldBe(1);
    }

    [Fact]
    public async Task Another_sites_staff_cannot_see_or_move_a_draft()
    {
        var column = await NewColumnAsync("隔离栏目", 1, false);
        using var writer = await app.As("writer");
        using var outsider = await app.As("outsider");
        var id = await CreateAsync(writer, app.A.Code, column, "内部草稿");
        (await outsider.GetAsync($"/api/v1/items/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/items/{id}/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Step(outsider, id, "submit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsJsonAsync("/api/v1/items", new { siteCode = app.A.Code, columnId = column, title = "越权", body = "<p>越权</p>" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync($"/api/v1/items/{id}/submit", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_correction_shows_on_every_site_the_item_is_placed_with_attribution_on_reprints()
    {
        var column = await NewColumnAsync("转载源栏目", 0, false);
        var target = await app.ColumnIdAsync(app.B.Id, "工作动态");
        using var editor = await app.As("editor");
        using var editorB = await app.As("editorB");
        var id = await CreateAsync(editor, app.A.Code, column, "市政府召开常务会议");
        (await StatusAfter(editor, id, "publish")).ShouldBe("published");

        // Not an editor of B: the placement is a request B's editors decide on.
        var request = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/placements", new { siteCode = app.B.Code, columnId = target }));
        request.GetProperty("status").GetString().ShouldBe("pending");
        var waiting = await OkJson(await editorB.GetAsync($"/api/v1/sites/{app.B.Code}/placement-requests"));
        var requestId = waiting.EnumerateArray().Single(r => r.GetProperty("itemId").GetInt32() == id).GetProperty("id").GetInt32();
        (await editor.PostAsJsonAsync($"/api/v1/placement-requests/{requestId}/accept", new { columnId = target })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var accepted = await OkJson(await editorB.PostAsJsonAsync($"/api/v1/placement-requests/{requestId}/accept", new { columnId = target }));
        var reprintId = accepted.GetProperty("articleId").GetInt32();

        using var pageB = app.ClientForHost(app.B.Domains[0].Host);
        var reprintPage = await pageB.GetStringAsync($"/articles/{reprintId}");
        reprintPage.ShouldContain("市政府召开常务会议");
        reprintPage.ShouldContain("来源：市政府门户");
        reprintPage.ShouldContain("查看原文");
        var reprint = await app.DbAsync(db => db.Articles.FirstAsync(a => a.Id == reprintId));
        reprint.Source.ShouldBe("市政府门户");
        reprint.OriginalUrl.ShouldNotBeNull().ShouldEndWith("/articles/" + (await app.DbAsync(db => db.Articles.FirstAsync(a => a.ItemId == id && a.SiteId == app.A.Id))).Id);

        await OkJson(await editor.PutAsJsonAsync($"/api/v1/items/{id}", new { siteCode = app.A.Code, columnId = column, title = "市政府召开第十次常务会议", body = "<p>会议研究了冬季供暖工作。</p>" }));
        (await pageB.GetStringAsync($"/articles/{reprintId}")).ShouldContain("市政府召开第十次常务会议");
        (await app.DbAsync(db => db.Articles.Where(a => a.ItemId == id).Select(a => a.Title).ToListAsync())).ShouldAllBe(t => t == "市政府召开第十次常务会议");
    }

    [Fact]
    public async Task A_subscribed_column_receives_new_items_of_the_higher_sites_column_for_review()
    {
        var source = await NewColumnAsync("订阅源栏目", 0, false);
        var target = await app.ColumnIdAsync(app.B.Id, "通知公告");
        using var editor = await app.As("editor");
        using var editorB = await app.As("editorB");
        using var outsider = await app.As("outsider");
        await OkJson(await editorB.PostAsJsonAsync($"/api/v1/columns/{target}/subscriptions", new { sourceColumnId = source }));
        var cTarget = await app.ColumnIdAsync(app.C.Id, "通知公告");
        (await outsider.PostAsJsonAsync($"/api/v1/columns/{cTarget}/subscriptions", new { sourceColumnId = source }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest, "C is not below A");

        var id = await CreateAsync(editor, app.A.Code, source, "关于调整最低工资标准的通知");
        (await StatusAfter(editor, id, "publish")).ShouldBe("published");
        var waiting = await OkJson(await editorB.GetAsync($"/api/v1/sites/{app.B.Code}/placement-requests"));
        var offered = waiting.EnumerateArray().Single(r => r.GetProperty("itemId").GetInt32() == id);
        offered.GetProperty("kind").GetString().ShouldBe("subscription");
        offered.GetProperty("columnId").GetInt32().ShouldBe(target);
        var declined = await OkJson(await editorB.PostAsJsonAsync($"/api/v1/placement-requests/{offered.GetProperty("id").GetInt32()}/decline", new { comment = "本站已发布" }));
        declined.GetProperty("status").GetString().ShouldBe("declined");
        (await app.DbAsync(db => db.Articles.CountAsync(a => a.ItemId == id && a.SiteId == app.B.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_reprint_order_shows_who_reprinted_when_and_who_is_overdue()
    {
        var column = await NewColumnAsync("转载要求栏目", 0, false);
        using var editor = await app.As("editor");
        using var editorB = await app.As("editorB");
        var id = await CreateAsync(editor, app.A.Code, column, "关于转载全市防汛工作通知的要求");
        (await StatusAfter(editor, id, "publish")).ShouldBe("published");
        (await editor.PostAsJsonAsync($"/api/v1/items/{id}/reprint-orders", new { siteCodes = new[] { app.C.Code }, deadline = DateTimeOffset.UtcNow.AddDays(2) }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest, "C is not a lower-level site of A");
        var order = await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{id}/reprint-orders",
            new { siteCodes = new[] { app.B.Code }, deadline = DateTimeOffset.UtcNow.AddDays(2), note = "请于两日内转载" }));
        var orderId = order.GetProperty("id").GetInt32();
        var site = order.GetProperty("sites")[0];
        site.GetProperty("status").GetString().ShouldBe("pending");
        site.GetProperty("overdue").GetBoolean().ShouldBeFalse();

        // The deadline passes with nothing done.
        await app.DbAsync(async db =>
        {
            var o = await db.ReprintOrders.FirstAsync(x => x.Id == orderId);
            o.DeadlineUtc = DateTime.UtcNow.AddHours(-1);
            return await db.SaveChangesAsync();
        });
        var late = await OkJson(await editor.GetAsync($"/api/v1/reprint-orders/{orderId}"));
        late.GetProperty("sites")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        var todo = await OkJson(await editorB.GetAsync($"/api/v1/sites/{app.B.Code}/todo"));
        todo.EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "reprint_order" && e.GetProperty("overdue").GetBoolean());

        var requestId = (await OkJson(await editorB.GetAsync($"/api/v1/sites/{app.B.Code}/placement-requests")))
            .EnumerateArray().Single(r => r.GetProperty("itemId").GetInt32() == id).GetProperty("id").GetInt32();
        await OkJson(await editorB.PostAsJsonAsync($"/api/v1/placement-requests/{requestId}/accept", new { columnId = await app.ColumnIdAsync(app.B.Id, "工作动态") }));
        var done = (await OkJson(await editor.GetAsync($"/api/v1/reprint-orders/{orderId}"))).GetProperty("sites")[0];
        done.GetProperty("status").GetString().ShouldBe("accepted");
        done.GetProperty("decidedBy").GetString().ShouldBe("editorB");
        done.GetProperty("decidedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Published_policies_get_a_unique_index_number_from_the_sites_pattern()
    {
        var column = await NewColumnAsync("规范性文件", 0, false);
        await app.DbAsync(async db =>
        {
            db.PublishingSettings.Add(new PublishingSettings { SiteId = app.A.Id, IndexNumberPattern = "{code}-{year}-ZC{seq:4}" });
            return await db.SaveChangesAsync();
        });
        using var editor = await app.As("editor");
        var numbers = new List<string?>();
        for (var i = 1; i <= 2; i++)
        {
            var id = await CreateAsync(editor, app.A.Code, column, $"关于印发第{i}号办法的通知", extra: new { docNumber = $"厦府规〔2026〕{i}号", issuer = "市人民政府" });
            (await StatusAfter(editor, id, "publish")).ShouldBe("published");
            numbers.Add(await app.DbAsync(db => db.Articles.Where(a => a.ItemId == id).Select(a => a.IndexNumber).FirstAsync()));
        }
        // Other tests of this class publish policies on A too: the numbers run on, one apart.
        var year = ChinaTime.ToLocal(DateTime.UtcNow).Year;
        var prefix = $"{app.A.Code}-{year}-ZC";
        numbers.ShouldAllBe(n => n != null && n.StartsWith(prefix) && n.Length == prefix.Length + 4);
        (int.Parse(numbers[1]![prefix.Length..]) - int.Parse(numbers[0]![prefix.Length..])).ShouldBe(1);
        IndexNumbers.Problem("{code}/{year}").ShouldNotBeNull();
        IndexNumbers.Problem("{code}/{year}-{seq:5}").ShouldBeNull();
    }

    [Fact]
    public async Task A_policy_without_an_interpretation_after_three_working_days_is_on_the_to_do_list_until_one_is_linked()
    {
        var column = await NewColumnAsync("政策待解读", 0, false);
        using var editor = await app.As("editor");
        var policy = await CreateAsync(editor, app.A.Code, column, "关于促进民营经济发展的若干措施", extra: new { docNumber = "厦府〔2026〕9号", issuer = "市人民政府" });
        (await StatusAfter(editor, policy, "publish")).ShouldBe("published");
        var todo = await OkJson(await editor.GetAsync($"/api/v1/sites/{app.A.Code}/todo"));
        todo.EnumerateArray().ShouldNotContain(e => e.GetProperty("itemId").GetInt32() == policy, "published today: still within the allowance");

        await app.DbAsync(async db =>
        {
            var long_ago = DateTime.UtcNow.AddDays(-12);
            await db.Articles.Where(a => a.ItemId == policy).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, long_ago));
            return 0;
        });
        todo = await OkJson(await editor.GetAsync($"/api/v1/sites/{app.A.Code}/todo"));
        todo.EnumerateArray().ShouldContain(e => e.GetProperty("itemId").GetInt32() == policy && e.GetProperty("kind").GetString() == "policy_without_interpretation");

        var reading = await CreateAsync(editor, app.A.Code, column, "《关于促进民营经济发展的若干措施》图解",
            extra: new { interpretsItemId = policy, interpretationKind = "Graphic" });
        (await StatusAfter(editor, reading, "publish")).ShouldBe("published");
        todo = await OkJson(await editor.GetAsync($"/api/v1/sites/{app.A.Code}/todo"));
        todo.EnumerateArray().ShouldNotContain(e => e.GetProperty("itemId").GetInt32() == policy);

        // Both ways: the policy lists its interpretation, and the public pages link them.
        var item = await OkJson(await editor.GetAsync($"/api/v1/items/{policy}"));
        item.GetProperty("interpretations").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([reading]);
        var policyPage = await app.DbAsync(db => db.Articles.FirstAsync(a => a.ItemId == policy));
        var readingPage = await app.DbAsync(db => db.Articles.FirstAsync(a => a.ItemId == reading));
        readingPage.InterpretsId.ShouldBe(policyPage.Id);
        using var page = app.ClientForHost(app.A.Domains[0].Host);
        (await page.GetStringAsync($"/articles/{policyPage.Id}")).ShouldContain($"/articles/{readingPage.Id}");
    }

    [Fact]
    public async Task The_quick_article_path_refuses_direct_publishing_where_the_column_needs_review()
    {
        var column = await NewColumnAsync("须审核栏目", 1, false);
        using var editor = await app.As("editor");
        var refused = await editor.PostAsJsonAsync($"/api/v1/sites/{app.A.Code}/articles", new { columnId = column, title = "直接发布", body = "<p>正文</p>", publish = true });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("须经审核");
        var open = await NewColumnAsync("免审栏目", 0, false);
        var saved = await OkJson(await editor.PostAsJsonAsync($"/api/v1/sites/{app.A.Code}/articles", new { columnId = open, title = "直接发布", body = "<p>正文</p>", publish = true }));
        var articleId = saved.GetProperty("id").GetInt32();
        var article = await app.DbAsync(db => db.Articles.Include(a => a.Item).FirstAsync(a => a.Id == articleId));
        article.Item.ShouldNotBeNull().Status.ShouldBe(ItemStatus.Published);
        (await app.DbAsync(db => db.ItemVersions.CountAsync(v => v.ItemId == article.ItemId))).ShouldBe(1);
    }
}

public class TaxonomyTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task Items_are_classified_from_the_platform_taxonomy_only()
    {
        using var editor = await app.As("editor");
        var column = await app.DbAsync(db => db.Columns.Where(c => c.SiteId == app.A.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var wrong = await editor.PostAsJsonAsync("/api/v1/items", new
        {
            siteCode = app.A.Code, columnId = column, title = "分类测试", body = "<p>正文</p>", subjectClass = "随便写的分类", genreClass = "通知",
        });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("请从平台主题分类中选择");
        var right = await editor.PostAsJsonAsync("/api/v1/items", new
        {
            siteCode = app.A.Code, columnId = column, title = "分类测试", body = "<p>正文</p>", subjectClass = "综合政务", genreClass = "通知",
            subtitle = "副标题", language = "zh-CN", keywords = "分类", author = "张三", summary = "摘要",
        });
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = JsonDocument.Parse(await right.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var item = JsonDocument.Parse(await editor.GetStringAsync($"/api/v1/items/{id}")).RootElement;
        item.GetProperty("subjectClass").GetString().ShouldBe("综合政务");
        item.GetProperty("genreClass").GetString().ShouldBe("通知");
        item.GetProperty("subtitle").GetString().ShouldBe("副标题");
        // The platform taxonomy: the subjects, the genres, and the disclosure catalogue's genres (体裁) not among them.
        (await app.DbAsync(db => db.Classifications.CountAsync())).ShouldBe(Taxonomy.Subjects.Length + Taxonomy.Genres.Union(Taxonomy.DisclosureGenres).Count());
    }
}

public class TextDiffTests
{
    [Fact]
    public void A_changed_name_and_date_show_as_removed_and_added_characters()
    {
        var pieces = TextDiff.Compare("张三同志于2023年3月出席会议。", "李四同志于2024年3月出席会议。");
        pieces.Where(p => p.Kind == TextDiff.Kind.Removed).Select(p => p.Text).ShouldBe(["张三", "3"]);
        pieces.Where(p => p.Kind == TextDiff.Kind.Added).Select(p => p.Text).ShouldBe(["李四", "4"]);
    }

    [Fact]
    public void Very_different_long_texts_fall_back_to_lines_and_still_rebuild_both_sides()
    {
        var a = string.Join("\n", Enumerable.Range(0, 3000).Select(i => $"第{i}行：甲乙丙丁"));
        var b = string.Join("\n", Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? $"第{i}行：戊己庚辛" : $"第{i}行：甲乙丙丁"));
        var pieces = TextDiff.Compare(a, b);
        string.Concat(pieces.Where(p => p.Kind != TextDiff.Kind.Added).Select(p => p.Text)).ShouldBe(a);
        string.Concat(pieces.Where(p => p.Kind != TextDiff.Kind.Removed).Select(p => p.Text)).ShouldBe(b);
    }
}
