using GovSite.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.PublicSite;

[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ArticlePageModel(CurrentSite current, SiteContent content, Publishing.Files.FileService files) : PublicPageModel(current, content)
{
    public Article Article { get; private set; } = null!;
    public List<ArticleLink> Interpretations { get; private set; } = [];
    public List<Publishing.Files.FileLink> Attachments { get; private set; } = [];

    /// <summary>The page's own address as a QR code, drawn on the server so it works in the static export too.</summary>
    public string WeChatQrSvg { get; private set; } = "";
    public string WeiboShareUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || await Queries.ArticleAsync(Site.Id, id, ct) is not { } article)
        {
            return NotFound();
        }
        Article = article;
        CacheTags(PageTags.Article(Site.Id, id));
        ArchivedTopic = TopicOf(article.ColumnId) is { IsClosed: true } topic ? topic : null;
        if (article.IsPolicyDocument)
        {
            Interpretations = await Queries.InterpretationsAsync(Site.Id, id, ct);
        }
        if (article.ItemId is int itemId)
        {
            Attachments = await files.AttachmentsOfItemAsync(itemId, ct);
        }
        PageTitle = $"{article.Title} - {Site.Name}";
        if (article.Column is { } column)
        {
            AddColumnMeta(column);
        }
        var description = article.Summary ?? PublicSiteSetup.Excerpt(HtmlSanitiser.PlainTextStart(article.Body, 120), 120);
        AddMeta("ArticleTitle", article.Title);
        AddMeta("PubDate", ChinaTime.Format(article.PublishedAt));
        AddMeta("ContentSource", article.Source ?? Site.HostUnitName ?? Site.Name);
        AddMeta("Keywords", article.Keywords ?? article.Column?.Name);
        AddMeta("Author", article.Author ?? "");
        AddMeta("Description", description);
        AddMeta("Image", article.ImageUrl ?? "");
        var url = AbsoluteLink($"/articles/{id}");
        AddMeta("Url", url);
        WeChatQrSvg = Extras.QrCode.Encode(url).ToSvg("本页二维码：" + article.Title);
        WeiboShareUrl = $"https://service.weibo.com/share/share.php?url={Uri.EscapeDataString(url)}&title={Uri.EscapeDataString(article.Title)}";
        return Page();
    }

    public static string ValidityLabel(PolicyValidity? validity) => validity switch
    {
        PolicyValidity.Valid => "有效",
        PolicyValidity.Expired => "失效",
        PolicyValidity.Repealed => "废止",
        _ => "—",
    };
}
