using System.Text;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// A department's sub-site on a city's site platform (/bm/tjj/): every link is relative to the
/// page it is on (../../../index.html from a document), lists are dl/dt/dd or div/span with
/// 2026年11月3日 dates, a 返回 link leads up out of the sub-site, interact letters carry class
/// and text statuses, guides are &lt;dl&gt;.
/// </summary>
public sealed class DlListLayout(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf) : Farm3Renderer(site, host, ext, asOf)
{
    private string Dir(Column3 column) => column.InDisclosure ? P + $"xxgk/{column.Key}/" : P + column.Key + "/";

    protected override string ColumnPath(Column3 column, int page) => column.Kind switch
    {
        ColumnKind3.CatalogueEntry => P + "xxgk/index.html",
        ColumnKind3.SiteMap => P + "sitemap.html",
        ColumnKind3.Letters => LetterListPath(1),
        ColumnKind3.Guides => P + "bsfw/index.html",
        _ => page == 1 ? Dir(column) + "index.html" : Dir(column) + $"index_{page}.html",
    };

    protected override string ItemPath(Column3 column, Item3 item) => column.Dates == DatePlace.UrlOnly
        ? Dir(column) + $"{Farm3Text.Format(item.Date, "yyyyMM")}/t{Farm3Text.Format(item.Date, "yyyyMMdd")}_{item.Id}.html"
        : Dir(column) + $"content/post_{item.Id}.html";

    /// <summary>The link from one page to another as this CMS writes it: relative, with ../ as needed.</summary>
    private static string Rel(string from, string to)
    {
        var relative = new Uri("http://h" + from).MakeRelativeUri(new Uri("http://h" + to)).ToString();
        return relative.Length > 0 ? relative : to[(to.LastIndexOf('/') + 1)..] is { Length: > 0 } file ? file : "./";
    }

    private string Page(string at, string title, string body)
    {
        string L(string to) => Rel(at, to);
        return $"""
            <!DOCTYPE html>
            <html>
            <head>
            {CharsetMeta}
            <title>{E(title)}</title>
            {SiteMeta}
            <link rel="stylesheet" href="{L(Asset(P + "css/style.css"))}">
            </head>
            <body>
            <div class="top"><a href="{L("/")}">返回市政府网站群</a> | <a href="{L(P + "index.html")}">本站首页</a>{TemplateImage(P + "images/")}</div>
            <div class="banner-top"><h1>{E(Site.Name)}</h1></div>
            <div class="menu"><ul>
            <li><a href="{L(P + "index.html")}">首页</a></li>
            {string.Join("\n", MainNav.Where(c => c.Kind != ColumnKind3.SiteMap).Select(c => NavItem(c, L)))}
            </ul></div>
            <div class="wrap">
            {body}
            </div>
            <div class="bottom">
            <p>{string.Join(" | ", Site.Columns.Where(c => c.Name is "联系我们" or "网站声明" or "网站地图").Select(c => $"<a href=\"{L(ColumnPath(c, 1))}\">{c.Name}</a>"))}</p>
            {FooterItems(P + "images/")}
            </div>
            </body>
            </html>
            """;
    }

    private string NavItem(Column3 column, Func<string, string> link) => column.Kind == ColumnKind3.OffSite
        ? $"<li><a href=\"{(column.Target == ExternalTarget.Hotline12345 ? Ext.Hotline + "/hd/index.html" : Ext.Hall + "/")}\" target=\"_blank\">{E(column.Name)}</a></li>"
        : $"<li><a href=\"{link(ColumnPath(column, 1))}\">{E(column.Name)}</a></li>";

    private string SideNav(Func<string, string> link) => "<div class=\"side\"><h3>信息公开</h3><ul>"
        + string.Join("", DisclosureNav.Select(c => $"<li><a href=\"{link(ColumnPath(c, 1))}\">{E(c.Name)}</a></li>")) + "</ul></div>";

    protected override void RenderHome()
    {
        var at = P + "index.html";
        var blocks = new StringBuilder();
        foreach (var column in HomeColumns)
        {
            blocks.Append($"<div class=\"box\"><div class=\"box-title\"><b>{E(column.Name)}</b><a href=\"{Rel(at, ColumnPath(column, 1))}\" class=\"more\">更多</a></div><dl>");
            foreach (var item in HomeItems(column, 6))
            {
                var date = column.Dates == DatePlace.List ? $"<dd>{HomeDate(item.Date, "chinese")}</dd>" : "";
                blocks.Append($"<dt><a href=\"{Rel(at, ItemPath(column, item))}\">{E(item.Title)}</a></dt>{date}");
            }
            blocks.Append("</dl></div>\n");
        }
        foreach (var notice in Site.HomeNotices)
        {
            blocks.Append($"<div class=\"tip\"><a href=\"{Rel(at, NoticesPath)}\">{E(notice.Title)}</a><span>{HomeDate(notice.Date, "chinese")}</span></div>");
        }
        var home = Page(at, Site.Name, $"""
            {BannerImage(P + "images/")}
            {blocks}
            <div class="friend">友情链接：{FriendLinkItems((url, text) => $"<a href=\"{url}\" target=\"_blank\">{E(text)}</a> ")}</div>
            """);
        Html(P, home);
        Html(at, home);
    }

    protected override string ListPage(Column3 column, int page)
    {
        var at = ColumnPath(column, page);
        var items = PageOf(column, page);
        var html = new StringBuilder($"<div class=\"pos\">当前位置：<a href=\"{Rel(at, P + "index.html")}\">首页</a> &gt; {E(column.Name)}</div><div class=\"list\">\n");
        foreach (var item in items)
        {
            var link = $"<a href=\"{Rel(at, ItemPath(column, item))}\" target=\"_blank\">{E(item.Title)}</a>";
            var date = column.Dates == DatePlace.List ? Farm3Text.Chinese(item.Date) : "";
            html.Append(Num(column) % 2 == 0
                ? $"<dl><dt>{link}</dt><dd>{date}</dd></dl>\n"
                : $"<div class=\"item\">{link}<span class=\"time\">{date}</span></div>\n");
        }
        if (items.Count == 0)
        {
            html.Append(column.EmptyText is null ? "<dl></dl>" : $"<p class=\"none\">{column.EmptyText}</p>");
        }
        var pages = PageCount(column);
        if (pages > 1)
        {
            html.Append("<div class=\"pages\">");
            html.AppendJoin(" ", Enumerable.Range(1, pages).Select(p => p == page ? $"<span>{p}</span>" : $"<a href=\"{Rel(at, ColumnPath(column, p))}\">{p}</a>"));
            html.Append("</div>");
        }
        html.Append("</div>");
        return Page(at, column.Name, (column.InDisclosure ? SideNav(to => Rel(at, to)) : "") + html);
    }

    protected override string DetailPage(Column3 column, Item3 item)
    {
        var at = ItemPath(column, item);
        var dateLine = DateLine(column, item, "chinese");
        var body = $"""
            <div class="pos">当前位置：<a href="{Rel(at, P + "index.html")}">首页</a> &gt; <a href="{Rel(at, ColumnPath(column, 1))}">{E(column.Name)}</a></div>
            <div class="article"><h2>{E(item.Title)}</h2><div class="source">{(dateLine.Length > 0 ? $"发布日期：{dateLine}　" : "")}信息来源：{E(Site.Name)}</div>
            <div class="text">{ArticleBody(column, item, Dir(column) + "content/")}</div></div>
            """;
        return Page(at, item.Title, body);
    }

    protected override string SinglePage(Column3 column, string body)
    {
        var at = ColumnPath(column, 1);
        var side = column.Kind == ColumnKind3.CatalogueEntry || column.InDisclosure ? SideNav(to => Rel(at, to)) : "";
        return Page(at, column.Name, $"{side}<div class=\"article\"><h2>{E(column.Name)}</h2>{body}</div>");
    }

    protected override string LetterListPath(int page) => P + $"hdjl/list_{page}.html";

    protected override string LetterPath(Letter3 letter) => P + $"hdjl/content/letter_{letter.Id}.html";

    protected override string LetterListPage(Column3 column, int page, int pages, List<Letter3> letters)
    {
        var at = LetterListPath(page);
        var html = new StringBuilder($"<div class=\"hdjl\"><h2>{E(column.Name)}</h2><p><a href=\"write.html\">我要写信</a></p><div class=\"letters\">\n");
        foreach (var letter in letters)
        {
            html.Append($"<div class=\"letter-row\"><a href=\"{Rel(at, LetterPath(letter))}\">{E(letter.Title)}</a><span class=\"date\">来信时间：{Farm3Text.Ymd(letter.Received)}</span><span class=\"{StatusClass(letter)}\">{letter.Status}</span></div>\n");
        }
        html.Append("</div><div class=\"pages\">");
        html.AppendJoin(" ", Enumerable.Range(1, pages).Select(p => p == page ? $"<span>{p}</span>" : $"<a href=\"list_{p}.html\">{p}</a>"));
        Html(P + "hdjl/write.html", Page(P + "hdjl/write.html", "我要写信", "<form method=\"post\" action=\"submit\"><input name=\"title\"><textarea name=\"content\"></textarea><button>提交</button></form>"));
        return Page(at, column.Name, html.Append("</div></div>").ToString());
    }

    protected override string LetterPage(Column3 column, Letter3 letter) => Page(LetterPath(letter), letter.Title, LetterBlocks(letter, table: false));

    protected override string GuidePath(Guide3 guide, int tab) => guide.Shape == GuideShape.TabsPages
        ? P + $"bsfw/guide.html?id={guide.Id}&tab={tab}"
        : P + $"bsfw/{guide.Id}.html";

    protected override string GuideListPage(Column3 column)
    {
        var at = ColumnPath(column, 1);
        return Page(at, column.Name, "<ul class=\"guides\">" + string.Join("", Site.Guides.Select(g => $"<li><a href=\"{Rel(at, GuidePath(g, 1)).Replace("&", "&amp;", StringComparison.Ordinal)}\">{E(g.Name)}</a></li>")) + "</ul>");
    }

    protected override string GuidePage(Column3 column, Guide3 guide, int tab) =>
        Page(GuidePath(guide, tab), guide.Name, $"<div class=\"article\"><h2>{E(guide.Name)}</h2>{GuideTabLinks(guide, tab)}{GuideFields(guide, tab)}{OnlineLink(guide)}</div>");
}
