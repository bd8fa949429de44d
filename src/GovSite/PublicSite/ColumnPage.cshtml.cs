using GovSite.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite;

[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ColumnPageModel(CurrentSite current, SiteContent content) : PublicPageModel(current, content)
{
    public Column Column { get; private set; } = null!;
    public List<ArticleLink> Articles { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? pageNumber, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || Columns.FirstOrDefault(c => c.Id == id) is not { } column)
        {
            return NotFound();
        }
        Column = column;
        PageNumber = Math.Max(pageNumber ?? 1, 1);
        (Total, Articles) = await Queries.ColumnPageAsync(Site.Id, Columns, id, PageNumber, ct);
        PageCount = Math.Max(1, (Total + SiteContent.PageSize - 1) / SiteContent.PageSize);
        if (PageNumber > PageCount)
        {
            return NotFound();
        }
        PageTitle = PageNumber > 1 ? $"{column.Name}（第{PageNumber}页） - {Site.Name}" : $"{column.Name} - {Site.Name}";
        AddColumnMeta(column);
        CacheTags(PageTags.ColumnPages(Site.Id, id));
        ArchivedTopic = TopicOf(id) is { IsClosed: true } topic ? topic : null;
        FeedUrl = Link($"/columns/{id}/rss.xml");
        return Page();
    }

    public string PageLink(int n) => n == 1 ? Link($"/columns/{Column.Id}") : Link($"/columns/{Column.Id}/page/{n}");
}
