using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite;

[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ArticlePageModel(CurrentSite current, SiteContent content, Publishing.Files.FileService files,
    System.Text.Encodings.Web.HtmlEncoder encoder) : PublicPageModel(current, content)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || await Queries.ArticleAsync(Site.Id, id, ct) is not { } article)
        {
            return NotFound();
        }
        CacheTags(PageTags.Article(Site.Id, id));
        var interpretations = article.IsPolicyDocument ? await Queries.InterpretationsAsync(Site.Id, id, ct) : [];
        var attachments = article.ItemId is int itemId ? await files.AttachmentsOfItemAsync(itemId, ct) : [];
        return Content(PublicLayout.Text(sb => ArticleView.Write(sb, Shell, article, interpretations, attachments, encoder)), "text/html; charset=utf-8");
    }
}
