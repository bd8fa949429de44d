using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite;

[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class HomeModel(CurrentSite current, SiteContent content, SiteDirectory directory,
    System.Text.Encodings.Web.HtmlEncoder encoder) : PublicPageModel(current, content)
{
    /// <summary>Set when the request names no site: localhost shows the list of hosted sites.</summary>
    public IReadOnlyList<SiteInfo>? PlatformSites { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            PlatformSites = directory.All;
            return Page();
        }
        var blocks = await Queries.BlocksAsync(Site.Id, Columns, HomeView.BlocksOf(Theme, NavColumns), ct);
        CacheTags([PageTags.Home(Site.Id), .. blocks.Select(b => PageTags.Block(Site.Id, b.Column.Id))]);
        return Content(PublicLayout.Text(sb => HomeView.Write(sb, Shell, blocks, encoder)), "text/html; charset=utf-8");
    }
}
