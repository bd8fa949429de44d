using System.Text;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// TRS WCM output: channel directories with index.html/index_1.html, documents at
/// ./202611/t20261103_4567890.html, createPageHTML pagers (with a &lt;noscript&gt; copy on some
/// channels and a plain 下一页 link on others), a /zwgk/ disclosure sub-site with its own
/// template, and a Hanweb jact letter box whose statuses are images.
/// </summary>
public sealed class TrsLayout(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf) : Farm3Renderer(site, host, ext, asOf)
{
    private string Dir(Column3 column) => column.Kind switch
    {
        ColumnKind3.CatalogueEntry => P + "zwgk/",
        ColumnKind3.Guides => P + "bsfw/bszn/",
        _ when column.InDisclosure => P + $"zwgk/{column.Key}/",
        _ => P + column.Key + "/",
    };

    protected override string ColumnPath(Column3 column, int page) => column.Kind switch
    {
        ColumnKind3.Letters => LetterListPath(1),
        _ => page == 1 ? Dir(column) : Dir(column) + $"index_{page - 1}.html",
    };

    protected override string ItemPath(Column3 column, Item3 item) => column.Dates == DatePlace.DetailOnly
        ? Dir(column) + $"c{item.Id}/content.html"
        : Dir(column) + $"{Farm3Text.Format(item.Date, "yyyyMM")}/t{Farm3Text.Format(item.Date, "yyyyMMdd")}_{item.Id}.html";

    /// <summary>A document's link as TRS writes it: relative to the channel directory.</summary>
    private string Relative(Column3 column, Item3 item) => "." + ItemPath(column, item)[(Dir(column).Length - 1)..];

    private void Both(string directory, string html)
    {
        Html(directory, html);
        Html(directory + "index.html", html);
    }

    protected override void RenderList(Column3 column)
    {
        for (var page = 1; page <= PageCount(column); page++)
        {
            if (page == 1)
            {
                Both(Dir(column), ListPage(column, 1));
            }
            else
            {
                Html(ColumnPath(column, page), ListPage(column, page));
            }
        }
    }

    private string Page(string title, string body, string meta = "", bool disclosure = false) => $$"""
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml">
        <head>
        {{CharsetMeta}}
        <title>{{E(title)}}</title>
        {{SiteMeta}}
        {{meta}}
        <link href="{{Asset(P + "images/style.css")}}" rel="stylesheet" type="text/css" />
        <script type="text/javascript" src="{{Asset(P + "images/jquery.min.js")}}"></script>
        <script type="text/javascript" src="{{Asset(P + "images/createPageHTML.js")}}"></script>
        </head>
        <body>
        <div class="top"><div class="w1200">{{TemplateImage(P + "images/")}}
        <span class="date"><script>var d=new Date();document.write(d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日");</script></span>
        <a href="javascript:void(0)" id="cniil_wza">无障碍</a> {{UtilityLinks(" ")}}
        <form name="searchform" action="{{P}}search/search.html" method="get" target="_blank"><input type="text" name="searchword" value="请输入关键字"><input type="image" src="{{Asset(P + "images/search_btn.png")}}"></form>
        </div></div>
        <div class="logo"><a href="{{P}}"><img src="{{Asset(P + "images/logo.png")}}" alt="{{E(Site.Name)}}"></a></div>
        <div class="nav"><ul>
        <li><a href="{{P}}">首页</a></li>
        {{string.Join("\n", MainNav.Where(c => c.Kind != ColumnKind3.SiteMap).Select(NavItem))}}
        </ul></div>
        {{(disclosure ? DisclosureTree() : "")}}
        <div class="main w1200">
        {{body}}
        </div>
        <div class="footer"><div class="w1200">
        <p>{{UtilityLinks(" | ")}}</p>
        {{FooterItems(P + "images/")}}
        </div></div>
        </body>
        </html>
        """;

    private string NavItem(Column3 column) => column.Kind == ColumnKind3.OffSite
        ? $"<li><a href=\"{OffSite(column)}\" target=\"_blank\">{E(column.Name)}</a></li>"
        : $"<li><a href=\"{ColumnPath(column, 1)}\">{E(column.Name)}</a></li>";

    private string OffSite(Column3 column) => column.Target == ExternalTarget.Hotline12345 ? Ext.Hotline + "/hd/index.html" : Ext.Hall + "/";

    private string DisclosureTree()
    {
        var html = new StringBuilder("<div class=\"gk-left\"><h2>政府信息公开</h2><h3>法定主动公开内容</h3><ul>");
        foreach (var column in DisclosureNav)
        {
            html.Append($"<li><a href=\"{ColumnPath(column, 1)}\">{E(column.Name)}</a></li>");
        }
        return html.Append("</ul></div>").ToString();
    }

    protected override void RenderHome()
    {
        var blocks = new StringBuilder();
        foreach (var column in HomeColumns)
        {
            blocks.Append($"<div class=\"mod\"><div class=\"mod-hd\"><h3>{E(column.Name)}</h3><a class=\"more\" href=\".{Dir(column)[(P.Length - 1)..]}\">更多&gt;&gt;</a></div><ul class=\"mod-list\">");
            foreach (var item in HomeItems(column, 6))
            {
                var date = column.Dates == DatePlace.List ? $"<span>{HomeDate(item.Date, "MM-dd")}</span>" : "";
                blocks.Append($"<li><a href=\"{ItemPath(column, item)}\" target=\"_blank\" title=\"{E(item.Title)}\">{E(item.Title)}</a>{date}</li>");
            }
            blocks.Append("</ul></div>\n");
        }
        var notices = string.Join("", Site.HomeNotices.Select(n => $"<a href=\"{NoticesPath}\">{E(n.Title)}（{HomeDate(n.Date, "yyyy-MM-dd")}）</a>　"));
        var body = $"""
            {BannerImage(P + "images/")}
            <div class="notice"><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">{notices}</marquee></div>
            {blocks}
            <div class="links"><h3>友情链接</h3><select onchange="window.open(this.value)"><option>--市县政府网站--</option><option value="{Ext.Province}/col/col1/index.html">省政府</option></select>
            <ul>{FriendLinkItems((url, text) => $"<li><a href=\"{url}\" target=\"_blank\">{E(text)}</a></li>")}</ul></div>
            """;
        Both(P, Page(Site.Name, body));
    }

    protected override string ListPage(Column3 column, int page)
    {
        var html = new StringBuilder($"<div class=\"crumb\">当前位置：<a href=\"{P}\">首页</a> &gt; <span>{E(column.Name)}</span></div>");
        html.Append("<div class=\"list-box\"><ul class=\"list\">");
        var items = PageOf(column, page);
        foreach (var item in items)
        {
            var shown = item.Title.Length > 28 ? item.Title[..27] + "…" : item.Title;
            var date = column.Dates == DatePlace.List ? $"<span>{Farm3Text.Ymd(item.Date)}</span>" : "";
            html.Append($"<li><a href=\"{Relative(column, item)}\" target=\"_blank\" title=\"{E(item.Title)}\">{E(shown)}</a>{date}</li>\n");
        }
        html.Append("</ul>");
        if (items.Count == 0 && column.EmptyText is not null)
        {
            html.Append($"<div class=\"no-data\">{column.EmptyText}</div>");
        }
        var pages = PageCount(column);
        html.Append($"<div class=\"page\"><script language=\"JavaScript\">createPageHTML({pages}, {page - 1}, \"index\", \"html\");</script>");
        if (pages > 1)
        {
            if (Num(column) % 2 == 0)
            {
                html.Append("<noscript>");
                html.AppendJoin(" ", Enumerable.Range(1, pages).Select(p => $"<a href=\"{(p == 1 ? "index.html" : $"index_{p - 1}.html")}\">{p}</a>"));
                html.Append("</noscript>");
            }
            else if (page < pages)
            {
                html.Append($"<a href=\"index_{page}.html\">下一页</a>");
            }
        }
        html.Append("</div></div>");
        var meta = $"<meta name=\"ColumnName\" content=\"{E(column.Name)}\"><meta name=\"ColumnType\" content=\"{E(column.Name)}\">";
        return Page(column.Name + "_" + Site.Name, html.ToString(), meta, column.InDisclosure);
    }

    protected override string DetailPage(Column3 column, Item3 item)
    {
        var dateLine = DateLine(column, item, "yyyy-MM-dd");
        var body = $"""
            <div class="crumb">当前位置：<a href="{P}">首页</a> &gt; <a href="{Dir(column)}">{E(column.Name)}</a></div>
            <div class="article"><h1>{E(item.Title)}</h1>
            <div class="info">{(dateLine.Length > 0 ? $"<span>发布时间：{dateLine}</span>" : "")}<span>来源：{E(Site.Name)}</span><span>字号：[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a>]</span></div>
            <div class="TRS_Editor">{ArticleBody(column, item, Dir(column) + Farm3Text.Format(item.Date, "yyyyMM") + "/")}</div></div>
            """;
        var meta = $"<meta name=\"ArticleTitle\" content=\"{E(item.Title)}\">{PubDateMeta(column, item)}<meta name=\"ContentSource\" content=\"{E(Site.Name)}\">";
        return Page(item.Title, body, meta, column.InDisclosure);
    }

    protected override string SinglePage(Column3 column, string body)
    {
        var html = Page(column.Name + "_" + Site.Name, $"<div class=\"crumb\">当前位置：<a href=\"{P}\">首页</a> &gt; {E(column.Name)}</div><div class=\"content\">{body}</div>",
            "", column.Kind == ColumnKind3.CatalogueEntry || column.InDisclosure);
        Both(Dir(column), html);
        return html;
    }

    protected override string LetterListPath(int page) => P + $"jact/front/mailpubliclist.do?sysid=6&pageNo={page}";

    protected override string LetterPath(Letter3 letter) => P + $"jact/front/mailpubdetail.do?sysid=6&objectid={letter.Id}";

    protected override string LetterListPage(Column3 column, int page, int pages, List<Letter3> letters)
    {
        var html = new StringBuilder($"<div class=\"mail\"><h2>{E(column.Name)}</h2><p><a href=\"{P}jact/front/mailwrite.do?sysid=6\">我要写信</a></p>");
        html.Append("<table class=\"mail-list\" width=\"100%\"><tr class=\"th\"><td>信件编号</td><td>信件标题</td><td>来信时间</td><td>回复时间</td><td>办理状态</td></tr>\n");
        foreach (var letter in letters)
        {
            html.Append($"<tr><td>XJ{Farm3Text.Format(letter.Received, "yyyyMMdd")}{letter.Id:00000}</td><td><a href=\"mailpubdetail.do?sysid=6&amp;objectid={letter.Id}\" target=\"_blank\">{E(letter.Title)}</a></td>");
            html.Append($"<td>{Farm3Text.Ymd(letter.Received)}</td><td>{(letter.Replied is { } r ? Farm3Text.Ymd(r) : "")}</td><td>{StatusImage(letter, P + "jact/images/")}</td></tr>\n");
        }
        html.Append($"</table><div class=\"page\">共{pages}页 ");
        if (page > 1)
        {
            html.Append($"<a href=\"mailpubliclist.do?sysid=6&amp;pageNo={page - 1}\">上一页</a> ");
        }
        if (page < pages)
        {
            html.Append($"<a href=\"mailpubliclist.do?sysid=6&amp;pageNo={page + 1}\">下一页</a>");
        }
        Html(P + "jact/front/mailwrite.do?sysid=6", Page("写信", "<form action=\"mailsubmit.do\" method=\"post\"><p>信件标题：<input name=\"title\"></p><p>信件内容：<textarea name=\"content\"></textarea></p><input type=\"submit\" value=\"提交\"></form>"));
        return Page(column.Name, html.Append("</div></div>").ToString());
    }

    protected override string LetterPage(Column3 column, Letter3 letter) => Page(letter.Title, LetterBlocks(letter, table: true));

    protected override string GuidePath(Guide3 guide, int tab) => guide.Shape == GuideShape.TabsPages
        ? P + $"bsfw/bszn/guide.jsp?id={guide.Id}&tab={tab}"
        : P + $"bsfw/bszn/{guide.Id}.html";

    protected override string GuideListPage(Column3 column)
    {
        var html = new StringBuilder("<div class=\"bszn-list\"><ul>");
        foreach (var guide in Site.Guides)
        {
            html.Append($"<li><a href=\"{GuidePath(guide, 1)}\" target=\"_blank\">{E(guide.Name)}</a></li>");
        }
        var page = Page(column.Name, html.Append("</ul></div>").ToString());
        Both(Dir(column), page);
        return page;
    }

    protected override string GuidePage(Column3 column, Guide3 guide, int tab) =>
        Page(guide.Name, $"<div class=\"guide\"><h1>{E(guide.Name)}</h1>{GuideTabLinks(guide, tab)}{GuideFields(guide, tab)}{OnlineLink(guide)}</div>");
}
