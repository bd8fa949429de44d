using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace GovSite.Monitoring;

/// <summary>
/// What the checker reads from one HTML page. Layout-agnostic: it leans on what government
/// sites have in common (a navigation bar, list blocks with "更多", dated list items, a footer
/// with the registration numbers), not on any one CMS's markup. Every method copes with any
/// input: missing text, missing attributes, truncated or nonsensical HTML.
/// </summary>
public sealed partial class PageReader
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public IHtmlDocument Document { get; }
    public Uri Url { get; }

    /// <summary>
    /// What the page's relative links resolve against: its own address, or the first
    /// &lt;base href&gt; (platform sub-sites write every link relative to it).
    /// </summary>
    public Uri BaseUrl { get; }

    public PageReader(string html, Uri url)
    {
        Document = Parser.ParseDocument(Prepare(html));
        Url = url;
        BaseUrl = BaseOf(url, Document.QuerySelector("base[href]")?.GetAttribute("href"));
    }

    /// <summary>The address relative links of a page resolve against, given its first &lt;base href&gt; (if any), as browsers do.</summary>
    public static Uri BaseOf(Uri url, string? baseHref)
    {
        if (string.IsNullOrWhiteSpace(baseHref) || baseHref.Length > 2048)
        {
            return url;
        }
        try
        {
            return Uri.TryCreate(url, baseHref.Trim(), out var b) && (b.Scheme == Uri.UriSchemeHttp || b.Scheme == Uri.UriSchemeHttps) && b.Host.Length > 0 ? b : url;
        }
        catch (UriFormatException)
        {
            return url;
        }
    }

    /// <summary>
    /// 大汉 JCMS writes a column's list as XML inside a script (a datastore of CDATA records that
    /// its script turns into list items): the records are put where the script stood, so the list
    /// reads like any other. Both readers (this and <see cref="PageScan"/>) see the same page.
    /// </summary>
    public static string Prepare(string html)
    {
        if (html.IndexOf("<datastore", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return html;
        }
        return DataStoreScript().Replace(html, m =>
        {
            var sb = new StringBuilder("<ul class=\"datastore\">");
            foreach (Match record in CData().Matches(m.Groups[1].Value))
            {
                sb.Append(record.Groups[1].Value);
            }
            return sb.Append("</ul>").ToString();
        });
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
        foreach (var e in Document.QuerySelectorAll("a[href], area[href], img[src], link[href], script[src], iframe[src], frame[src]"))
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

    public Uri? Resolve(string? raw) => Resolve(BaseUrl, raw);

    /// <summary>
    /// The alt texts of the page's images (and image-map areas), trimmed, in document order: what a
    /// visitor reads on a banner or an image link, so misspellings are looked for there too.
    /// </summary>
    public List<string> AltTexts()
    {
        var alts = new List<string>();
        foreach (var e in Document.QuerySelectorAll("img[alt], area[alt]"))
        {
            var alt = (e.GetAttribute("alt") ?? "").Trim();
            if (alt.Length > 0)
            {
                alts.Add(alt);
            }
        }
        return alts;
    }

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
            || raw.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || raw.Length > 2048)
        {
            return null;
        }
        try
        {
            if (!Uri.TryCreate(baseUrl, raw, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host))
            {
                return null;
            }
            return Normalise(uri);
        }
        catch (UriFormatException)
        {
            // Uri refuses some addresses it first accepted (odd ports, IDN labels): not a link we can follow.
            return null;
        }
    }

    public static Uri Normalise(Uri uri) => uri.Fragment.Length > 0 ? new UriBuilder(uri) { Fragment = "" }.Uri : uri;

    /// <summary>
    /// Where a page that only forwards the visitor sends them: a meta refresh, a script that sets
    /// the location, or the main frame of a frameset. Many government homepages are such a page.
    /// </summary>
    public Uri? Forward()
    {
        if (Document.QuerySelector("meta[http-equiv='refresh' i]")?.GetAttribute("content") is { } refresh
            && RefreshTarget().Match(refresh) is { Success: true } r && Resolve(r.Groups[1].Value.Trim('\'', '"', ' ')) is { } to)
        {
            return to;
        }
        var body = Document.Body;
        var frames = Document.QuerySelectorAll("frame[src], iframe[src]");
        var text = body is null ? 0 : Clean(Text(withChrome: true)).Length;
        var links = Document.QuerySelectorAll("a[href]").Length;
        if (Document.QuerySelector("frameset") is not null || (frames.Length > 0 && links < 3 && text < 50))
        {
            // The frame with the biggest share of the window is the content; else the first.
            var main = frames.OrderByDescending(f => (f.GetAttribute("name") ?? "").Contains("main", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
            if (main is not null && Resolve(main.GetAttribute("src")) is { } frame)
            {
                return frame;
            }
        }
        if (links < 3 && text < 50)
        {
            foreach (var script in Document.QuerySelectorAll("script:not([src])"))
            {
                if (ScriptLocation().Match(script.TextContent) is { Success: true } m && Resolve(m.Groups[1].Value) is { } target)
                {
                    return target;
                }
            }
        }
        return null;
    }

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
            AppendText(Document.Body, withChrome, nodes, 0);
        }
        return nodes;
    }

    // A walk that skips whole subtrees: matching a selector per text node costs more than the parse.
    // Depth-limited so a hostile page of a million nested elements cannot exhaust the stack.
    private static void AppendText(INode node, bool withChrome, List<string> nodes, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }
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
                AppendText(e, withChrome, nodes, depth + 1);
            }
        }
    }

    private const int MaxDepth = 400;

    private static bool IsScript(IElement e) => e.LocalName is "script" or "style" or "noscript" or "template";

    private static readonly string[] ChromeNames = ["header", "footer", "nav", "menu", "breadcrumb", "crumb", "position", "pager", "pagination"];

    // Parts of class and id names that mark the frame of a page (navigation, location, pager,
    // footer) in the markup of the common content systems: nav, menu, 导航 (dh), 当前位置 (dqwz).
    private static readonly string[] ChromeParts = ["nav", "menu", "crumb", "position", "location", "pager", "pagination", "footer", "header", "foot", "daohang", "dqwz", "weizhi", "sidebar", "sub-nav", "subnav", "leftnav", "tree"];

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

    /// <summary>A wider test than <see cref="IsChrome"/>: any part of a class or id that names navigation, location, pager or footer.</summary>
    private static bool IsFrame(IElement e)
    {
        if (IsChrome(e))
        {
            return true;
        }
        var names = (e.GetAttribute("class") ?? "") + " " + (e.Id ?? "");
        if (names.Length < 2)
        {
            return false;
        }
        foreach (var part in ChromeParts)
        {
            if (names.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                // "page" is a list's pager, but also "page-content", "mainpage": only pager words count.
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

    private static bool InFrame(IElement e)
    {
        for (var x = e; x is not null; x = x.ParentElement)
        {
            if (IsFrame(x))
            {
                return true;
            }
        }
        return false;
    }

    private static bool InHeader(IElement e)
    {
        for (var x = e; x is not null; x = x.ParentElement)
        {
            if (x.LocalName == "header")
            {
                return true;
            }
            foreach (var c in x.ClassList)
            {
                if (c is "header" or "head" or "top" or "topbar" or "top-bar" or "site-header" or "tools" or "toolbar")
                {
                    return true;
                }
            }
            if (x.Id is "header" or "head" or "top" or "topbar")
            {
                return true;
            }
        }
        return false;
    }

    private static bool InFooter(IElement e)
    {
        for (var x = e; x is not null; x = x.ParentElement)
        {
            if (x.LocalName == "footer")
            {
                return true;
            }
            var names = (x.GetAttribute("class") ?? "") + " " + (x.Id ?? "");
            if (names.Contains("foot", StringComparison.OrdinalIgnoreCase) || names.Contains("bottom", StringComparison.OrdinalIgnoreCase)
                || names.Contains("copyright", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The visible name of a link: its text, else its title or its image's alt text.</summary>
    public static string NameOf(IElement a)
    {
        var name = Clean(a.TextContent);
        if (name.Length == 0)
        {
            name = Clean(a.GetAttribute("title") ?? "");
        }
        if (name.Length == 0)
        {
            name = Clean(a.QuerySelector("img[alt]")?.GetAttribute("alt") ?? "");
        }
        return name;
    }

    /// <summary>An element's text followed by its images' alt texts (a status or a label drawn as an image).</summary>
    public static string TextWithAlts(IElement e)
    {
        var text = e.TextContent;
        foreach (var img in e.QuerySelectorAll("img[alt]"))
        {
            text += " " + img.GetAttribute("alt");
        }
        return text;
    }

    /// <summary>Columns the homepage offers: navigation entries, block headings and their "更多" links.</summary>
    public List<(string Name, Uri Url)> ColumnLinks()
    {
        var found = new List<(string, Uri)>();
        var navigation = NavigationLinks();
        foreach (var a in navigation)
        {
            // Old templates draw the navigation as images: the column's name is then the alt text.
            Add(found, NameOf(a), a.GetAttribute("href"));
        }
        foreach (var (name, href) in BlockHeadings())
        {
            Add(found, name, href);
        }
        return found;

        void Add(List<(string, Uri)> list, string name, string? href)
        {
            if (name.Length is < 2 or > 16 || name is "首页" or "网站首页" or "返回首页" or "主页" || Resolve(href) is not { } uri)
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

    /// <summary>
    /// The links of the main navigation: elements named as navigation or menus (nav, .nav, #menu,
    /// .dh …) outside the footer; on pages without such names (table-built sites), the first row
    /// of four or more short links.
    /// </summary>
    public List<IElement> NavigationLinks()
    {
        var links = new List<IElement>();
        var seen = new HashSet<IElement>();
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            if (InFooter(a) || !InNavigation(a))
            {
                continue;
            }
            var text = NameOf(a);
            if (text.Length is >= 2 and <= 16 && seen.Add(a))
            {
                links.Add(a);
            }
        }
        if (links.Count >= 3)
        {
            return links;
        }
        // No named navigation: the first container holding a row of short links.
        foreach (var group in Document.QuerySelectorAll("a[href]")
            .Where(a => NameOf(a).Length is >= 2 and <= 8 && !InFooter(a))
            .GroupBy(RowOf))
        {
            var row = group.ToList();
            if (row.Count >= 4 && row.All(a => DateFinder.First(a.ParentElement?.TextContent ?? "", DateOnly.MaxValue) is null))
            {
                return [.. links.Concat(row).Distinct()];
            }
        }
        return links;
    }

    /// <summary>
    /// The container of a link's row: its list, paragraph or cell, or the table row when the cell
    /// holds this link alone (table templates put each navigation image in a cell of its own).
    /// </summary>
    private static IElement? RowOf(IElement a)
    {
        var box = a.Closest("tr,ul,ol,p,div,td") ?? a.ParentElement;
        if (box is { LocalName: "td" } && box.QuerySelectorAll("a[href]").Length == 1 && box.ParentElement is { LocalName: "tr" } tr)
        {
            return tr;
        }
        return box;
    }

    private static bool InNavigation(IElement a)
    {
        for (var x = a.ParentElement; x is not null; x = x.ParentElement)
        {
            if (x.LocalName == "nav")
            {
                return true;
            }
            var names = (x.GetAttribute("class") ?? "") + " " + (x.Id ?? "");
            if (names.Length < 2)
            {
                continue;
            }
            foreach (var token in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var t = token.ToLowerInvariant();
                if (t.Contains("nav", StringComparison.Ordinal) || t.Contains("menu", StringComparison.Ordinal) || t is "dh" or "daohang"
                    || t.StartsWith("dh_", StringComparison.Ordinal) || t.StartsWith("dh-", StringComparison.Ordinal) || t.EndsWith("_dh", StringComparison.Ordinal)
                    || t.Contains("daohang", StringComparison.Ordinal) || t.Contains("lanmu", StringComparison.Ordinal) || t is "channel" or "channels")
                {
                    // A breadcrumb or pager that calls itself "…nav…" is not the site's navigation.
                    return !(t.Contains("crumb", StringComparison.Ordinal) || t.Contains("page", StringComparison.Ordinal)
                        || t.Contains("position", StringComparison.Ordinal) || t.Contains("location", StringComparison.Ordinal));
                }
            }
        }
        return false;
    }

    /// <summary>Blocks of a page: a heading (or its link) with a "更多" link or a list under it.</summary>
    private IEnumerable<(string Name, string? Href)> BlockHeadings()
    {
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            var text = Clean(a.TextContent);
            if (!IsMore(text, a))
            {
                continue;
            }
            var block = a.ParentElement;
            for (var depth = 0; block is not null && depth < 4; depth++, block = block.ParentElement)
            {
                var heading = block.QuerySelector("h1,h2,h3,h4,h5,.title,.tit,.hd,.block-title,.column-title,[class*='title' i],[class*='tit' i]");
                if (heading is not null)
                {
                    var name = Clean(heading.TextContent);
                    if (text.Length > 0 && name.Contains(text, StringComparison.Ordinal))
                    {
                        name = Clean(name.Replace(text, "", StringComparison.Ordinal));
                    }
                    yield return (name, a.GetAttribute("href"));
                    break;
                }
            }
        }
        foreach (var a in Document.QuerySelectorAll("h2 a[href], h3 a[href], h4 a[href], .title a[href], .tit a[href]"))
        {
            if (a.Closest("li,tr,article") is null && !InFooter(a))
            {
                yield return (Clean(a.TextContent), a.GetAttribute("href"));
            }
        }
    }

    /// <summary>Every link of the page with its text (or its image's alt text), wherever it sits.</summary>
    public List<(string Name, Uri Url)> NamedLinks() => NamedLinks(outsideHeader: false);

    /// <summary>
    /// The links of the page, optionally leaving out its header bar: the utility links a region's
    /// site template puts there (网上办事大厅, 无障碍, 登录) are the template's, not what this site offers.
    /// </summary>
    public List<(string Name, Uri Url)> NamedLinks(bool outsideHeader)
    {
        var found = new List<(string, Uri)>();
        foreach (var a in Document.QuerySelectorAll("a[href], area[href]"))
        {
            if (outsideHeader && InHeader(a))
            {
                continue;
            }
            var name = NameOf(a);
            if (name.Length > 0 && Resolve(a.GetAttribute("href")) is { } uri)
            {
                found.Add((name, uri));
            }
        }
        return found;
    }

    /// <summary>
    /// Sub-columns a column page offers: its side navigation, and on an index page (政府信息公开,
    /// a section front) the headings of its blocks.
    /// </summary>
    public List<(string Name, Uri Url)> SubColumnLinks()
    {
        var found = new List<(string, Uri)>();
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            if (InFooter(a) || !InSideNavigation(a))
            {
                continue;
            }
            var name = Clean(a.TextContent);
            if (name.Length is >= 2 and <= 16 && Resolve(a.GetAttribute("href")) is { } uri)
            {
                found.Add((name, uri));
            }
        }
        foreach (var (name, href) in BlockHeadings())
        {
            if (name.Length is >= 2 and <= 16 && Resolve(href) is { } uri)
            {
                found.Add((name, uri));
            }
        }
        return found;
    }

    /// <summary>
    /// The entries of a section front (政府信息公开, 政民互动): short names in the page's own lists,
    /// with no date beside them or in their address. Each is a sub-column, not an article.
    /// </summary>
    public List<(string Name, Uri Url)> HubLinks(DateOnly asOf)
    {
        var found = new List<(string, Uri)>();
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            var name = Clean(a.TextContent);
            if (name.Length is < 2 or > 16 || IsPagerText(name) || InFrame(a) || InFooter(a) || Resolve(a.GetAttribute("href")) is not { } uri
                || DateFinder.FromUrl(uri) is not null)
            {
                continue;
            }
            var entry = a.Closest("li,td,dd,dt,p,h2,h3,h4") ?? a.ParentElement;
            if (entry is null || DateOf(entry, a, asOf, YearBefore(a)) is not null)
            {
                continue;
            }
            found.Add((name, uri));
        }
        return found;
    }

    private static bool InSideNavigation(IElement a)
    {
        for (var x = a.ParentElement; x is not null; x = x.ParentElement)
        {
            if (x.LocalName == "aside")
            {
                return true;
            }
            var names = ((x.GetAttribute("class") ?? "") + " " + (x.Id ?? "")).ToLowerInvariant();
            if (names.Length < 2)
            {
                continue;
            }
            if (names.Contains("crumb", StringComparison.Ordinal) || names.Contains("position", StringComparison.Ordinal) || names.Contains("pag", StringComparison.Ordinal))
            {
                return false;
            }
            if (names.Contains("sub", StringComparison.Ordinal) || names.Contains("side", StringComparison.Ordinal) || names.Contains("left", StringComparison.Ordinal)
                || names.Contains("tree", StringComparison.Ordinal) || names.Contains("column-nav", StringComparison.Ordinal) || names.Contains("lanmu", StringComparison.Ordinal)
                || names.Contains("catalog", StringComparison.Ordinal) || names.Contains("gkml", StringComparison.Ordinal) || names.Contains("menu", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsMore(string text, IElement a) =>
        text.Contains("更多", StringComparison.Ordinal) || text.StartsWith("more", StringComparison.OrdinalIgnoreCase)
        || text is ">>" or "»" or "+" or "+更多" or "MORE" || (a.ClassName ?? "").Contains("more", StringComparison.OrdinalIgnoreCase)
        || (text.Length == 0 && (a.QuerySelector("img")?.GetAttribute("src") ?? "").Contains("more", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The entries of a list page (column page), outside the page frame: dated entries always;
    /// undated ones when they stand in a list (li, tr, dd) with a title at least
    /// <paramref name="minUndatedTitle"/> long. A date comes from the entry, else from the address.
    /// </summary>
    public List<ListItem> ListItems(DateOnly asOf, int minUndatedTitle = 6)
    {
        var items = new List<ListItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            var title = NameOf(a);
            if (IsPagerText(title) || Resolve(a.GetAttribute("href")) is not { } uri || InChrome(a))
            {
                continue;
            }
            var entry = a.Closest("li,tr,dd,dt,article,.item,.list-item") ?? a.ParentElement;
            if (entry is null || entry.QuerySelectorAll("a[href]").Length > 3)
            {
                continue;
            }
            var year = YearBefore(a);
            var date = DateOf(entry, a, asOf, year) ?? DateAround(entry, a, asOf, year) ?? DateFinder.FromUrl(uri);
            if (date is null && (entry.LocalName is not ("li" or "tr" or "dd" or "dt" or "article") || InFrame(a)
                || (title.Length < minUndatedTitle && a.QuerySelector("img") is null)))
            {
                continue;
            }
            if (!seen.Add(uri.AbsoluteUri))
            {
                continue;
            }
            items.Add(new ListItem(title, uri, date));
        }
        return items;
    }

    private Dictionary<IElement, int>? _yearBefore;
    private int? _urlYear;

    /// <summary>
    /// The year a list entry stands under, for dates written without one (11月03日): the nearest
    /// year heading before it in the page (2026年, not a link: year selectors are links), else a
    /// year in the page's own address (/2025/); null when the page gives none.
    /// </summary>
    private int? YearBefore(IElement link)
    {
        if (_yearBefore is null)
        {
            _yearBefore = [];
            int? current = null;
            if (Document.Body is not null)
            {
                Walk(Document.Body, 0);
            }
            _urlYear = UrlYear().Match(Url.PathAndQuery) is { Success: true } m
                ? int.Parse((m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
                : null;

            void Walk(INode node, int depth)
            {
                if (depth > MaxDepth)
                {
                    return;
                }
                foreach (var child in node.ChildNodes)
                {
                    if (child is IText text)
                    {
                        // Year selectors are links or options and say nothing of the list; a year in the
                        // breadcrumb (首页 > 2025年 > 工作动态) is the list's own, link or not.
                        if (DateFinder.YearHeading(text.Data) is { } y && text.ParentElement is { } parent
                            && (parent.Closest("a,option,select") is null || InBreadcrumb(parent)))
                        {
                            current = y;
                        }
                    }
                    else if (child is IElement e && !IsScript(e))
                    {
                        if (current is { } year && e.LocalName == "a")
                        {
                            _yearBefore[e] = year;
                        }
                        Walk(e, depth + 1);
                    }
                }
            }
        }
        return _yearBefore.TryGetValue(link, out var found) ? found : _urlYear;
    }

    private static bool InBreadcrumb(IElement e)
    {
        for (var x = e; x is not null; x = x.ParentElement)
        {
            var names = ((x.GetAttribute("class") ?? "") + " " + (x.Id ?? "")).ToLowerInvariant();
            if (names.Contains("crumb", StringComparison.Ordinal) || names.Contains("position", StringComparison.Ordinal)
                || names.Contains("location", StringComparison.Ordinal) || names.Contains("dqwz", StringComparison.Ordinal) || names.Contains("weizhi", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A date beside the entry rather than in it: `&lt;dl&gt;&lt;dt&gt;&lt;a&gt;…&lt;/dt&gt;&lt;dd&gt;2026年11月3日&lt;/dd&gt;&lt;/dl&gt;` or a
    /// title cell and a date cell wrapped together. The enclosing elements are read while they hold no other link.
    /// </summary>
    private static DateOnly? DateAround(IElement entry, IElement link, DateOnly asOf, int? year)
    {
        var x = entry.ParentElement;
        for (var depth = 0; x is not null && depth < 2; depth++, x = x.ParentElement)
        {
            if (x.LocalName is "body" or "html" || x.QuerySelectorAll("a[href]").Length > 1)
            {
                return null;
            }
            if (DateOf(x, link, asOf, year) is { } d)
            {
                return d;
            }
        }
        return null;
    }

    private static DateOnly? DateOf(IElement entry, IElement link, DateOnly asOf, int? year)
    {
        if (entry.QuerySelector("time[datetime]") is { } time && DateFinder.FromAttribute(time.GetAttribute("datetime")) is { } fromAttr)
        {
            return fromAttr;
        }
        // Dates outside the title first: a title like "2025年工作要点" must not date the item.
        foreach (var e in entry.QuerySelectorAll("span,td,em,i,time,div,p,font,b,small,label,dd"))
        {
            if (e.Contains(link) || link.Contains(e))
            {
                continue;
            }
            if (DateFinder.InEntry(e.TextContent.Trim(), asOf, year) is { } d)
            {
                return d;
            }
        }
        // Text of the entry outside the link (the link may have no text at all: an icon).
        var rest = new StringBuilder();
        foreach (var node in entry.ChildNodes)
        {
            if (node is IText t)
            {
                rest.Append(t.Data).Append(' ');
            }
            else if (node is IElement e && !e.Contains(link) && !IsScript(e))
            {
                rest.Append(e.TextContent).Append(' ');
            }
        }
        return DateFinder.InEntry(rest.ToString(), asOf, year);
    }

    /// <summary>
    /// The "next page" link of a paginated list, if any: a 下一页 or rel=next link (or one that calls
    /// a script such as goPage(2) that submits the page's pager form), the pagers TRS WCM writes in
    /// script, or the numbered link after the current page's number.
    /// </summary>
    public Uri? NextPage()
    {
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            var text = Clean(a.TextContent);
            if ((a.GetAttribute("rel") ?? "").Contains("next", StringComparison.OrdinalIgnoreCase)
                || text is "下一页" or "下页" or "后页" or "下一页>" or "下一页»" or "下一页>>" or ">" or "›" or "»" or "next" or "Next" or "next»" or "[下一页]")
            {
                var href = a.GetAttribute("href");
                if (Resolve(href) is { } uri && uri.AbsoluteUri != Url.AbsoluteUri)
                {
                    return uri;
                }
                if (href is not null && ScriptPageCall().Match(href) is { Success: true } call && FormPage(call.Groups[1].Value) is { } submitted)
                {
                    return submitted;
                }
            }
        }
        foreach (var script in Document.QuerySelectorAll("script:not([src])"))
        {
            if (ScriptPager(script.TextContent) is { } next)
            {
                return next;
            }
        }
        return NumberedNext();
    }

    /// <summary>
    /// The address a pager form (a GET form with a page field, submitted by a script such as
    /// goPage(n)) asks for page <paramref name="page"/>: its action with every field's value.
    /// </summary>
    private Uri? FormPage(string page)
    {
        foreach (var form in Document.QuerySelectorAll("form"))
        {
            if (!string.Equals(form.GetAttribute("method") ?? "get", "get", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var fields = form.QuerySelectorAll("input[name]")
                .Where(i => (i.GetAttribute("type") ?? "text").ToLowerInvariant() is "hidden" or "text" or "number")
                .Select(i => (Name: i.GetAttribute("name")!, Value: i.GetAttribute("value") ?? ""))
                .ToList();
            var at = fields.FindIndex(f => PageField().IsMatch(f.Name));
            if (at < 0)
            {
                continue;
            }
            fields[at] = (fields[at].Name, page);
            var action = (form.GetAttribute("action") ?? "").Split('?')[0];
            var query = string.Join("&", fields.Take(50).Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value.Length > 200 ? f.Value[..200] : f.Value)));
            try
            {
                if (Resolve(action.Length == 0 ? Url.AbsolutePath : action) is { } target && Resolve(new UriBuilder(target) { Query = query }.Uri.AbsoluteUri) is { } uri
                    && uri.AbsoluteUri != Url.AbsoluteUri)
                {
                    return uri;
                }
            }
            catch (UriFormatException)
            {
                // An action Uri accepts but cannot rebuild with a query: no page to ask for.
            }
        }
        return null;
    }

    /// <summary>
    /// A numbered pager (1 2 3, [1] [2]): the link numbered one after the current page, which is
    /// the number shown without a link (bold, coloured, a span) or, when none is marked, page 1.
    /// </summary>
    private Uri? NumberedNext()
    {
        var numbered = Document.QuerySelectorAll("a[href]")
            .Where(a => PageNumber().IsMatch(Clean(a.TextContent)) && !InFooter(a))
            .GroupBy(a => a.ParentElement is { LocalName: "li" } li ? li.ParentElement : a.ParentElement);
        foreach (var group in numbered)
        {
            if (group.Key is not { } pager)
            {
                continue;
            }
            var links = new Dictionary<int, IElement>();
            foreach (var a in group)
            {
                links.TryAdd(Number(Clean(a.TextContent)), a);
            }
            int? current = null;
            foreach (var e in pager.QuerySelectorAll("*"))
            {
                // The current page's number: a leaf element (b, span, font) outside any link.
                if (e.ChildElementCount == 0 && e.LocalName != "a" && PageNumber().IsMatch(Clean(e.TextContent)) && e.Closest("a") is null)
                {
                    current = Number(Clean(e.TextContent));
                    break;
                }
            }
            if (current is null)
            {
                foreach (var node in pager.ChildNodes.OfType<IText>())
                {
                    foreach (var token in node.Data.Split([' ', '\u00a0', '\u3000', '\n', '\t', '|'], StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (PageNumber().IsMatch(token) && token.StartsWith('['))
                        {
                            current ??= Number(token);
                        }
                    }
                }
            }
            if (current is null && !links.ContainsKey(1) && links.ContainsKey(2))
            {
                current = 1;
            }
            if (current is { } c && links.TryGetValue(c + 1, out var next) && Resolve(next.GetAttribute("href")) is { } uri && uri.AbsoluteUri != Url.AbsoluteUri)
            {
                return uri;
            }
        }
        return null;

        static int Number(string text) => int.TryParse(text.Trim('[', ']'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>
    /// TRS WCM's pager: createPageHTML([div,] countPage, currentPage, "index", "html") or the
    /// variables countPage/currentPage; page n (from 0) is index.html, then index_1.html, ….
    /// </summary>
    private Uri? ScriptPager(string script)
    {
        int count, current;
        string prefix = "index", suffix = "html";
        if (CreatePageHtml().Match(script) is { Success: true } call)
        {
            var args = call.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries);
            var numbers = args.Where(x => int.TryParse(x, out _)).Select(int.Parse).ToList();
            var strings = args.Where(x => x.Length >= 2 && x[0] is '"' or '\'').Select(x => x.Trim('"', '\'')).ToList();
            if (numbers.Count < 2)
            {
                return null;
            }
            (count, current) = (numbers[0], numbers[1]);
            if (strings.Count >= 2)
            {
                (prefix, suffix) = (strings[^2], strings[^1]);
            }
        }
        else if (CountPage().Match(script) is { Success: true } c && CurrentPage().Match(script) is { Success: true } p)
        {
            count = int.Parse(c.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            current = int.Parse(p.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            return null;
        }
        if (current + 1 >= count || count > 10_000 || prefix.Length is 0 or > 40 || suffix.Length is 0 or > 10)
        {
            return null;
        }
        return Resolve($"{prefix}_{current + 1}.{suffix}");
    }

    private static bool IsPagerText(string text) => text is "首页" or "尾页" or "末页" or "上一页" or "下一页" or "上页" or "下页" or "›" or "‹" or "»" or "«"
        or "[首页]" or "[尾页]" or "[上一页]" or "[下一页]" || PageNumber().IsMatch(text);

    /// <summary>
    /// Dates the markup carries outside the text: time elements and the dates content systems
    /// put into the addresses of the entries it links to (not in the footer).
    /// </summary>
    public IEnumerable<DateOnly> MarkupDates()
    {
        foreach (var time in Document.QuerySelectorAll("time[datetime]"))
        {
            if (!InFooter(time) && DateFinder.FromAttribute(time.GetAttribute("datetime")) is { } d)
            {
                yield return d;
            }
        }
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            if (Resolve(a.GetAttribute("href")) is { } uri && DateFinder.FromUrl(uri) is { } d && !InFooter(a))
            {
                yield return d;
            }
        }
    }

    /// <summary>
    /// The publication date an article page states: the PubDate meta tag, a labelled time
    /// (发布时间, 发布日期, 成文日期 …), a time element, or else the first date in its content.
    /// </summary>
    public DateOnly? PublishedOn(DateOnly asOf)
    {
        foreach (var name in (string[])["PubDate", "publishdate", "pubdate", "firstpublishedtime", "others"])
        {
            if (DateFinder.FromAttribute(Meta(name)) is { } d)
            {
                return d;
            }
        }
        var text = Text(withChrome: false);
        if (PublishedLabel().Match(text) is { Success: true } m && DateFinder.First(m.Groups[1].Value, asOf) is { } labelled)
        {
            return labelled;
        }
        if (Document.QuerySelector("time[datetime]") is { } time && DateFinder.FromAttribute(time.GetAttribute("datetime")) is { } t)
        {
            return t;
        }
        return DateFinder.First(text, asOf);
    }

    /// <summary>
    /// The page's own prose: text outside links, the page frame and anything the homepage also
    /// shows (header and footer that no markup names), without white space. A list page without
    /// entries has almost none; a single page (机构概况, 联系我们) has some.
    /// </summary>
    public int OwnText(IReadOnlySet<string> boilerplate, string? columnName = null)
    {
        var total = 0;
        if (Document.Body is not null)
        {
            Count(Document.Body, 0);
        }
        return total;

        void Count(INode node, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    var value = Clean(text.Data);
                    if (value.Length > 0 && !boilerplate.Contains(value) && value != columnName && !IsPlaceholder(value))
                    {
                        total += value.Length;
                    }
                }
                else if (child is IElement e && e.LocalName is not ("a" or "button" or "select" or "option" or "label" or "h1" or "h2" or "input")
                    && !IsFrame(e) && !IsScript(e) && !(e.LocalName is "form" && e.QuerySelector("textarea") is null))
                {
                    Count(e, depth + 1);
                }
            }
        }
    }

    private static bool IsPlaceholder(string value) => value is "当前位置：" or "当前位置:" or "您现在的位置：" or "您的位置：" or "位置：" or ">" or "»" or "›" or "/" or "|"
        || value.StartsWith('共') && value.Length < 16 && (value.Contains('条') || value.Contains('页'));

    /// <summary>The documents the page embeds in frames and iframes, resolved, in document order.</summary>
    public List<Uri> FrameSources()
    {
        var found = new List<Uri>();
        foreach (var f in Document.QuerySelectorAll("iframe[src], frame[src]"))
        {
            if (Resolve(f.GetAttribute("src")) is { } uri && uri.AbsoluteUri != Url.AbsoluteUri)
            {
                found.Add(uri);
            }
        }
        return found;
    }

    /// <summary>大汉 JCMS's list data (a datastore, see <see cref="Prepare"/>) is on the page and holds no entry.</summary>
    public bool HasEmptyDataStore()
    {
        var stores = Document.QuerySelectorAll("ul.datastore");
        return stores.Length > 0 && stores.All(d => d.QuerySelector("a[href]") is null);
    }

    /// <summary>
    /// The page leads on to other pages of the site from its own content (a catalogue tree, a list
    /// of sub-columns) or searches them (a search form): an entry page, not a list.
    /// </summary>
    public bool LeadsOn()
    {
        if (Document.QuerySelectorAll("form").Any(f => !InHeader(f) && !InFooter(f)
                && f.QuerySelector("input:not([type]), input[type='text' i], input[type='search' i]") is not null))
        {
            return true;
        }
        var pages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            if (InFooter(a) || InHeader(a) || InNavigation(a) || Resolve(a.GetAttribute("href")) is not { } uri)
            {
                continue;
            }
            if (uri.Authority == Url.Authority && uri.AbsolutePath != Url.AbsolutePath && NameOf(a).Length >= 2)
            {
                pages.Add(uri.AbsoluteUri);
            }
        }
        return pages.Count >= 2;
    }

    /// <summary>The page says its list has nothing in it (暂无信息, 暂无数据, 没有相关信息 …).</summary>
    public bool SaysNothing()
    {
        var text = Clean(Text(withChrome: false));
        return NothingHere().IsMatch(text);
    }

    /// <summary>A form a person writes into (a letter, an application, a comment): a textarea, or several text fields.</summary>
    public bool HasWritingForm()
    {
        foreach (var form in Document.QuerySelectorAll("form"))
        {
            if (form.QuerySelector("textarea") is not null)
            {
                return true;
            }
            var fields = form.QuerySelectorAll("input:not([type]), input[type='text' i], input[type='tel' i], input[type='email' i]").Length;
            if (fields >= 2)
            {
                return true;
            }
        }
        return Document.QuerySelector("textarea") is not null;
    }

    /// <summary>A page where a person writes to the government: a writing form, or links to one (我要写信, 在线留言 …).</summary>
    public bool OffersWriting()
    {
        if (HasWritingForm())
        {
            return true;
        }
        foreach (var a in Document.QuerySelectorAll("a[href]"))
        {
            if (InFrame(a) || InFooter(a) || InHeader(a))
            {
                continue;
            }
            var text = Clean(a.TextContent);
            var href = a.GetAttribute("href") ?? "";
            if ((text.Length <= 10 && WritingLink().IsMatch(text)) || WritingAddress().IsMatch(href))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The footer's text and links, or the page's last part when it has no footer element.</summary>
    public (string Text, List<IElement> Links) Footer()
    {
        var footer = Document.QuerySelector("footer, #footer, .footer, .site-footer, .foot, #foot, .bottom, #bottom, [class*='footer' i], [id*='footer' i], [class*='foot' i], [id*='foot' i]");
        var links = new List<IElement>();
        var text = "";
        if (footer is not null)
        {
            text = footer.TextContent;
            links = [.. footer.QuerySelectorAll("a")];
        }
        // The registration numbers and the 找错 entry sometimes sit below or beside the footer
        // element: the page's last third is read as well.
        var all = Text(withChrome: true);
        var allLinks = Document.QuerySelectorAll("a").ToList();
        text += "\n" + all[Math.Max(0, all.Length * 2 / 3)..];
        links.AddRange(allLinks.Skip(allLinks.Count * 2 / 3));
        return (text, links);
    }

    /// <summary>Scripts the page loads, by address (the national 找错 entry is one).</summary>
    public IEnumerable<string> ScriptSources() =>
        Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src") ?? "").Where(s => s.Length > 0);

    public static string Clean(string s) => Spaces().Replace(s, "").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"写信|我要(留言|咨询|投诉|建议|提问|反映)|在线(留言|咨询|提问)|提交(留言|申请)")]
    private static partial Regex WritingLink();

    // Addresses of writing forms in the common systems: …/write, xiexin, addmail, liuyan/add, #write.
    [GeneratedRegex(@"/write\b|[?&#]write\b|xiexin|addmail|add_?letter|liuyan/add|/ask\b", RegexOptions.IgnoreCase)]
    private static partial Regex WritingAddress();

    [GeneratedRegex(@"^\[?\d{1,4}\]?$")]
    private static partial Regex PageNumber();

    // A year folder (/2025/) or a year parameter (?year=2025) of the list's own address.
    [GeneratedRegex(@"/((?:199|20[0-9])[0-9])/|[?&](?:year|nian|nd)=((?:199|20[0-9])[0-9])(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex UrlYear();

    [GeneratedRegex(@"^\s*javascript\s*:\s*[A-Za-z_$][\w$.]{0,40}\(\s*['""]?(\d{1,5})['""]?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPageCall();

    [GeneratedRegex(@"^(page|pageno|page_no|pagenum|pagenumber|pageindex|curpage|currentpage|cpage|pn|p)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageField();

    [GeneratedRegex(@"<script[^>]*type\s*=\s*[""']?text/xml[""']?[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase, 2000)]
    private static partial Regex DataStoreScript();

    [GeneratedRegex(@"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", RegexOptions.Singleline | RegexOptions.IgnoreCase, 2000)]
    private static partial Regex CData();

    [GeneratedRegex(@"url\s*=\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RefreshTarget();

    [GeneratedRegex(@"(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*[""']([^""']{1,500})[""']")]
    private static partial Regex ScriptLocation();

    [GeneratedRegex(@"createPageHTML\s*\(([^)]{1,200})\)")]
    private static partial Regex CreatePageHtml();

    [GeneratedRegex(@"countPage\s*=\s*(\d{1,5})")]
    private static partial Regex CountPage();

    [GeneratedRegex(@"currentPage\s*=\s*(\d{1,5})")]
    private static partial Regex CurrentPage();

    [GeneratedRegex(@"(?:发布时间|发布日期|发文日期|成文日期|公开日期|更新时间|信息时间|日期|时间)\s*[：:]\s*([^\n]{6,30})")]
    private static partial Regex PublishedLabel();

    [GeneratedRegex(@"暂无(相关)?(信息|数据|内容|记录|文章|公告|文件|稿件|留言|信件|专题)|无记录|没有(相关|任何)?(信息|数据|内容|记录)|无相关(信息|数据|内容|记录)|(信息|内容|数据)为空|尚无(信息|内容|数据)|暂无$|共0(条|篇|项|件|个)")]
    private static partial Regex NothingHere();
}

public sealed record ListItem(string Title, Uri Url, DateOnly? Date);
