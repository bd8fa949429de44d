using GovSite.PublicSite.Themes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite.Topics;

/// <summary>A special topic's landing page: its summary and a block per topic column. Closed topics stay here, archived.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class TopicPageModel(CurrentSite current, SiteContent content) : PublicPageModel(current, content)
{
    public SpecialTopic Topic { get; private set; } = null!;
    public List<ThemedBlock> Blocks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || Topics.FirstOrDefault(t => t.Id == id) is not { } topic)
        {
            return NotFound();
        }
        Topic = topic;
        ArchivedTopic = topic.IsClosed ? topic : null;
        var children = ChildrenOf(topic.ColumnId).ToList();
        Blocks = await Queries.BlocksAsync(Site.Id, Columns,
            children.Count > 0 ? children.Select(c => new HomeBlock(c.Id, 8)) : [new HomeBlock(topic.ColumnId, 8)], ct);
        CacheTags([PageTags.Block(Site.Id, topic.ColumnId), .. Blocks.Select(b => PageTags.Block(Site.Id, b.Column.Id))]);
        PageTitle = $"{topic.Name} - {Site.Name}";
        if (Columns.FirstOrDefault(c => c.Id == topic.ColumnId) is { } root)
        {
            AddColumnMeta(root);
        }
        return Page();
    }
}
