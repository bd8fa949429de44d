using GovSite.PublicSite;
using GovSite.Sites;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace GovSite.Disclosure.Pages;

/// <summary>政府信息公开目录: browsable by 主题分类, 体裁 and organ, searchable, paged, exportable.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class CataloguePageModel(CurrentSite current, SiteContent content, Catalogue catalogue, SiteDirectory sites) : PublicPageModel(current, content)
{
    [FromQuery(Name = "subject")]
    public string? Subject { get; set; }

    [FromQuery(Name = "genre")]
    public string? Genre { get; set; }

    [FromQuery(Name = "organ")]
    public string? Organ { get; set; }

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    public CataloguePage Result { get; private set; } = null!;
    public List<(string Title, string Key, List<(string Name, int Count)> List)> Browse { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        Subject = Blank(Subject);
        Genre = Blank(Genre);
        Organ = Blank(Organ);
        Q = Blank(Q) is { } q ? q.Length > 100 ? q[..100] : q : null;
        PageTitle = $"政府信息公开目录 - {Site.Name}";
        AddMeta("ColumnName", "政府信息公开目录");
        AddMeta("ColumnType", "信息公开");
        CacheTags(CatalogueObserver.PageTag(Site.Id));
        if (Subject is not null && await Queries.IsPolicyThemeAsync(Site.Id, Subject, ct))
        {
            // A 主题分类's listing announces its feed (SiteFeeds.PolicyThemeRssAsync).
            FeedUrl = Link(SiteFeeds.PolicyThemeFeedPath(Subject));
            FeedTitle = $"政策文件：{Subject}（RSS）";
        }
        Result = await catalogue.PageAsync(Site, new CatalogueQuery(Subject, Genre, Organ, Q, page ?? 1), ct);
        var facets = await catalogue.FacetsAsync(Site, ct);
        Browse = [("主题分类", "subject", facets.Subjects), ("体裁分类", "genre", facets.Genres), ("发文机关", "organ", facets.Organs)];
        return Page();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public string? Chosen(string key) => key switch { "subject" => Subject, "genre" => Genre, _ => Organ };

    public string Filters => string.Join("，", new[] { Subject, Genre, Organ, Q is null ? null : $"检索“{Q}”" }.OfType<string>());

    private static string Query(IEnumerable<KeyValuePair<string, string?>> values) =>
        new QueryBuilder(values.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!))).ToQueryString().ToString();

    private string With(IEnumerable<KeyValuePair<string, string?>> values) => Link("/disclosure/catalogue") + Query(values);

    private IEnumerable<KeyValuePair<string, string?>> Current(string? except = null) =>
        new Dictionary<string, string?> { ["subject"] = Subject, ["genre"] = Genre, ["organ"] = Organ, ["q"] = Q }.Where(kv => kv.Key != except);

    public string FilterUrl(string key, string? value) => With(Current(key).Append(new(key, value)));

    public string PageUrl(int page) => With(Current().Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public string ExportUrl(string format) => $"/api/v1/sites/{Site.Code}/disclosure/catalogue.{format}" + Query(Current());

    public string EntryLink(CatalogueEntry e) => EntryLink(this, sites, e);

    /// <summary>An entry's page: on this site a link inside it; on a department under a portal, that site's own address.</summary>
    public static string EntryLink(PublicPageModel page, SiteDirectory sites, CatalogueEntry e)
    {
        if (e.SiteId == page.Site.Id)
        {
            return page.Link($"/articles/{e.ArticleId}");
        }
        var other = sites.FindById(e.SiteId);
        return page.Request.PathBase.StartsWithSegments("/sites") || other?.MainHost is null
            ? $"/sites/{other?.Code}/articles/{e.ArticleId}"
            : $"//{other.MainHost}/articles/{e.ArticleId}";
    }
}
