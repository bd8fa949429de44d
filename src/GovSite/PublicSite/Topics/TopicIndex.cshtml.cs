using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite.Topics;

/// <summary>专题专栏: open topics first, then the archive of closed ones.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class TopicIndexModel(CurrentSite current, SiteContent content) : PublicPageModel(current, content)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"专题专栏 - {Site.Name}";
        return Page();
    }
}
