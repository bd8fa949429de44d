using GovSite.PublicSite.Themes;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite;

[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class HomeModel(CurrentSite current, SiteContent content, SiteDirectory directory) : PublicPageModel(current, content)
{
    public List<ThemedBlock> Blocks { get; private set; } = [];

    /// <summary>Set when the request names no site: localhost shows the list of hosted sites.</summary>
    public IReadOnlyList<SiteInfo>? PlatformSites { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            PlatformSites = directory.All;
            return Page();
        }
        var blocks = Theme.Blocks ?? [.. NavColumns.Select(c => new HomeBlock(c.Id))];
        Blocks = await Queries.BlocksAsync(Site.Id, Columns, blocks, ct);
        CacheTags([PageTags.Home(Site.Id), .. Blocks.Select(b => PageTags.Block(Site.Id, b.Column.Id))]);
        AddMeta("Description", Site.Description ?? Site.Name);
        return Page();
    }
}
