using System.Globalization;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Publishing.Library;
using GovSite.Tests.Corpus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>What an editor and a reviewer see and do in Chromium; and typed text that looks like code never runs.</summary>
[Trait("Category", "Browser")]
public class RevisionBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Password = "Browser123x";

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button:has-text('登录')");
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task An_editors_change_to_a_published_article_is_not_on_the_public_page_until_a_reviewer_passes_it()
    {
        await app.CreateUserAsync("b-editor", Password, (Role.Editor, app.Site.Id));
        await app.CreateUserAsync("b-reviewer", Password, (Role.Reviewer, app.Site.Id));
        var (itemId, articleId) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GovSiteDb>();
            var column = new Column { SiteId = app.Site.Id, Name = "须审核的通知", Type = ColumnType.Notice, ReviewLevels = 1, SortOrder = 90 };
            db.Columns.Add(column);
            await db.SaveChangesAsync();
            var item = (await sp.GetRequiredService<LibraryService>().CreateAsync(app.Site.Id, new ItemInput
            {
                ColumnId = column.Id, Title = "关于冬季供暖时间的通知", Body = "<p>供暖时间为11月15日起。</p>",
            })).Value!;
            // Published as it would be after review; this test is about the change that follows.
            await db.LibraryItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, ItemStatus.Approved));
            db.ChangeTracker.Clear();
            (await sp.GetRequiredService<Workflow>().PublishAsync(item.Id, null)).Succeeded.ShouldBeTrue();
            return (item.Id, await db.Articles.Where(a => a.ItemId == item.Id).Select(a => a.Id).FirstAsync());
        });

        var editor = await SignInAsync("b-editor");
        await editor.GotoAsync($"/admin/library/{itemId}");
        await editor.FillAsync("[name='Input.Title']", "关于冬季供暖时间调整的通知");
        await editor.ClickAsync("button:has-text('HTML 源代码')");
        await editor.FillAsync("[name='Input.Body']", "<p>供暖时间提前至11月10日起。</p>");
        await editor.ClickAsync("form[aria-labelledby='content-title'] button[type='submit']");
        await editor.Locator("#revision").WaitForAsync();
        (await editor.Locator("#revision").InnerTextAsync()).ShouldContain("前台仍显示已发布的第");

        var reader = await app.NewPageAsync();
        await reader.GotoAsync($"/sites/{BrowserFixture.Code}/articles/{articleId}");
        (await reader.Locator("h1").InnerTextAsync()).ShouldBe("关于冬季供暖时间的通知");
        (await reader.Locator(".article-body").InnerTextAsync()).ShouldContain("11月15日");

        await editor.ClickAsync("button:has-text('提交修订审核')");
        await editor.Locator(".notice-ok", new() { HasText = "已提交审核" }).WaitForAsync();

        var reviewer = await SignInAsync("b-reviewer");
        await reviewer.GotoAsync($"/admin/sites/{app.Site.Id}/library?queue=true");
        await reviewer.ClickAsync($"a[href='/admin/library/{itemId}']");
        (await reviewer.Locator("#revision").InnerTextAsync()).ShouldContain("待审修订");
        await reviewer.FillAsync("#comment", "同意更正");
        await reviewer.ClickAsync("button:has-text('审核通过')");
        await reviewer.Locator(".notice-ok", new() { HasText = "审核通过" }).WaitForAsync();

        await reader.ReloadAsync();
        (await reader.Locator("h1").InnerTextAsync()).ShouldBe("关于冬季供暖时间的通知", "approved is not yet published");

        await editor.GotoAsync($"/admin/library/{itemId}");
        await editor.ClickAsync("button:has-text('发布修订')");
        await editor.Locator(".notice-ok", new() { HasText = "已发布" }).WaitForAsync();
        await reader.ReloadAsync();
        (await reader.Locator("h1").InnerTextAsync()).ShouldBe("关于冬季供暖时间调整的通知");
        (await reader.Locator(".article-body").InnerTextAsync()).ShouldContain("11月10日");

        // The trail, as the editor reads it, signs each step of the revision.
        var trail = await editor.Locator("section[aria-labelledby='trail-title'] tbody").InnerTextAsync();
        trail.ShouldContain("修订：修改已发布稿件");
        trail.ShouldContain("b-reviewer");
        trail.ShouldContain("同意更正");
        foreach (var page in new[] { editor, reviewer, reader })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Typed_text_that_looks_like_code_is_shown_as_text_and_never_runs_in_chromium()
    {
        var payloads = TypedTextSamples.Load().Where(t => t.Contains('<') || t.Contains("javascript", StringComparison.OrdinalIgnoreCase))
            .Where(t => t.Trim().Length is >= 5 and <= 100).ToList();
        payloads.Count.ShouldBeGreaterThan(2);
        var (messageIds, articleIds, itemIds) = await app.AsSystemAsync(async sp =>
        {
            var messages = sp.GetRequiredService<MessageService>();
            await messages.EnsureChannelsAsync(app.Site.Id, default);
            var db = sp.GetRequiredService<GovSiteDb>();
            var library = sp.GetRequiredService<LibraryService>();
            var workflow = sp.GetRequiredService<Workflow>();
            var column = await db.Columns.Where(c => c.SiteId == app.Site.Id && c.Name == "要闻动态").Select(c => c.Id).FirstAsync();
            List<int> ms = [], arts = [], items = [];
            var n = 0;
            foreach (var text in payloads)
            {
                n++;
                var phone = "1380000" + n.ToString("D4", CultureInfo.InvariantCulture);
                var outcome = await messages.SubmitAsync(app.Site.Id, new MessageInput
                {
                    Channel = ChannelKind.Consultation, Name = "赵六", Phone = phone, Subject = text, Text = text + "（留言）", IsPublic = true,
                }, null, null, default);
                outcome.Receipt.ShouldNotBeNull(string.Join(";", outcome.Errors.All.SelectMany(e => e.Value)));
                var id = await db.Messages.Where(m => m.Phone == phone).Select(m => m.Id).SingleAsync();
                await messages.TriageAsync(id, TriageVerdict.Valid, null, null, default);
                await messages.ReplyAsync(id, "答复：" + text, default);
                if (!(await messages.PublishAsync(id, null, default)).Succeeded)
                {
                    await messages.PublishAsync(id, "测试语料，答复有意重复", default);
                }
                ms.Add(id);
                var item = (await library.CreateAsync(app.Site.Id, new ItemInput
                {
                    ColumnId = column, Title = text, Author = text, Summary = text, Body = $"<p>语料正文第{n}篇 {Guid.NewGuid():N}</p>",
                })).Value!;
                (await workflow.PublishAsync(item.Id, null)).Succeeded.ShouldBeTrue();
                items.Add(item.Id);
                arts.Add(await db.Articles.Where(a => a.ItemId == item.Id).Select(a => a.Id).FirstAsync());
            }
            return (ms, arts, items);
        });

        var page = await app.SignedInPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var addresses = messageIds.Select(id => $"/sites/{BrowserFixture.Code}/interaction/messages/{id}")
            .Concat(messageIds.Select(id => $"/admin/messages/{id}"))
            .Concat(articleIds.Select(id => $"/sites/{BrowserFixture.Code}/articles/{id}"))
            .Concat(itemIds.Select(id => $"/admin/library/{id}"))
            .Concat([$"/admin/sites/{app.Site.Id}/articles", $"/admin/sites/{app.Site.Id}/library"]);
        foreach (var address in addresses)
        {
            await page.GotoAsync(address);
            (await page.EvaluateAsync<object?>("() => window.__pwned ?? null")).ShouldBeNull($"script ran on {address}");
            (await page.Locator("[onerror], [onload]").CountAsync()).ShouldBe(0, address);
            (await page.EvaluateAsync<bool>("() => [...document.scripts].some(s => s.textContent.includes('__pwned'))")).ShouldBeFalse(address);
        }
        dialogs.ShouldBeEmpty();
        // And the words are on the page as typed.
        await page.GotoAsync($"/sites/{BrowserFixture.Code}/interaction/messages/{messageIds[0]}");
        TypedTextSamples.Visible(await page.Locator("h1").InnerTextAsync()).ShouldBe(TypedTextSamples.Visible(payloads[0]));
        await page.GotoAsync($"/sites/{BrowserFixture.Code}/articles/{articleIds[0]}");
        TypedTextSamples.Visible(await page.Locator("h1").InnerTextAsync()).ShouldBe(TypedTextSamples.Visible(payloads[0]));
        await page.Context.CloseAsync();
    }
}
