using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite;

[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ColumnPageModel(CurrentSite current, SiteContent content, System.Text.Encodings.Web.HtmlEncoder encoder)
    : PublicPageModel(current, content)
{
    public async Task<IActionResult> OnGetAsync(int id, int? pageNumber, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || Columns.FirstOrDefault(c => c.Id == id) is not { } column)
        {
            return NotFound();
        }
        var page = Math.Max(pageNumber ?? 1, 1);
        var (total, articles) = await Queries.ColumnPageAsync(Site.Id, Columns, id, page, ct);
        if (page > ColumnView.PageCount(total))
        {
            return NotFound();
        }
        CacheTags(PageTags.ColumnPages(Site.Id, id));
        return Content(PublicLayout.Text(sb => ColumnView.Write(sb, Shell, column, page, total, articles, encoder)), "text/html; charset=utf-8");
    }
}
