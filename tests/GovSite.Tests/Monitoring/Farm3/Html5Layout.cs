using System.Text;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// A newer build: &lt;nav&gt;, &lt;article&gt; items with &lt;time datetime&gt;, directory URLs, 开普云-style
/// interact letters whose statuses are a CSS class plus text, guides in tabs on one page; on a
/// platform's sub-site, &lt;base href&gt; with every link relative to it.
/// </summary>
public sealed class Html5Layout(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf) : Farm3Renderer(site, host, ext, asOf)
{
    private string Dir(Column3 column) => column.InDisclosure ? P + $"zwgk/{column.Key}/" : P + column.Key + "/";

    /// <summary>Sub-sites on a platform declare &lt;base href&gt; and write every link relative to it; root sites write paths from the root.</summary>
    private bool UseBase => Site.IsPrefixSite;

    /// <summary>A path as written in the page.</summary>
    private string R(string path) => UseBase && path.StartsWith(P, StringComparison.Ordinal) ? path[P.Length..] : path;

    private string HomeLink => UseBase ? "./" : P;

    protected override string ColumnPath(Column3 column, int page) => column.Kind switch
    {
        ColumnKind3.CatalogueEntry => P + "zwgk/",
        ColumnKind3.Letters => LetterListPath(1),
        ColumnKind3.Guides => P + "services/",
        _ => page == 1 ? Dir(column) : Dir(column) + $"page-{page}.html",
    };

    protected override string ItemPath(Column3 column, Item3 item) => column.Dates == DatePlace.DetailOnly
        ? Dir(column) + $"{item.Id}.html"
        : Dir(column) + $"{Farm3Text.Format(item.Date, "yyyy/MM/dd")}/{item.Id}.html";

    private string Page(string title, string main, string meta = "") => $"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
        {CharsetMeta}
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {(UseBase ? $"<base href=\"{P}\">" : "")}
        <title>{E(title)}</title>
        {SiteMeta}
        {meta}
        <link rel="stylesheet" href="{R(Asset(P + "assets/site.css"))}">
        <script defer src="{R(Asset(P + "assets/site.js"))}"></script>
        </head>
        <body>
        <header class="site-header">{TemplateImage(P + "assets/img/")}<a class="logo" href="{HomeLink}"><img src="{R(Asset(P + "assets/img/logo.svg"))}" alt="{E(Site.Name)}"></a>
        <form class="search" role="search" action="search/" method="get"><input type="search" name="q" aria-label="搜索"><button>搜索</button></form></header>
        <nav class="main-nav" aria-label="主导航"><ul>
        <li><a href="{HomeLink}">首页</a></li>
        {string.Join("\n", MainNav.Where(c => c.Kind != ColumnKind3.SiteMap).Select(NavItem))}
        </ul></nav>
        <main>
        {main}
        </main>
        <footer class="site-footer"><nav>{UtilityLinks(" ")}</nav>
        {FooterItems(P + "assets/img/")}
        </footer>
        </body>
        </html>
        """;

    private string NavItem(Column3 column) => column.Kind == ColumnKind3.OffSite
        ? $"<li><a href=\"{(column.Target == ExternalTarget.Hotline12345 ? Ext.Hotline + "/hd/index.html" : Ext.Hall + "/")}\" rel=\"external\">{E(column.Name)}</a></li>"
        : $"<li><a href=\"{R(ColumnPath(column, 1))}\">{E(column.Name)}</a></li>";

    private string SubNav() => "<aside class=\"sub-nav\"><h2>政府信息公开</h2><ul>"
        + string.Join("", DisclosureNav.Select(c => $"<li><a href=\"{R(ColumnPath(c, 1))}\">{E(c.Name)}</a></li>")) + "</ul></aside>";

    protected override void RenderHome()
    {
        var blocks = new StringBuilder();
        foreach (var column in HomeColumns)
        {
            blocks.Append($"<section class=\"block\"><header><h2>{E(column.Name)}</h2><a class=\"more\" href=\"{R(ColumnPath(column, 1))}\" aria-label=\"更多{E(column.Name)}\"><svg width=\"16\" height=\"16\"><use href=\"#i-more\"></use></svg></a></header><ul>");
            foreach (var item in HomeItems(column, 6))
            {
                var time = column.Dates == DatePlace.List ? $"<time datetime=\"{Farm3Text.Ymd(item.Date)}\">{HomeDate(item.Date, "MM-dd")}</time>" : "";
                blocks.Append($"<li><a href=\"{R(ItemPath(column, item))}\">{E(item.Title)}</a>{time}</li>");
            }
            blocks.Append("</ul></section>\n");
        }
        foreach (var notice in Site.HomeNotices)
        {
            blocks.Append($"<p class=\"alert\"><a href=\"{R(NoticesPath)}\">{E(notice.Title)}</a> <time datetime=\"{Farm3Text.Ymd(notice.Date)}\">{HomeDate(notice.Date, "yyyy-MM-dd")}</time></p>");
        }
        var home = Page(Site.Name, $"""
            {BannerImage(P + "assets/img/")}
            {blocks}
            <section class="friends"><h2>相关链接</h2><ul>{FriendLinkItems((url, text) => $"<li><a href=\"{url}\" rel=\"external\">{E(text)}</a></li>")}</ul></section>
            """);
        Html(P, home);
        Html(P + "index.html", home);
    }

    protected override string ListPage(Column3 column, int page)
    {
        var html = new StringBuilder($"<nav class=\"crumbs\"><a href=\"{HomeLink}\">首页</a> › {E(column.Name)}</nav><section class=\"list\"><h1>{E(column.Name)}</h1>\n");
        var items = PageOf(column, page);
        foreach (var item in items)
        {
            var time = column.Dates == DatePlace.List ? $"<time datetime=\"{Farm3Text.Ymd(item.Date)}\">{Farm3Text.Chinese(item.Date)}</time>" : "";
            html.Append($"<article class=\"item\"><h2><a href=\"{R(ItemPath(column, item))}\">{E(item.Title)}</a></h2>{time}</article>\n");
        }
        if (items.Count == 0)
        {
            html.Append(column.EmptyText is null ? "<div class=\"items\"></div>" : $"<p class=\"empty\">{column.EmptyText}</p>");
        }
        var pages = PageCount(column);
        if (pages > 1)
        {
            html.Append("<nav class=\"pager\">");
            if (page > 1)
            {
                html.Append($"<a rel=\"prev\" href=\"{R(ColumnPath(column, page - 1))}\">上一页</a> ");
            }
            if (page < pages)
            {
                html.Append($"<a rel=\"next\" href=\"{R(ColumnPath(column, page + 1))}\">下一页</a>");
            }
            html.Append("</nav>");
        }
        html.Append("</section>");
        var main = column.InDisclosure ? SubNav() + html : html.ToString();
        return Page(column.Name, main, $"<meta name=\"ColumnName\" content=\"{E(column.Name)}\">");
    }

    protected override string DetailPage(Column3 column, Item3 item)
    {
        var time = column.Dates == DatePlace.UrlOnly ? "" : $"<p class=\"meta\"><time datetime=\"{Farm3Text.Ymd(item.Date)}T09:30\">{DateLine(column, item, "chinese")}</time> 来源：{E(Site.Name)}</p>";
        return Page(item.Title, $"""
            <nav class="crumbs"><a href="{HomeLink}">首页</a> › <a href="{R(ColumnPath(column, 1))}">{E(column.Name)}</a></nav>
            <article class="detail"><h1>{E(item.Title)}</h1>{time}
            <div class="body">{ArticleBody(column, item, Dir(column) + "files/")}</div></article>
            """, $"<meta name=\"ArticleTitle\" content=\"{E(item.Title)}\">{PubDateMeta(column, item)}");
    }

    protected override string SinglePage(Column3 column, string body) =>
        Page(column.Name, (column.Kind == ColumnKind3.CatalogueEntry || column.InDisclosure ? SubNav() : "") + $"<article class=\"page\"><h1>{E(column.Name)}</h1>{body}</article>");

    protected override string LetterListPath(int page) => P + $"interact/letters.html?page={page}";

    protected override string LetterPath(Letter3 letter) => P + $"interact/letter/{letter.Id}.html";

    protected override string LetterListPage(Column3 column, int page, int pages, List<Letter3> letters)
    {
        var html = new StringBuilder($"<section class=\"letters\"><h1>{E(column.Name)}</h1><a class=\"button\" href=\"{R(P + "interact/write.html")}\">我要写信</a>");
        html.Append("<table class=\"letter-table\"><thead><tr><th>信件标题</th><th>来信时间</th><th>回复时间</th><th>办理状态</th></tr></thead><tbody>\n");
        foreach (var letter in letters)
        {
            html.Append($"<tr><td><a href=\"{R(LetterPath(letter))}\">{E(letter.Title)}</a></td><td>{Farm3Text.Ymd(letter.Received)}</td><td>{(letter.Replied is { } r ? Farm3Text.Ymd(r) : "-")}</td><td><span class=\"{StatusClass(letter)}\">{letter.Status}</span></td></tr>\n");
        }
        html.Append("</tbody></table><nav class=\"pager\">");
        html.AppendJoin(" ", Enumerable.Range(1, pages).Select(p => p == page ? $"<span aria-current=\"page\">{p}</span>" : $"<a href=\"{R(LetterListPath(p))}\">{p}</a>"));
        Html(P + "interact/write.html", Page("我要写信", "<form method=\"post\" action=\"interact/submit\"><label>标题<input name=\"title\"></label><label>内容<textarea name=\"content\"></textarea></label><button>提交</button></form>"));
        return Page(column.Name, html.Append("</nav></section>").ToString());
    }

    protected override string LetterPage(Column3 column, Letter3 letter) => Page(letter.Title, LetterBlocks(letter, table: false));

    protected override string GuidePath(Guide3 guide, int tab) => guide.Shape == GuideShape.TabsPages
        ? P + $"services/guide.html?id={guide.Id}&tab={tab}"
        : P + $"services/{guide.Id}.html";

    protected override string GuideListPage(Column3 column) => Page(column.Name,
        $"<section><h1>{E(column.Name)}</h1><ul class=\"guides\">" + string.Join("", Site.Guides.Select(g => $"<li><a href=\"{R(GuidePath(g, 1)).Replace("&", "&amp;", StringComparison.Ordinal)}\">{E(g.Name)}</a></li>")) + "</ul></section>");

    protected override string GuidePage(Column3 column, Guide3 guide, int tab) => Page(guide.Name,
        $"<article class=\"guide\"><h1>{E(guide.Name)}</h1>{GuideTabLinks(guide, tab)}{GuideFields(guide, tab)}{OnlineLink(guide)}</article>");
}
