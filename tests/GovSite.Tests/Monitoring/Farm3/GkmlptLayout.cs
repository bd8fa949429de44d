using System.Text;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// A Guangdong-style portal: / redirects to /index.html, lists date items 2026.11.25 before the
/// title, documents at content/post_123.html, and the 拓尔思 gkmlpt catalogue at /gkmlpt/index
/// with columns /gkmlpt/column/1241?page=2 as tables of 索引号/名称/发布日期 whose links carry a
/// #fragment, 依申请公开 at /gkmlpt/ysqgk, and interact letters with class-and-text statuses.
/// </summary>
public sealed class GkmlptLayout(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf) : Farm3Renderer(site, host, ext, asOf)
{
    private string Dir(Column3 column) => P + column.Key + "/";

    protected override string ColumnPath(Column3 column, int page) => column.Kind switch
    {
        ColumnKind3.CatalogueEntry => P + "gkmlpt/index",
        ColumnKind3.RequestEntry => P + "gkmlpt/ysqgk",
        ColumnKind3.Letters => LetterListPath(1),
        ColumnKind3.Guides => P + "bsfw/index.html",
        _ when column.InDisclosure && column.IsList => P + $"gkmlpt/column/{Num(column)}" + (page == 1 ? "" : $"?page={page}"),
        _ when column.InDisclosure => P + $"gkmlpt/{column.Key}",
        _ => page == 1 ? Dir(column) + "index.html" : Dir(column) + $"index_{page}.html",
    };

    protected override string ItemPath(Column3 column, Item3 item) => column.InDisclosure
        ? P + $"gkmlpt/content/{Num(column) / 1000}/{Num(column)}/post_{item.Id}.html"
        : Dir(column) + $"content/post_{item.Id}.html";

    private string Page(string title, string body, bool gkml = false) => $"""
        <!DOCTYPE html>
        <html>
        <head>
        {CharsetMeta}
        <title>{E(title)}</title>
        {SiteMeta}
        <link rel="stylesheet" href="{Asset(P + (gkml ? "gkmlpt/static/gkml.css" : "css/common.css"))}">
        </head>
        <body>
        <div class="topbar">{TemplateImage(P + "images/")}<a href="{P}index.html">返回首页</a> <a href="javascript:;" class="jiaohu">长者模式</a></div>
        <div class="header"><div class="logo"><img src="{Asset(P + "images/logo.png")}" alt="{E(Site.Name)}"></div></div>
        <div class="nav"><ul>
        <li><a href="{P}index.html">首页</a></li>
        {string.Join("\n", MainNav.Where(c => c.Kind is not (ColumnKind3.SiteMap or ColumnKind3.SinglePage)).Select(NavItem))}
        </ul></div>
        {(gkml ? GkmlTree() : "")}
        <div class="content">
        {body}
        </div>
        <div class="footer"><div class="links">{UtilityLinks(" | ")} {string.Join(" ", MainNav.Where(c => c.Kind == ColumnKind3.SinglePage && c.Name is not ("联系我们" or "网站声明")).Select(c => $"<a href=\"{ColumnPath(c, 1)}\">{E(c.Name)}</a>"))}</div>
        {FooterItems(P + "images/")}
        </div>
        </body>
        </html>
        """;

    private string NavItem(Column3 column) => column.Kind == ColumnKind3.OffSite
        ? $"<li><a href=\"{(column.Target == ExternalTarget.Hotline12345 ? Ext.Hotline + "/hd/index.html" : Ext.Hall + "/")}\" target=\"_blank\">{E(column.Name)}</a></li>"
        : $"<li><a href=\"{ColumnPath(column, 1)}\">{E(column.Name)}</a></li>";

    private string GkmlTree()
    {
        var html = new StringBuilder("<div class=\"gkml-side\"><div class=\"gkml-title\">政府信息公开</div><ul class=\"tree\">");
        foreach (var column in DisclosureNav)
        {
            html.Append($"<li class=\"tree-node\"><a href=\"{ColumnPath(column, 1)}\" data-id=\"{Num(column)}\">{E(column.Name)}</a></li>");
        }
        return html.Append("</ul></div>").ToString();
    }

    protected override void RenderHome()
    {
        var blocks = new StringBuilder();
        foreach (var column in HomeColumns)
        {
            blocks.Append($"<div class=\"home-list\"><div class=\"hd\"><a href=\"{ColumnPath(column, 1)}\">{E(column.Name)}</a><a class=\"more\" href=\"{ColumnPath(column, 1)}\">+</a></div><ul>");
            foreach (var item in HomeItems(column, 6))
            {
                var date = column.Dates == DatePlace.List ? $"<span class=\"date\">{HomeDate(item.Date, "yyyy.MM.dd")}</span>" : "";
                blocks.Append($"<li>{date}<a href=\"{ItemPath(column, item)}\" title=\"{E(item.Title)}\">{E(item.Title)}</a></li>");
            }
            blocks.Append("</ul></div>\n");
        }
        foreach (var notice in Site.HomeNotices)
        {
            blocks.Append($"<div class=\"notice\"><span class=\"date\">{HomeDate(notice.Date, "yyyy.MM.dd")}</span><a href=\"{NoticesPath}\">{E(notice.Title)}</a></div>");
        }
        var home = Page(Site.Name, $"""
            {BannerImage(P + "images/")}
            {blocks}
            <div class="friend"><h3>友情链接</h3>{FriendLinkItems((url, text) => $"<a href=\"{url}\" target=\"_blank\">{E(text)}</a> ")}</div>
            """);
        Redirect(P, P + "index.html");
        Html(P + "index.html", home);
    }

    protected override string ListPage(Column3 column, int page)
    {
        var items = PageOf(column, page);
        var pages = PageCount(column);
        var html = new StringBuilder();
        if (column.InDisclosure)
        {
            html.Append($"<div class=\"gkml-list\"><h2>{E(column.Name)}</h2><table class=\"gkml-table\"><tr><th>索引号</th><th>名称</th><th>发布日期</th></tr>\n");
            foreach (var item in items)
            {
                var date = column.Dates == DatePlace.List ? Farm3Text.Ymd(item.Date) : "";
                html.Append($"<tr><td>{Site.Code}/{item.Date.Year}-{item.Id % 100000:00000}</td><td><a href=\"{ItemPath(column, item)}#{Num(column)}\" target=\"_blank\">{E(item.Title)}</a></td><td>{date}</td></tr>\n");
            }
            html.Append("</table>");
        }
        else
        {
            html.Append($"<div class=\"list\"><h2>{E(column.Name)}</h2><ul>\n");
            foreach (var item in items)
            {
                var date = column.Dates == DatePlace.List ? $"<span class=\"date\">{Farm3Text.Format(item.Date, "yyyy.MM.dd")}</span>" : "";
                html.Append($"<li>{date}<a href=\"content/post_{item.Id}.html\" target=\"_blank\">{E(item.Title)}</a></li>\n");
            }
            html.Append("</ul>");
        }
        if (items.Count == 0 && column.EmptyText is not null)
        {
            html.Append($"<div class=\"nodata\">{column.EmptyText}</div>");
        }
        if (pages > 1)
        {
            html.Append("<div class=\"pagination\">");
            html.AppendJoin(" ", Enumerable.Range(1, pages).Select(p => p == page ? $"<span class=\"current\">{p}</span>" : $"<a href=\"{ColumnPath(column, p)}\">{p}</a>"));
            html.Append("</div>");
        }
        return Page(column.Name, html.Append("</div>").ToString(), column.InDisclosure);
    }

    protected override string DetailPage(Column3 column, Item3 item)
    {
        var dateLine = DateLine(column, item);
        var head = column.InDisclosure
            ? $"<table class=\"gkml-head\"><tr><td>索引号：</td><td>{Site.Code}/{item.Date.Year}-{item.Id % 100000:00000}</td><td>分类：</td><td>{E(column.Name)}</td></tr><tr><td>发布机构：</td><td>{E(Site.Name)}</td><td>发布日期：</td><td>{dateLine}</td></tr><tr><td>名称：</td><td colspan=\"3\">{E(item.Title)}</td></tr></table>"
            : $"<div class=\"info\">{(dateLine.Length > 0 ? $"发布时间：{dateLine}" : "")}　来源：本网</div>";
        return Page(item.Title, $"<div class=\"article\"><h1>{E(item.Title)}</h1>{head}<div class=\"article-content\">{ArticleBody(column, item, P + "attachment/0/")}</div></div>", column.InDisclosure);
    }

    protected override string SinglePage(Column3 column, string body) =>
        Page(column.Name, $"<div class=\"article\"><h1>{E(column.Name)}</h1>{body}</div>", column.Kind == ColumnKind3.CatalogueEntry || column.InDisclosure);

    protected override string LetterListPath(int page) => P + $"hdjl/interact/list?page={page}";

    protected override string LetterPath(Letter3 letter) => P + $"hdjl/interact/detail?id={letter.Id}";

    protected override string LetterListPage(Column3 column, int page, int pages, List<Letter3> letters)
    {
        var html = new StringBuilder($"<div class=\"interact\"><h2>{E(column.Name)}</h2><a href=\"{P}hdjl/interact/write\">我要咨询</a><ul class=\"letter-list\">\n");
        foreach (var letter in letters)
        {
            html.Append($"<li><a href=\"{LetterPath(letter)}\">{E(letter.Title)}</a><span class=\"time\">{Farm3Text.Ymd(letter.Received)}</span><span class=\"{StatusClass(letter)}\">{letter.Status}</span></li>\n");
        }
        html.Append("</ul><div class=\"pagination\">");
        html.AppendJoin(" ", Enumerable.Range(1, pages).Select(p => p == page ? $"<span class=\"current\">{p}</span>" : $"<a href=\"{LetterListPath(p)}\">{p}</a>"));
        Html(P + "hdjl/interact/write", Page("我要咨询", "<form method=\"post\" action=\"/hdjl/interact/submit\"><input name=\"title\"><textarea name=\"content\"></textarea><button>提交</button></form>"));
        return Page(column.Name, html.Append("</div></div>").ToString());
    }

    protected override string LetterPage(Column3 column, Letter3 letter) => Page(letter.Title, LetterBlocks(letter, table: false));

    protected override string GuidePath(Guide3 guide, int tab) => guide.Shape == GuideShape.TabsPages
        ? P + $"bsfw/guide?id={guide.Id}&tab={tab}"
        : P + $"bsfw/{guide.Id}.html";

    protected override string GuideListPage(Column3 column) => Page(column.Name,
        "<ul class=\"guides\">" + string.Join("", Site.Guides.Select(g => $"<li><a href=\"{GuidePath(g, 1).Replace("&", "&amp;", StringComparison.Ordinal)}\">{E(g.Name)}</a></li>")) + "</ul>");

    protected override string GuidePage(Column3 column, Guide3 guide, int tab) =>
        Page(guide.Name, $"<div class=\"article\"><h1>{E(guide.Name)}</h1>{GuideTabLinks(guide, tab)}{GuideFields(guide, tab)}{OnlineLink(guide)}</div>");
}
