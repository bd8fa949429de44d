using GovSite.Common;
using System.Globalization;
using System.Text;
using System.Xml;
using GovSite.Publishing;
using GovSite.Sites;

namespace GovSite.PublicSite;

/// <summary>
/// robots.txt, the sitemap and the column feeds, as text: the endpoints (<see cref="PublicSiteSetup"/>)
/// answer with it and the static export writes it, so both are the same bytes.
/// </summary>
public static class SiteFeeds
{
    /// <summary>For a site (<paramref name="baseUrl"/> set) with its sitemap; for the platform without.</summary>
    public static string Robots(string? baseUrl) => baseUrl is null
        ? "User-agent: *\nDisallow: /admin\n"
        : $"User-agent: *\nDisallow: /admin\nSitemap: {baseUrl}/sitemap.xml\n";

    /// <summary>The homepage, every column and the newest articles, up to the protocol's 50,000 addresses.</summary>
    public static async Task<string> SitemapAsync(SiteContent content, SiteInfo site, string baseUrl, CancellationToken ct)
    {
        var columns = await content.ColumnsAsync(site.Id, ct);
        var articles = await content.SitemapArticlesAsync(site.Id, 50_000 - columns.Count - 1, ct);
        var sb = new StringBuilder(128 + 100 * (columns.Count + articles.Count));
        using (var xml = XmlWriter.Create(new Utf8Writer(sb)))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            WriteUrl(xml, baseUrl + "/", null);
            foreach (var column in columns)
            {
                WriteUrl(xml, $"{baseUrl}/columns/{column.Id}", null);
            }
            foreach (var (id, updatedAt) in articles)
            {
                WriteUrl(xml, $"{baseUrl}/articles/{id}", updatedAt);
            }
            xml.WriteEndElement();
        }
        return sb.ToString();

        static void WriteUrl(XmlWriter xml, string loc, DateTime? modified)
        {
            xml.WriteStartElement("url");
            xml.WriteElementString("loc", loc);
            if (modified is DateTime m)
            {
                xml.WriteElementString("lastmod", m.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }
    }

    /// <summary>A column's RSS 2.0 feed: its fifty newest articles with its sub-columns'. Null for a column the site does not show.</summary>
    public static async Task<string?> RssAsync(SiteContent content, SiteInfo site, int columnId, string baseUrl, CancellationToken ct)
    {
        var columns = await content.ColumnsAsync(site.Id, ct);
        if (columns.FirstOrDefault(c => c.Id == columnId) is not { } column)
        {
            return null;
        }
        var items = await content.FeedArticlesAsync(site.Id, columns, columnId, Entries, ct: ct);
        return Rss(new RssChannel($"{column.Name} - {site.Name}", $"{baseUrl}/columns/{column.Id}", column.Description ?? $"{site.Name}{column.Name}栏目"),
            ArticleEntries(items, baseUrl, null));
    }

    /// <summary>The address of a topic's feed inside its site.</summary>
    public static string TopicFeedPath(int topicId) => string.Create(CultureInfo.InvariantCulture, $"/topics/{topicId}/rss.xml");

    /// <summary>
    /// A 专题's RSS 2.0 feed: the fifty newest articles of its column tree (as its landing page
    /// shows them), without what is marked 依申请公开 or 不予公开. Null for a topic the site does not have.
    /// </summary>
    public static async Task<string?> TopicRssAsync(SiteContent content, SiteInfo site, int topicId, string baseUrl, CancellationToken ct)
    {
        var topics = await content.TopicsAsync(site.Id, ct);
        if (topics.Find(t => t.Id == topicId) is not { } topic)
        {
            return null;
        }
        var columns = await content.ColumnsAsync(site.Id, ct);
        var items = await content.FeedArticlesAsync(site.Id, columns, topic.ColumnId, Entries, disclosedOnly: true, ct);
        return Rss(new RssChannel($"{topic.Name} - {site.Name}", $"{baseUrl}/topics/{topic.Id}", topic.Summary ?? $"{site.Name}{topic.Name}专题"),
            ArticleEntries(items, baseUrl, null));
    }

    /// <summary>The address of the feed of one 主题分类's policy documents inside its site.</summary>
    public static string PolicyThemeFeedPath(string subject) => $"/disclosure/subjects/{Uri.EscapeDataString(subject)}/rss.xml";

    /// <summary>The 政府信息公开目录 filtered to one 主题分类: the page a theme's feed stands for.</summary>
    public static string PolicyThemeListingPath(string subject) => $"/disclosure/catalogue?subject={Uri.EscapeDataString(subject)}";

    /// <summary>
    /// The RSS 2.0 feed of one 主题分类: the site's fifty newest published 主动公开 policy documents
    /// classified under it. Null unless the theme is in the platform taxonomy or the site has documents under it.
    /// </summary>
    public static async Task<string?> PolicyThemeRssAsync(SiteContent content, SiteInfo site, string subject, string baseUrl, CancellationToken ct)
    {
        if (subject.Length is 0 or > 100 || !await content.IsPolicyThemeAsync(site.Id, subject, ct))
        {
            return null;
        }
        var items = await content.PolicyThemeFeedArticlesAsync(site.Id, subject, Entries, ct);
        return Rss(new RssChannel($"政策文件：{subject} - {site.Name}", baseUrl + PolicyThemeListingPath(subject), $"{site.Name}主动公开的“{subject}”类政策文件"),
            ArticleEntries(items, baseUrl, subject));
    }

    public const int Entries = 50;

    private static IEnumerable<RssEntry> ArticleEntries(IEnumerable<FeedItem> items, string baseUrl, string? category) =>
        items.Select(item => new RssEntry(item.Title, string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/articles/{item.Id}"),
            item.Summary ?? PublicSiteSetup.Excerpt(HtmlSanitiser.PlainTextStart(item.Body, 200), 200), item.PublishedAt, Category: category));

    /// <summary>What a feed is about: its title, the page it stands for (absolute) and a line saying what it holds.</summary>
    public sealed record RssChannel(string Title, string Link, string Description);

    /// <summary>
    /// One entry. <paramref name="Id"/> null: the link is the permanent id (guid); otherwise an id that
    /// is not an address (a changed service guide comes back under a new one).
    /// </summary>
    public sealed record RssEntry(string Title, string Link, string Description, DateTime? PublishedUtc, string? Id = null, string? Category = null);

    /// <summary>
    /// The one RSS 2.0 writer every feed of a site goes through (columns, topics, 主题分类, service
    /// items): typed text escaped as XML, dates in RFC 822 China time.
    /// </summary>
    public static string Rss(RssChannel channel, IEnumerable<RssEntry> entries)
    {
        var sb = new StringBuilder(16 * 1024);
        using (var xml = XmlWriter.Create(new Utf8Writer(sb)))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", TypedText.ForXml(channel.Title));
            xml.WriteElementString("link", channel.Link);
            xml.WriteElementString("description", TypedText.ForXml(channel.Description));
            xml.WriteElementString("language", "zh-cn");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", TypedText.ForXml(entry.Title));
                xml.WriteElementString("link", entry.Link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", entry.Id is null ? "true" : "false");
                xml.WriteString(entry.Id ?? entry.Link);
                xml.WriteEndElement();
                xml.WriteElementString("description", TypedText.ForXml(entry.Description));
                if (entry.Category is { } category)
                {
                    xml.WriteElementString("category", TypedText.ForXml(category));
                }
                if (entry.PublishedUtc is DateTime published)
                {
                    xml.WriteElementString("pubDate", PubDate(published));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return sb.ToString();
    }

    /// <summary>An RFC 822 date in China time (+0800), as readers show it to the people the sites serve.</summary>
    public static string PubDate(DateTime utc) =>
        ChinaTime.ToLocal(utc).ToString("ddd, dd MMM yyyy HH:mm:ss '+0800'", CultureInfo.InvariantCulture);

    /// <summary>Text that declares itself UTF-8 (what it is once sent or written), not the UTF-16 of a string.</summary>
    internal sealed class Utf8Writer(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
