using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Library;
using GovSite.Tests.Publishing.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Admin;

/// <summary>Editors find their work, act on many items at once, read and export the trail; the platform keeps an audit log.</summary>
public class FindWorkTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<int> ColumnAsync(string name, int levels)
    {
        using var admin = await app.AdminClientAsync();
        var column = await OkJson(await admin.PostAsJsonAsync($"/api/v1/sites/{app.A.Code}/columns", new { name, type = "Policy" }));
        var id = column.GetProperty("id").GetInt32();
        await app.ConfigureColumnAsync(id, levels, false);
        return id;
    }

    private static async Task<int> CreateAsync(HttpClient client, string site, int column, string title, object? extra = null)
    {
        var payload = new Dictionary<string, object?> { ["siteCode"] = site, ["columnId"] = column, ["title"] = title, ["body"] = "<p>正文内容。</p>" };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            payload[p.Name] = p.GetValue(extra);
        }
        return (await OkJson(await client.PostAsJsonAsync("/api/v1/items", payload))).GetProperty("id").GetInt32();
    }

    private static List<string> Titles(BackOfficeSession.Page page) =>
        [.. page.Document.QuerySelectorAll("table.list tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task The_item_and_article_lists_search_by_keyword_doc_number_index_number_status_column_author_and_date()
    {
        var policies = await ColumnAsync("查找政策栏目", 0);
        var news = await ColumnAsync("查找动态栏目", 0);
        using var writer = await app.As("writer");
        using var editor = await app.As("editor");
        var flood = await CreateAsync(editor, app.A.Code, policies, "关于加强汛期安全管理的通知", new { docNumber = "查政发〔2026〕31号", author = "应急管理局" });
        await CreateAsync(editor, app.A.Code, policies, "关于开展春季植树活动的通知", new { docNumber = "查政办〔2026〕5号" });
        await CreateAsync(writer, app.A.Code, news, "汛期值班安排（草稿）");
        (await OkJson(await editor.PostAsJsonAsync($"/api/v1/items/{flood}/publish", new { }))).GetProperty("status").GetString().ShouldBe("published");
        var index = await app.DbAsync(db => db.Articles.Where(a => a.ItemId == flood).Select(a => a.IndexNumber).FirstAsync());
        index.ShouldNotBeNull();

        using var session = await BackOfficeSession.SignInAsync(app, "editor", WorkflowFixture.Password);
        var library = $"/admin/sites/{app.A.Id}/library";
        Titles(await session.OpenAsync($"{library}?q=汛期")).Order().ShouldBe(["关于加强汛期安全管理的通知", "汛期值班安排（草稿）"]);
        Titles(await session.OpenAsync($"{library}?doc=〔2026〕31号")).ShouldBe(["关于加强汛期安全管理的通知"]);
        Titles(await session.OpenAsync($"{library}?index={Uri.EscapeDataString(index!)}")).ShouldBe(["关于加强汛期安全管理的通知"]);
        Titles(await session.OpenAsync($"{library}?q=汛期&status=Draft")).ShouldBe(["汛期值班安排（草稿）"]);
        Titles(await session.OpenAsync($"{library}?column={news}")).ShouldBe(["汛期值班安排（草稿）"]);
        Titles(await session.OpenAsync($"{library}?author=writer&column={news}")).ShouldBe(["汛期值班安排（草稿）"]);
        Titles(await session.OpenAsync($"{library}?author=应急管理")).ShouldBe(["关于加强汛期安全管理的通知"]);
        Titles(await session.OpenAsync($"{library}?q=汛期&from=2000-01-01&to=2000-12-31")).ShouldBeEmpty();

        var articles = $"/admin/sites/{app.A.Id}/articles";
        Titles(await session.OpenAsync($"{articles}?doc=31号")).ShouldBe(["关于加强汛期安全管理的通知"]);
        Titles(await session.OpenAsync($"{articles}?index={Uri.EscapeDataString(index!)}&status=Published")).ShouldBe(["关于加强汛期安全管理的通知"]);
        Titles(await session.OpenAsync($"{articles}?q=植树&status=Published")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Bulk_actions_go_item_by_item_with_each_persons_rights()
    {
        var open = await ColumnAsync("批量免审栏目", 0);
        var reviewed = await ColumnAsync("批量审核栏目", 1);
        using var editor = await app.As("editor");
        var a = await CreateAsync(editor, app.A.Code, open, "批量发布甲");
        var b = await CreateAsync(editor, app.A.Code, open, "批量发布乙");
        var c = await CreateAsync(editor, app.A.Code, reviewed, "须审核的丙");

        // A contributor may not publish: every item is refused and stays a draft.
        using (var writer = await BackOfficeSession.SignInAsync(app, "writer", WorkflowFixture.Password))
        {
            var page = await writer.OpenAsync($"/admin/sites/{app.A.Id}/library");
            var response = await writer.SubmitAsync(page.Handler("Bulk"), new() { ["selected"] = null, ["action"] = "Publish" });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "nothing ticked: back to the list");
            var content = new FormUrlEncodedContent([
                new("selected", a.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("action", "Publish"),
                new("__RequestVerificationToken", page.Handler("Bulk")["__RequestVerificationToken"]!),
            ]);
            var refused = await writer.Client.PostAsync(page.Handler("Bulk").Action, content);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("无权操作");
        }
        (await app.DbAsync(db => db.LibraryItems.FirstAsync(i => i.Id == a))).Status.ShouldBe(ItemStatus.Draft);

        using var session = await BackOfficeSession.SignInAsync(app, "editor", WorkflowFixture.Password);
        var list = await session.OpenAsync($"/admin/sites/{app.A.Id}/library");
        var form = list.Handler("Bulk");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form["__RequestVerificationToken"]!), new("action", "Publish"),
        };
        fields.AddRange(new[] { a, b, c }.Select(id => new KeyValuePair<string, string>("selected", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var result = await (await session.Client.PostAsync(form.Action, new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        result.ShouldContain("成功 2 篇，未处理 1 篇");
        result.ShouldContain("须审核通过后才能发布");
        var statuses = await app.DbAsync(db => db.LibraryItems.Where(i => i.Id == a || i.Id == b || i.Id == c).ToDictionaryAsync(i => i.Id, i => i.Status));
        statuses[a].ShouldBe(ItemStatus.Published);
        statuses[b].ShouldBe(ItemStatus.Published);
        statuses[c].ShouldBe(ItemStatus.Draft);

        // Moving between columns without review is published on save; into a column with review it waits as a revision.
        var other = await ColumnAsync("批量免审栏目二", 0);
        fields[1] = new("action", "Move");
        fields.Add(new("moveTo", other.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        fields.RemoveAll(f => f.Key == "selected" && f.Value != a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var moved = await (await session.Client.PostAsync(form.Action, new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        moved.ShouldContain("成功 1 篇");
        (await app.DbAsync(db => db.Articles.FirstAsync(x => x.ItemId == a))).ColumnId.ShouldBe(other);
        fields[^1] = new("moveTo", reviewed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var waiting = await (await session.Client.PostAsync(form.Action, new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        waiting.ShouldContain("待审修订");
        (await app.DbAsync(db => db.Articles.FirstAsync(x => x.ItemId == a))).ColumnId.ShouldBe(other, "not before review");
    }

    [Fact]
    public async Task An_items_trail_is_read_in_the_back_office_and_exported_as_csv()
    {
        var column = await ColumnAsync("流程导出栏目", 1);
        using var writer = await app.As("writer");
        using var rev1 = await app.As("rev1");
        var id = await CreateAsync(writer, app.A.Code, column, "流程导出测试");
        await OkJson(await writer.PostAsJsonAsync($"/api/v1/items/{id}/submit", new { }));
        await OkJson(await rev1.PostAsJsonAsync($"/api/v1/items/{id}/reject", new { comment = "=HYPERLINK(\"x\") 请补充 <附件>" }));

        using var session = await BackOfficeSession.SignInAsync(app, "editor", WorkflowFixture.Password);
        var page = await session.OpenAsync($"/admin/library/{id}");
        page.Html.ShouldContain("退回修改");
        page.Document.QuerySelectorAll("table.list td").Select(td => td.TextContent).ShouldContain("=HYPERLINK(\"x\") 请补充 <附件>");
        var csv = await session.Client.GetAsync($"/admin/library/{id}/trail.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel needs the BOM to read Chinese");
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldContain("时间,操作人,操作");
        text.ShouldContain("writer,提交审核");
        text.ShouldContain("rev1,退回修改");
        text.ShouldContain("'=HYPERLINK", Case.Sensitive, "a typed formula is not run by a spreadsheet");
        using var outsider = await BackOfficeSession.SignInAsync(app, "outsider", WorkflowFixture.Password);
        (await outsider.Client.GetAsync($"/admin/library/{id}/trail.csv")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Logins_grants_and_settings_are_in_the_audit_log_which_only_grows()
    {
        using (var wrong = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true }))
        {
            var login = new BackOfficeSession.Page("/admin/login", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await wrong.GetStringAsync("/admin/login")), "");
            var form = login.Form("form[method=post]:not([action='/admin/logout'])");
            var fields = form.Values();
            fields.RemoveAll(f => f.Key is "UserName" or "Password");
            fields.Add(new("UserName", "rev2"));
            fields.Add(new("Password", "not-the-password1"));
            (await (await wrong.PostAsync("/admin/login", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync()).ShouldContain("用户名或密码错误");
        }
        using var admin = await BackOfficeSession.SignInAsync(app, "admin", GovSiteFactory.AdminPassword);
        var user = await app.DbAsync(db => db.Users.FirstAsync(u => u.UserName == "rev2"));
        var grantPage = await admin.OpenAsync($"/admin/users/{user.Id}");
        (await admin.SubmitAsync(grantPage.Handler("Grant"), new() { ["Grant.Role"] = "Editor", ["Grant.SiteId"] = app.B.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var log = await admin.OpenAsync("/admin/audit");
        var rows = log.Document.QuerySelectorAll("table.list tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("登录失败") && r.Contains("rev2") && r.Contains("密码错误"));
        rows.ShouldContain(r => r.Contains("登录") && r.Contains("admin"));
        rows.ShouldContain(r => r.Contains("授予角色") && r.Contains("编辑") && r.Contains(app.B.Code));
        var failedOnly = await admin.OpenAsync("/admin/audit?action=login_failed");
        failedOnly.Document.QuerySelectorAll("table.list tbody tr").Select(r => r.TextContent).ShouldAllBe(r => r.Contains("登录失败"));
        var csv = Encoding.UTF8.GetString(await (await admin.Client.GetAsync("/admin/audit?format=csv")).Content.ReadAsByteArrayAsync());
        csv.ShouldContain("授予角色");

        using var editor = await BackOfficeSession.SignInAsync(app, "editor", WorkflowFixture.Password);
        (await editor.Client.GetAsync("/admin/audit")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await Should.ThrowAsync<Exception>(() => app.DbAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """))))
            .Message.ShouldContain("append-only");
    }
}
