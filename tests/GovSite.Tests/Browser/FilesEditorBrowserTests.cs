using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GovSite.Data;
using GovSite.Tests.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>The rich-text editor on the item form (写文章 opens it), as a person uses it.</summary>
[Trait("Category", "Browser")]
public class FilesEditorBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_editor_types_formats_pastes_and_inserts_an_image_and_the_saved_body_is_clean()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/admin/sites/{app.Site.Id}/articles/new");
        var editor = page.Locator(".rte .ql-editor");
        await editor.WaitForAsync();
        (await page.Locator("textarea[name='Input.Body']").IsHiddenAsync()).ShouldBeTrue("the editor stands in for the textarea");
        (await editor.GetAttributeAsync("aria-labelledby")).ShouldBe("Input_Body-label");

        var title = "全市冬季供暖工作会议召开";
        await page.FillAsync("[name='Input.Title']", title);
        await page.SelectOptionAsync("[name='Input.ColumnId']", app.NewsColumnId.ToString(CultureInfo.InvariantCulture));
        // Clicking the label puts the caret in the editor, as it would in the textarea.
        await page.ClickAsync("label[for='Input_Body']");
        await page.Keyboard.InsertTextAsync("会议要求确保群众温暖过冬。");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.InsertTextAsync("重点任务");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.PressAsync("Enter");
        await editor.EvaluateAsync("""
            el => {
              const data = new DataTransfer();
              data.setData('text/html', '<p>粘贴的通报内容</p><script>window.pwned = 1</script><img src="x" alt="示意" onerror="window.pwned = 2">');
              data.setData('text/plain', '粘贴的通报内容');
              el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """);
        await page.Keyboard.PressAsync("Enter");

        page.Dialog += (_, dialog) => dialog.AcceptAsync("供暖锅炉房现场");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.ClickAsync(".rte button[aria-label='插入图片']"));
        await chooser.SetFilesAsync(new FilePayload { Name = "锅炉房.png", MimeType = "image/png", Buffer = FileSamples.Png() });
        await page.Locator(".rte-status", new() { HasText = "图片已插入" }).WaitForAsync();

        // Tab leaves the editor: no keyboard trap.
        await editor.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("() => !document.activeElement.classList.contains('ql-editor')")).ShouldBeTrue();

        await page.ClickAsync("button:has-text('保存')");
        await page.WaitForURLAsync(url => url.Contains("/admin/library/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));

        var body = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles
            .Where(a => a.Title == title).Select(a => a.Body).SingleAsync());
        body.ShouldContain("<p>会议要求确保群众温暖过冬。</p>");
        body.ShouldContain("<strong>重点任务</strong>");
        body.ShouldContain("粘贴的通报内容");
        body.ShouldNotContain("script");
        body.ShouldNotContain("onerror");
        body.ShouldNotContain("pwned");
        body.ShouldMatch("<img src=\"/files/\\d+/[^\"]+\\.png\" alt=\"供暖锅炉房现场\">");
        (await page.EvaluateAsync<object?>("() => window.pwned ?? null")).ShouldBeNull();

        // The edit page shows the saved body in the editor again.
        (await page.Locator(".rte .ql-editor").InnerTextAsync()).ShouldContain("会议要求确保群众温暖过冬。");
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Html_typed_in_the_source_view_is_saved_without_its_script()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/admin/sites/{app.Site.Id}/articles/new");
        await page.Locator(".rte .ql-editor").WaitForAsync();
        var title = "源代码模式录入的通知";
        await page.FillAsync("[name='Input.Title']", title);
        await page.SelectOptionAsync("[name='Input.ColumnId']", app.NewsColumnId.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("button:has-text('HTML 源代码')");
        await page.FillAsync("[name='Input.Body']", "<p class=\"ql-align-center\">居中的段落</p><script>alert(1)</script><a href=\"javascript:alert(2)\">链接</a>");
        await page.ClickAsync("button:has-text('保存')");
        await page.WaitForURLAsync(url => url.Contains("/admin/library/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));

        var body = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Articles
            .Where(a => a.Title == title).Select(a => a.Body).SingleAsync());
        body.ShouldContain("<p class=\"ql-align-center\">居中的段落</p>");
        body.ShouldNotContain("script");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_file_larger_than_the_servers_form_limit_uploads_from_the_page_through_kestrel()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/admin/sites/{app.Site.Id}/articles/new");
        var token = await page.Locator("form.stacked input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var big = new byte[GovSiteApp.MaxRequestBytes + 1024 * 1024];
        FileSamples.Pdf().CopyTo(big, 0);
        var form = page.Context.APIRequest.CreateFormData();
        form.Append("__RequestVerificationToken", token!);
        form.Append("file", new FilePayload { Name = "汇编.pdf", MimeType = "application/pdf", Buffer = big });

        var response = await page.Context.APIRequest.PostAsync($"/admin/sites/{app.Site.Id}/files", new() { Multipart = form });

        response.Status.ShouldBe(200, await response.TextAsync());
        (await response.JsonAsync())!.Value.GetProperty("size").GetInt64().ShouldBe(big.Length);
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        result.Violations
            .Select(v => $"{page.Url}: {v.Id} {v.Impact} {v.Help} @ {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
    }
}
