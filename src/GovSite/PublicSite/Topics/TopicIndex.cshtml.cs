using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite.Topics;

/// <summary>专题专栏: open topics first, then the archive of closed ones.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class TopicIndexModel(CurrentSite current, SiteContent content, System.Text.Encodings.Web.HtmlEncoder encoder)
    : PublicPageModel(current, content)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadSiteAsync(ct)
        ? Content(PublicLayout.Text(sb => TopicView.WriteIndex(sb, Shell, encoder)), "text/html; charset=utf-8")
        : NotFound();
}
