using GovSite.Data;
using GovSite.Publishing;
using GovSite.Publishing.Files;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovSite.Tests.Security;

/// <summary>Library item attachments, their file names carrying the payloads, uploaded from Chromium.</summary>
public partial class XssInputsBrowserTests
{
    [Fact]
    public async Task Attachment_names_uploaded_to_library_items_run_nothing_on_the_admin_item_page_and_the_public_article()
    {
        var column = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Columns
            .Where(c => c.SiteId == app.Portal.Id && c.Type == ColumnType.News).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var batches = XssCorpus.Batches(140, " ");
        var png = Convert.FromBase64String(OnePixelPng);
        await using var probe = await XssProbe.StartAsync(app.Browser, app.BaseUrl, p => SignInAsync(p, "portal-admin"));
        var items = new List<(int ArticleId, int ItemId, List<string> Names)>();
        for (var i = 0; i < 8; i++)
        {
            var article = await app.AsUserAsync("portal-admin", sp => sp.GetRequiredService<ArticleService>().SaveAsync(app.Portal.Id, null,
                new ArticleInput { ColumnId = column, Title = $"附件测试第{i + 1}篇", Body = "<p>附件见下。</p>", Publish = false }));
            article.Succeeded.ShouldBeTrue(string.Join("; ", article.Errors.All.SelectMany(e => e.Value)));
            var itemId = article.Value!.ItemId!.Value;
            // Each context uploads its own file: two payload names to an item.
            var names = new[] { XssCorpus.Line(batches[(2 * i) % batches.Count], 140) + ".png", XssCorpus.Line(batches[(2 * i + 1) % batches.Count], 140) + ".png" };
            var upload = 0;
            await probe.VisitAsync($"/admin/library/{itemId}", [FileTypes.CleanName(names[0], FileTypes.Png)], async page =>
            {
                await page.SetInputFilesAsync("#attachment-file", new FilePayload { Name = names[upload++], MimeType = "image/png", Buffer = png });
                await page.ClickAsync("form:has(#attachment-file) button[type=submit]");
            });
            var stored = await app.AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<GovSiteDb>();
                var owner = await db.LibraryItems.Where(x => x.Id == itemId).Select(x => x.OwnerSiteId).SingleAsync();
                return await db.StoredFiles.Where(f => f.SiteId == owner).OrderByDescending(f => f.Id).Take(2).Select(f => f.FileName).ToListAsync();
            });
            stored.Count.ShouldBe(2);
            // What the browser sent, cleaned as every upload's name is (no path, no <>"), is what is kept.
            foreach (var name in stored)
            {
                names.Select(n => FileTypes.CleanName(n, FileTypes.Png)).Concat(names.Select(n => FileTypes.CleanName(n.Replace("\"", "%22", StringComparison.Ordinal), FileTypes.Png)))
                    .ShouldContain(name);
            }
            var published = await app.AsUserAsync("portal-admin", sp => sp.GetRequiredService<Workflow>().PublishAsync(itemId, null));
            published.Succeeded.ShouldBeTrue(string.Join("; ", published.Errors.All.SelectMany(e => e.Value).Concat(published.Findings.Select(f => f.ToString()))));
            items.Add((article.Value.Id, itemId, stored));
        }
        foreach (var (articleId, itemId, names) in items)
        {
            await probe.VisitAsync($"{Site}/articles/{articleId}", names);
            await probe.VisitAsync($"/admin/library/{itemId}", names);
        }
        ShouldHaveNoFailures(probe);
    }
}
