using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace GovSite.Monitoring;

/// <summary>
/// What the checker reads from one HTML page. Layout-agnostic: it leans on what government
/// sites have in common (a navigation bar, list blocks with "更多", dated list items, a footer
/// with the registration numbers), not on any one CMS's markup.
/// </summary>
public sealed partial class PageReader
{
    private const string NavSelector = "nav a[href], #nav a[href], .nav a[href], .menu a[href], .navbar a[href], #menu a[href], .main-nav a[href]";
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public IHtmlDocument Document { get; }
    public Uri Url { get; }

    public PageReader(string html, Uri url)
    {
        Document = Parser.ParseDocument(html);
        Url = url;
    }

    public string Title => Document.Title?.Trim() ?? "";

    public string? Meta(string name) => Document.QuerySelector($"meta[name='{name}' i]")?.GetAttribute("content");

    public bool HasMeta(string name) => Document.QuerySelector($"meta[name='{name}' i]") is not null;

    /// <summary>Every link and embedded resource on the page, resolved, without fragments.</summary>
    public IEnumerable<Uri> Links()
    {
        foreach (var raw in RawLinks())
        {
            if (Resolve(raw) is { } uri)
            {
                yield return uri;
            }
        }
    }

    /// <summary>The targets of every link and embedded resource, as written in the page.</summary>
    public IEnumerable<string> RawLinks()
    {
        foreach (var e in Document.QuerySelectorAll("a[href], area[href], img[src], link[href], script[src], iframe[src]"))
        {
            if (e is IHtmlLinkElement link && !(link.Relation ?? "").Contains("stylesheet", StringComparison.OrdinalIgnoreCase)
                && !(link.Relation ?? "").Contains("icon", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if ((e.GetAttribute("href") ?? e.GetAttribute("src")) is { } raw)
            {
                yield return raw;
            }
        }
    }

    public Uri? Resolve(string? raw) => Resolve(Url, raw);

    /// <summary>A link target as an absolute http(s) URL without fragment; null for anchors, scripts, mail and data.</summary>
    public static Uri? Resolve(Uri baseUrl, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        raw = raw.Trim();
        if (raw.StartsWith('#') || raw.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || raw.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
            || raw.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!Uri.TryCreate(baseUrl, raw, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        return Normalise(uri);
    }

    public static Uri Normalise(Uri uri) => uri.Fragment.Length > 0 ? new UriBuilder(uri) { Fragment = "" }.Uri : uri;

    /// <summary>Text of the page with each text node on its own line; chrome included or not.</summary>
    public string Text(bool withChrome)
    {
        var sb = new StringBuilder();
        foreach (var text in TextNodes(withChrome))
        {
            sb.Append(text).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The body's text nodes, trimmed, empty ones left out; chrome included or not.</summary>
    public List<string> TextNodes(bool withChrome)
    {
        var nodes = new List<string>();
        if (Document.Body is not null)
        {
            AppendText(Document.Body, withChrome, nodes);
        }
        return nodes;
    }

    // A walk that skips whole subtrees: matching a selector per text node costs more than the parse.
    private static void AppendText(INode node, bool withChrome, List<string> nodes)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                var value = text.Data.AsSpan().Trim();
                if (value.Length > 0)
                {
                    nodes.Add(value.ToString());
                }
            }
            else if (child is IElement e && !(withChrome ? IsScript(e) : IsChrome(e)))
            {
                AppendText(e, withChrome, nodes);
            }
        }
    }

    private static bool IsScript(IElement e) => e.LocalName is "script" or "style" or "noscript" or "template";

    private static readonly string[] ChromeNames = ["header", "footer", "nav", "menu", "breadcrumb", "crumb", "position", "pager", "pagination"];

    /// <summary>Header, footer, navigation, breadcrumb and pager: the page's frame, not its content.</summary>
    internal static bool IsChrome(IElement e)
    {
        if (IsScript(e) || e.LocalName is "header" or "footer" or "nav" or "aside")
        {
            return true;
        }
        if (e.Id is { Length: > 0 } id && id is "header" or "footer" or "nav")
        {
            return true;
        }
        foreach (var c in e.ClassList)
        {
            if (Array.IndexOf(ChromeNames, c) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static bool InChrome(IElement e)
    {
        for (var x = e; x is not null; x = x.ParentElement)
        {
            if (IsChrome(x))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Columns the homepage offers: navigation entries, block headings and their "更多" links.</summary>
    public List<(string Name, Uri Url)> ColumnLinks()
    {
        var found = new List<(string, Uri)>();
        foreach (var a in Document.QuerySelectorAll(NavSelector))
        {
            Add(found, Clean(a.TextContent), a.GetAttribute("href"));
        }
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            var text = Clean(a.TextContent);
            if (IsMore(text, a))
            {
                var block = a.ParentElement;
                for (var depth = 0; block is not null && depth < 4; depth++, block = block.ParentElement)
                {
                    var heading = block.QuerySelector("h1,h2,h3,h4,h5,.title,.tit,.hd,.block-title,.column-title");
                    if (heading is not null)
                    {
                        Add(found, Clean(heading.TextContent.Replace(a.TextContent, "", StringComparison.Ordinal)), a.GetAttribute("href"));
                        break;
                    }
                }
            }
        }
        foreach (var a in Document.QuerySelectorAll("h2 a[href], h3 a[href], h4 a[href], .title a[href], .tit a[href]"))
        {
            if (a.Closest("li,tr,article") is null)
            {
                Add(found, Clean(a.TextContent), a.GetAttribute("href"));
            }
        }
        return found;

        void Add(List<(string, Uri)> list, string name, string? href)
        {
            if (name.Length is < 2 or > 16 || name is "首页" or "网站首页" or "返回首页" || Resolve(href) is not { } uri)
            {
                return;
            }
            if (uri.AbsolutePath == Url.AbsolutePath && uri.Query == Url.Query)
            {
                return;
            }
            list.Add((name, uri));
        }
    }

    /// <summary>Every link of the page with its text (or its image's alt text), wherever it sits.</summary>
    public List<(string Name, Uri Url)> NamedLinks()
    {
        var found = new List<(string, Uri)>();
        foreach (var a in Document.QuerySelectorAll("a[href], area[href]"))
        {
            var name = Clean(a.TextContent);
            if (name.Length == 0)
            {
                name = Clean(a.GetAttribute("title") ?? a.QuerySelector("img[alt]")?.GetAttribute("alt") ?? a.GetAttribute("alt") ?? "");
            }
            if (name.Length > 0 && Resolve(a.GetAttribute("href")) is { } uri)
            {
                found.Add((name, uri));
            }
        }
        return found;
    }

    /// <summary>Sub-columns in a column page's side navigation.</summary>
    public List<(string Name, Uri Url)> SubColumnLinks()
    {
        var found = new List<(string, Uri)>();
        foreach (var a in Document.QuerySelectorAll(".sub-nav a[href], .subnav a[href], .side-nav a[href], .left-nav a[href], .sidebar a[href], aside nav a[href], nav.sub a[href], .column-nav a[href]"))
        {
            var name = Clean(a.TextContent);
            if (name.Length is >= 2 and <= 16 && Resolve(a.GetAttribute("href")) is { } uri)
            {
                found.Add((name, uri));
            }
        }
        return found;
    }

    private static bool IsMore(string text, IElement a) =>
        text.Contains("更多", StringComparison.Ordinal) || text.StartsWith("more", StringComparison.OrdinalIgnoreCase)
        || text is ">>" or "»" or "+" || (a.ClassName ?? "").Contains("more", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dated entries of a list page (column page), outside the page chrome.</summary>
    public List<ListItem> ListItems(DateOnly asOf)
    {
        var items = new List<ListItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            if (InChrome(a) || Resolve(a.GetAttribute("href")) is not { } uri || IsPagerText(Clean(a.TextContent)))
            {
                continue;
            }
            var entry = a.Closest("li,tr,dd,dt,.item,.list-item,article") ?? a.ParentElement;
            if (entry is null || entry.QuerySelectorAll("a[href]").Length > 3)
            {
                continue;
            }
            var date = DateOf(entry, a, asOf);
            if (date is null || !seen.Add(uri.AbsoluteUri))
            {
                continue;
            }
            items.Add(new ListItem(Clean(a.TextContent), uri, date));
        }
        return items;
    }

    private static DateOnly? DateOf(IElement entry, IElement link, DateOnly asOf)
    {
        if (entry.QuerySelector("time[datetime]") is { } time && DateFinder.FromAttribute(time.GetAttribute("datetime")) is { } fromAttr)
        {
            return fromAttr;
        }
        // Dates outside the title first: a title like "2025年工作要点" must not date the item.
        foreach (var e in entry.QuerySelectorAll("span,td,em,i,time,div,p,font,b"))
        {
            if (e.Contains(link) || link.Contains(e))
            {
                continue;
            }
            var text = e.TextContent.Trim();
            if (DateFinder.InText(text, asOf).Cast<DateOnly?>().FirstOrDefault() is { } d)
            {
                return d;
            }
        }
        var rest = entry.TextContent.Replace(link.TextContent, " ", StringComparison.Ordinal);
        return DateFinder.InText(rest, asOf).Cast<DateOnly?>().FirstOrDefault();
    }

    /// <summary>The "next page" link of a paginated list, if any.</summary>
    public Uri? NextPage()
    {
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            var text = Clean(a.TextContent);
            if ((a.GetAttribute("rel") ?? "").Contains("next", StringComparison.OrdinalIgnoreCase)
                || text is "下一页" or "下页" or "后页" or "下一页>" or "下一页»" or "下一页>>" or ">" or "›" or "»" or "next" or "Next" or "next»")
            {
                if (Resolve(a.GetAttribute("href")) is { } uri && uri.AbsoluteUri != Url.AbsoluteUri)
                {
                    return uri;
                }
            }
        }
        return null;
    }

    private static bool IsPagerText(string text) => text is "首页" or "尾页" or "末页" or "上一页" or "下一页" or "上页" or "下页" or "›" or "‹" or "»" or "«"
        || PageNumber().IsMatch(text);

    /// <summary>Every date in the page's main content (not header or footer).</summary>
    public IEnumerable<DateOnly> ContentDates(DateOnly asOf)
    {
        foreach (var time in Document.QuerySelectorAll("time[datetime]"))
        {
            if (time.Closest("footer,#footer,.footer") is null && DateFinder.FromAttribute(time.GetAttribute("datetime")) is { } d)
            {
                yield return d;
            }
        }
        foreach (var d in DateFinder.InText(Text(withChrome: false), asOf))
        {
            yield return d;
        }
        foreach (var e in Document.QuerySelectorAll("li span, td, li em, .date, .time"))
        {
            if (e.Closest("footer,#footer,.footer") is null)
            {
                foreach (var d in DateFinder.InText(e.TextContent.Trim(), asOf))
                {
                    yield return d;
                }
            }
        }
    }

    /// <summary>The footer's text and links, or the page's last part when it has no footer element.</summary>
    public (string Text, List<IElement> Links) Footer()
    {
        var footer = Document.QuerySelector("footer, #footer, .footer, .site-footer, .foot, #foot, .bottom, #bottom");
        if (footer is not null)
        {
            return (footer.TextContent, footer.QuerySelectorAll("a").ToList());
        }
        var text = Text(withChrome: true);
        var links = Document.QuerySelectorAll("a").ToList();
        return (text[Math.Max(0, text.Length * 2 / 3)..], links.Skip(links.Count * 2 / 3).ToList());
    }

    public static string Clean(string s) => Spaces().Replace(s, "").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\[?\d{1,4}\]?$")]
    private static partial Regex PageNumber();
}

public sealed record ListItem(string Title, Uri Url, DateOnly? Date);
