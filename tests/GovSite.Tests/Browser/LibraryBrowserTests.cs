using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>The library's back-office pages, driven in Chromium and checked with axe-core.</summary>
[Trait("Category", "Browser")]
public class LibraryBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    /// <summary>The body is a rich-text editor; its "HTML 源代码" switch shows the textarea behind it.</summary>
    private static async Task FillBodyAsync(IPage page, string html)
    {
        if (!await page.Locator("[name='Input.Body']").IsVisibleAsync())
        {
            await page.ClickAsync("button:has-text('HTML 源代码')");
        }
        await page.FillAsync("[name='Input.Body']", html);
    }

    private async Task<string> NewItemAsync(IPage page, string title, string body)
    {
        await page.GotoAsync($"/admin/sites/{app.Site.Id}/library/new");
        await page.FillAsync("[name='Input.Title']", title);
        await page.SelectOptionAsync("[name='Input.ColumnId']", app.NewsColumnId.ToString(CultureInfo.InvariantCulture));
        await FillBodyAsync(page, body);
        await page.ClickAsync("button:has-text('保存')");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/admin/library/\\d+$"));
        return page.Url;
    }

    [Fact]
    public async Task An_item_is_written_corrected_compared_and_published_from_the_library()
    {
        var page = await app.SignedInPageAsync();
        var title = "全市冬春季森林防火工作会议召开";
        var itemUrl = await NewItemAsync(page, title, "<p>会议要求各地落实森林防火责任。</p>");
        (await page.Locator(".notice[role='status']").InnerTextAsync()).ShouldContain("存入资源库");

        await FillBodyAsync(page, "<p>会议要求各地层层落实森林防火责任。</p>");
        await page.ClickAsync("form[aria-labelledby='content-title'] button:has-text('保存')");
        (await page.Locator(".notice[role='status']").InnerTextAsync()).ShouldContain("第 2 版");

        await page.SelectOptionAsync("#diff-from", "1");
        await page.SelectOptionAsync("#diff-to", "2");
        await page.ClickAsync("button:has-text('比较')");
        (await page.Locator(".diff ins").First.InnerTextAsync()).ShouldContain("层层");

        await page.GotoAsync(itemUrl);
        await page.ClickAsync("button:has-text('提交审核')");
        (await page.Locator(".status").First.InnerTextAsync()).ShouldContain("审核通过");
        await page.ClickAsync("form[aria-label='发布'] button:has-text('发布')");
        (await page.Locator(".status").First.InnerTextAsync()).ShouldContain("已发布");
        var trail = await page.Locator("section[aria-labelledby='trail-title'] tbody").InnerTextAsync();
        trail.ShouldContain("创建");
        trail.ShouldContain("提交审核");
        trail.ShouldContain("发布");

        await page.GotoAsync($"/sites/{BrowserFixture.Code}/columns/{app.NewsColumnId}");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        (await page.Locator(".article-body").InnerTextAsync()).ShouldContain("层层落实");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_blocked_submit_shows_each_finding_marked_in_the_text()
    {
        var page = await app.SignedInPageAsync();
        await NewItemAsync(page, "学习贯彻宪法精神", "<p>坚决维护中华人民共合国宪法的权威。</p>");
        await page.ClickAsync("button:has-text('提交审核')");
        (await page.Locator(".error-summary").InnerTextAsync()).ShouldContain("质量检查");
        (await page.Locator(".marked-text mark").InnerTextAsync()).ShouldStartWith("中华人民共合国");
        (await page.Locator(".status").First.InnerTextAsync()).ShouldContain("草稿");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Library_pages_have_no_serious_or_critical_wcag_violations()
    {
        var page = await app.SignedInPageAsync();
        var itemUrl = await NewItemAsync(page, "无障碍检查用稿件", "<p>正文内容。</p>");
        await page.FillAsync("[name='Input.Title']", "无障碍检查用稿件（修改）");
        await page.ClickAsync("form[aria-labelledby='content-title'] button:has-text('保存')");
        var id = itemUrl[(itemUrl.LastIndexOf('/') + 1)..];
        // The external-link results page with rows in it, a broken and a working link.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSite.Data.GovSiteDb>();
            foreach (var (url, broken) in new[] { ($"https://gone-{id}.example.com/page?a=1", true), ($"https://fine-{id}.example.com/", false) })
            {
                db.ExternalLinkStatuses.Add(new GovSite.Publishing.Quality.ExternalLinkStatus
                {
                    UrlHash = GovSite.Publishing.Quality.QualityLinks.Hash(url), Url = url, Broken = broken, StatusCode = broken ? 404 : 200, CheckedAt = DateTime.UtcNow,
                });
            }
            return await db.SaveChangesAsync();
        });
        foreach (var path in new[]
                 {
                     $"/admin/sites/{app.Site.Id}/library", $"/admin/sites/{app.Site.Id}/library?queue=true", $"/admin/sites/{app.Site.Id}/library/new",
                     $"/admin/library/{id}", $"/admin/library/{id}/diff?from=1&to=2", $"/admin/sites/{app.Site.Id}/library/requests",
                     $"/admin/sites/{app.Site.Id}/todo", $"/admin/sites/{app.Site.Id}/library/settings", "/admin/taxonomy",
                     "/admin/quality", $"/admin/sites/{app.Site.Id}/quality", "/admin/quality/check", "/admin/quality/links", "/admin/quality/links?all=true",
                 })
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
                .ShouldBeEmpty();
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_text_check_page_marks_an_inappropriate_phrase_where_it_stands()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/admin/quality/check");
        await page.SelectOptionAsync("[name='Input.SiteId']", app.Site.Id.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("[name='Input.Title']", "工作日志");
        await page.FillAsync("[name='Input.Body']", "<p>今天心情非常的不好，测试测试。</p>");
        await page.ClickAsync("button:has-text('检查')");
        var marked = await page.Locator("mark").AllInnerTextsAsync();
        marked.ShouldContain(m => m.Contains("今天心情"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_attachment_is_added_and_removed_and_stays_in_the_old_version()
    {
        var page = await app.SignedInPageAsync();
        var itemUrl = await NewItemAsync(page, "关于公布年度预算的通知", "<p>详见附件。</p>");
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await page.SetInputFilesAsync("#attachment-file", new FilePayload { Name = "2026年预算表.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.ClickAsync("form[aria-label='上传附件'] button");
        (await page.Locator(".notice[role='status']").InnerTextAsync()).ShouldContain("第 2 版");
        (await page.Locator("ul.attachments").InnerTextAsync()).ShouldContain("2026年预算表.pdf");

        // An executable dressed as a PDF is refused with a Chinese message and nothing is attached.
        await page.SetInputFilesAsync("#attachment-file", new FilePayload { Name = "通知.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03] });
        await page.ClickAsync("form[aria-label='上传附件'] button");
        (await page.Locator(".notice[role='status']").InnerTextAsync()).ShouldNotContain("版");
        (await page.Locator("ul.attachments li").CountAsync()).ShouldBe(1);

        await page.ClickAsync("ul.attachments button:has-text('移除')");
        (await page.Locator(".notice[role='status']").InnerTextAsync()).ShouldContain("第 3 版");
        (await page.Locator("#attachments").InnerTextAsync()).ShouldContain("暂无附件");
        var id = itemUrl[(itemUrl.LastIndexOf('/') + 1)..];
        var version2 = await page.APIRequest.GetAsync($"/api/v1/items/{id}/versions/2");
        (await version2.TextAsync()).ShouldContain("\"attachments\":[");
        (await version2.TextAsync()).ShouldNotContain("\"attachments\":[]");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_site_admin_sets_review_levels_and_the_index_number_rule()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/admin/sites/{app.Site.Id}/library/settings");
        await page.FillAsync("[name='IndexNumberPattern']", "{code}/{year}");
        await page.ClickAsync("button:has-text('保存')");
        (await page.Locator(".error-summary").InnerTextAsync()).ShouldContain("流水号");
        await page.FillAsync("[name='IndexNumberPattern']", "{code}-ZC-{year}-{seq:4}");
        await page.FillAsync("#levels-0", "2");
        await page.ClickAsync("button:has-text('保存')");
        (await page.Locator(".notice[role='status']").InnerTextAsync()).ShouldContain("已保存");
        (await page.InputValueAsync("[name='IndexNumberPattern']")).ShouldBe("{code}-ZC-{year}-{seq:4}");
        (await page.InputValueAsync("#levels-0")).ShouldBe("2");
        await page.FillAsync("#levels-0", "0");
        await page.ClickAsync("button:has-text('保存')");
        await page.Context.CloseAsync();
    }
}
