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
        var items = await content.FeedArticlesAsync(site.Id, columns, columnId, 50, ct);
        var sb = new StringBuilder(1024 + 600 * items.Count);
        using (var xml = XmlWriter.Create(new Utf8Writer(sb)))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", TypedText.ForXml($"{column.Name} - {site.Name}"));
            xml.WriteElementString("link", $"{baseUrl}/columns/{column.Id}");
            xml.WriteElementString("description", TypedText.ForXml(column.Description ?? $"{site.Name}{column.Name}栏目"));
            xml.WriteElementString("language", "zh-cn");
            foreach (var item in items)
            {
                var link = $"{baseUrl}/articles/{item.Id}";
                xml.WriteStartElement("item");
                xml.WriteElementString("title", TypedText.ForXml(item.Title));
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                xml.WriteElementString("description", TypedText.ForXml(item.Summary ?? PublicSiteSetup.Excerpt(HtmlSanitiser.PlainTextStart(item.Body, 200), 200)));
                if (item.PublishedAt is DateTime published)
                {
                    xml.WriteElementString("pubDate", DateTime.SpecifyKind(published, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return sb.ToString();
    }

    /// <summary>Text that declares itself UTF-8 (what it is once sent or written), not the UTF-16 of a string.</summary>
    internal sealed class Utf8Writer(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
