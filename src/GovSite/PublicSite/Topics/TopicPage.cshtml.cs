using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite.Topics;

/// <summary>A special topic's landing page: its summary and a block per topic column. Closed topics stay here, archived.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class TopicPageModel(CurrentSite current, SiteContent content, System.Text.Encodings.Web.HtmlEncoder encoder)
    : PublicPageModel(current, content)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || Topics.FirstOrDefault(t => t.Id == id) is not { } topic)
        {
            return NotFound();
        }
        var blocks = await Queries.BlocksAsync(Site.Id, Columns, TopicView.BlocksOf(Columns, topic), ct);
        CacheTags([PageTags.Block(Site.Id, topic.ColumnId), .. blocks.Select(b => PageTags.Block(Site.Id, b.Column.Id))]);
        return Content(PublicLayout.Text(sb => TopicView.Write(sb, Shell, topic, blocks, encoder)), "text/html; charset=utf-8");
    }
}
