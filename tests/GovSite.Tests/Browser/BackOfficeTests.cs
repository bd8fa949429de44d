using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

[Trait("Category", "Browser")]
public class BackOfficeTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_editor_signs_in_writes_an_article_publishes_it_and_finds_it_on_the_public_site()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/admin/sites/{app.Site.Id}/articles/new");
        var title = "市政府召开常务会议研究部署冬季安全生产工作";
        await page.FillAsync("[name='Input.Title']", title);
        await page.SelectOptionAsync("[name='Input.ColumnId']", app.NewsColumnId.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("button:has-text('HTML 源代码')");
        await page.FillAsync("[name='Input.Body']", "<p>会议强调，要压实安全生产责任。</p><script>alert('x')</script>");
        await page.FillAsync("[name='Input.Source']", "市政府办公室");
        // 写文章 is the library's form: saving makes a draft, and publishing is a separate, deliberate step.
        (await page.Locator("[name='Input.Publish']").CountAsync()).ShouldBe(0);
        await page.ClickAsync("button:has-text('保存')");
        await page.WaitForURLAsync(url => url.Contains("/admin/library/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        (await page.Locator("strong.status").InnerTextAsync()).ShouldBe("草稿");
        await page.ClickAsync("form[aria-label='发布'] button[type='submit']");
        await page.Locator(".notice-ok", new() { HasText = "已发布" }).WaitForAsync();

        await page.GotoAsync($"/sites/{BrowserFixture.Code}/");
        var link = page.GetByRole(AriaRole.Link, new() { Name = title });
        (await link.CountAsync()).ShouldBe(1);
        await link.ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(title);
        (await page.Locator(".article-body").InnerTextAsync()).ShouldContain("会议强调，要压实安全生产责任。");
        (await page.Locator(".article-body script").CountAsync()).ShouldBe(0);
        (await page.Locator("meta[name='ContentSource']").GetAttributeAsync("content")).ShouldBe("市政府办公室");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_form_with_mistakes_comes_back_with_chinese_messages_beside_the_fields()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/admin/sites/{app.Site.Id}/articles/new");
        await page.FillAsync("[name='Input.Title']", "");
        await page.ClickAsync("button:has-text('HTML 源代码')");
        await page.FillAsync("[name='Input.Body']", "<script>only script</script>");
        await page.ClickAsync("button:has-text('保存')");
        (await page.Locator("[data-valmsg-for='Input.Title']").InnerTextAsync()).ShouldContain("请填写标题");
        (await page.Locator("[data-valmsg-for='Input.Body']").InnerTextAsync()).ShouldContain("请填写正文");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Back_office_pages_have_no_serious_or_critical_wcag_violations()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await AssertAccessibleAsync(page);
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", GovSiteFactory.AdminPassword);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        foreach (var path in new[] { "/admin", $"/admin/sites/{app.Site.Id}/articles", $"/admin/sites/{app.Site.Id}/articles/new", "/admin/sites", $"/admin/sites/{app.Site.Id}/columns" })
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        }
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
    }
}
