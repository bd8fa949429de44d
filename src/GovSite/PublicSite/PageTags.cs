using GovSite.Publishing;

namespace GovSite.PublicSite;

/// <summary>
/// What a cached public page shows, as output-cache tags, and which tags an article change
/// touches. A page adds its tags while rendering; <see cref="Sites.SiteChanges"/> evicts them.
/// </summary>
public static class PageTags
{
    public static string Home(int siteId) => $"site:{siteId}:home";
    public static string Article(int siteId, int articleId) => $"site:{siteId}:article:{articleId}";

    /// <summary>Every listing page of a column (a new article shifts all of them).</summary>
    public static string ColumnPages(int siteId, int columnId) => $"site:{siteId}:column:{columnId}";

    /// <summary>A block of a homepage or topic landing page showing a column's newest articles.</summary>
    public static string Block(int siteId, int columnId) => $"site:{siteId}:block:{columnId}";
    public static string Feed(int siteId, int columnId) => $"site:{siteId}:feed:{columnId}";

    /// <summary>The feeds of the site's 主题分类 (any article change may move a document into or out of one).</summary>
    public static string PolicyThemeFeeds(int siteId) => $"site:{siteId}:policy-theme-feeds";
    public static string Sitemap(int siteId) => $"site:{siteId}:sitemap";

    /// <summary>The 互动交流 list and every published message's page (a reply shifts the list).</summary>
    public static string Messages(int siteId) => $"site:{siteId}:messages";

    /// <summary>公众参与: consultations, surveys, interviews and their pages.</summary>
    public static string Participation(int siteId) => $"site:{siteId}:participation";

    /// <summary>我为政府网站找错: the public answers to error reports.</summary>
    public static string ErrorReports(int siteId) => $"site:{siteId}:error-reports";

    public static void Add(HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<PublicPageCapture>() is { Buffer: not null } capture)
        {
            capture.Tags.UnionWith(tags);
        }
    }

    /// <summary>
    /// The pages an article change affects: the article, the policy it interprets and the
    /// interpretations of it (they link to each other by title), the listings, blocks and feeds
    /// of its column and every ancestor column (before and after a move), the 主题分类 feeds and the sitemap.
    /// </summary>
    public static HashSet<string> ForArticle(IReadOnlyCollection<Column> siteColumns, int siteId, int articleId,
        IEnumerable<int> columnIds, IEnumerable<int> linkedArticleIds)
    {
        var tags = new HashSet<string> { Article(siteId, articleId), Sitemap(siteId), PolicyThemeFeeds(siteId) };
        foreach (var linked in linkedArticleIds)
        {
            tags.Add(Article(siteId, linked));
        }
        var byId = siteColumns.ToDictionary(c => c.Id);
        foreach (var start in columnIds.Distinct())
        {
            for (int? id = start; id is int c && tags.Add(ColumnPages(siteId, c)); id = byId.GetValueOrDefault(c)?.ParentId)
            {
                tags.Add(Block(siteId, c));
                tags.Add(Feed(siteId, c));
            }
        }
        return tags;
    }
}
