using System.Text;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// 大汉 JCMS output: /col/col1234/index.html channels whose lists sit as CDATA records in a
/// &lt;script type="text/xml"&gt;&lt;datastore&gt; that jpage.js pages in the browser (the server answers
/// index.html?uid=…&amp;pageNum=2 with the same file), documents at /art/2026/11/3/art_1234_56789.html,
/// a hit counter script per document, and the jact letter box without a reply-time column.
/// </summary>
public sealed class JcmsLayout(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf) : Farm3Renderer(site, host, ext, asOf)
{
    private string HomePath => Site.MetaRefreshHome ? P + "col/col1/index.html" : P + "index.html";

    private int Unit(Column3 column) => 4_870_000 + Num(column);

    protected override string ColumnPath(Column3 column, int page) => column.Kind switch
    {
        ColumnKind3.Letters => LetterListPath(1),
        _ => P + $"col/col{Num(column)}/index.html" + (page == 1 ? "" : $"?uid={Unit(column)}&pageNum={page}"),
    };

    protected override string ItemPath(Column3 column, Item3 item) => column.Dates == DatePlace.DetailOnly
        ? P + $"art/art_{Num(column)}_{item.Id}.html"
        : P + $"art/{item.Date.Year}/{item.Date.Month}/{item.Date.Day}/art_{Num(column)}_{item.Id}.html";

    private string Page(string title, string body, string meta = "", bool disclosure = false) => $$"""
        <!DOCTYPE html>
        <html>
        <head>
        {{CharsetMeta}}
        <meta http-equiv="X-UA-Compatible" content="IE=edge">
        <title>{{E(title)}}</title>
        {{SiteMeta}}
        {{meta}}
        <link rel="stylesheet" href="{{Asset(P + "images/1/style.css")}}">
        <script src="{{Asset(P + "module/jslib/jquery/jquery.js")}}"></script>
        </head>
        <body>
        <div class="header">
        <div class="head-top">{{TemplateImage(P + "images/1/")}}<a href="{{Ext.Hall}}/" target="_blank">政务服务网</a> <a href="javascript:;" onclick="aria.start()">无障碍浏览</a></div>
        <div class="logo"><a href="{{HomePath}}"><img src="{{Asset(P + "images/1/logo.png")}}" alt="{{E(Site.Name)}}"></a></div>
        <div class="search"><form action="{{P}}jrobot/search.do" method="get"><input type="hidden" name="webid" value="1"><input name="q" type="text" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>
        </div>
        <div class="nav"><ul class="clearfix">
        <li class="on"><a href="{{HomePath}}">首页</a></li>
        {{string.Join("\n", MainNav.Where(c => c.Kind is not (ColumnKind3.SiteMap or ColumnKind3.SinglePage)).Select(NavItem))}}
        </ul></div>
        <div class="container">
        {{(disclosure ? DisclosureSide() : "")}}
        {{body}}
        </div>
        <div class="footer">
        <div class="footer-nav">{{UtilityLinks(" | ")}} | {{string.Join(" | ", MainNav.Where(c => c.Kind == ColumnKind3.SinglePage && c.Name is not ("联系我们" or "网站声明")).Select(c => $"<a href=\"{ColumnPath(c, 1)}\">{E(c.Name)}</a>"))}}</div>
        {{FooterItems(P + "images/1/")}}
        </div>
        </body>
        </html>
        """;

    private string NavItem(Column3 column) => column.Kind == ColumnKind3.OffSite
        ? $"<li><a href=\"{(column.Target == ExternalTarget.Hotline12345 ? Ext.Hotline + "/hd/index.html" : Ext.Hall + "/")}\" target=\"_blank\">{E(column.Name)}</a></li>"
        : $"<li><a href=\"{ColumnPath(column, 1)}\">{E(column.Name)}</a></li>";

    private string DisclosureSide()
    {
        var html = new StringBuilder("<div class=\"xxgk-side\"><div class=\"side-title\">政府信息公开</div><ul>");
        foreach (var column in DisclosureNav)
        {
            html.Append($"<li><a href=\"{ColumnPath(column, 1)}\" title=\"{E(column.Name)}\">{E(column.Name)}</a></li>");
        }
        return html.Append("</ul></div>").ToString();
    }

    protected override void RenderHome()
    {
        var blocks = new StringBuilder();
        foreach (var column in HomeColumns)
        {
            // The 'more' link is an empty anchor styled with a CSS icon.
            blocks.Append($"<div class=\"tab-box\"><div class=\"tab-title\"><span>{E(column.Name)}</span><a class=\"more-icon\" href=\"{ColumnPath(column, 1)}\" target=\"_blank\"></a></div><ul>");
            foreach (var item in HomeItems(column, 7))
            {
                var date = column.Dates == DatePlace.List ? $"<span class=\"date\">{HomeDate(item.Date, "yyyy-MM-dd")}</span>" : "";
                blocks.Append($"<li><a href=\"{ItemPath(column, item)}\" target=\"_blank\" title=\"{E(item.Title)}\">{E(item.Title)}</a>{date}</li>");
            }
            blocks.Append("</ul></div>\n");
        }
        foreach (var notice in Site.HomeNotices)
        {
            blocks.Append($"<div class=\"tzgg-roll\"><a href=\"{NoticesPath}\">{E(notice.Title)}</a><span>{HomeDate(notice.Date, "yyyy-MM-dd")}</span></div>");
        }
        var home = Page(Site.Name, $"""
            {BannerImage(P + "images/1/")}
            {blocks}
            <div class="yqlj"><span>友情链接：</span>{FriendLinkItems((url, text) => $"<a href=\"{url}\" target=\"_blank\">{E(text)}</a> ")}</div>
            """);
        if (Site.MetaRefreshHome)
        {
            var refresh = $"""<html><head>{CharsetMeta}<meta http-equiv="refresh" content="0; url={HomePath}"><title>{E(Site.Name)}</title></head><body></body></html>""";
            Html(P, refresh);
            Html(P + "index.html", refresh);
            Html(HomePath, home);
        }
        else
        {
            Html(P, home);
            Html(P + "index.html", home);
        }
    }

    protected override void RenderList(Column3 column)
    {
        var html = ListPage(column, 1);
        Html(ColumnPath(column, 1), html);
        // jpage pages in the browser; the links it writes reach the server as the same static file.
        for (var page = 2; page <= PageCount(column); page++)
        {
            Html(ColumnPath(column, page), html);
        }
        Html(P + $"module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid={Num(column)}&unitid={Unit(column)}&permissiontype=0",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><datastore><totalrecord>0</totalrecord><recordset></recordset></datastore>");
    }

    protected override string ListPage(Column3 column, int page)
    {
        var unit = Unit(column);
        var records = new StringBuilder();
        foreach (var item in column.Sorted)
        {
            var date = column.Dates == DatePlace.List ? $"<span class=\"bt-data-time\">{Farm3Text.Ymd(item.Date)}</span>" : "";
            records.Append($"<record><![CDATA[\n<li><a href=\"{ItemPath(column, item)}\" target=\"_blank\" title=\"{E(item.Title)}\">{E(item.Title)}</a>{date}</li>\n]]></record>\n");
        }
        if (column.Items.Count == 0 && column.EmptyText is not null)
        {
            records.Append($"<record><![CDATA[\n<li class=\"nodata\">{column.EmptyText}</li>\n]]></record>\n");
        }
        var pages = PageCount(column);
        var body = $"""
            <div class="bt-position">您当前的位置：<a href="{HomePath}">首页</a> &gt; <a href="{ColumnPath(column, 1)}">{E(column.Name)}</a></div>
            <div class="bt-list"><div class="list-title">{E(column.Name)}</div>
            <div id="{unit}"><script type="text/xml"><datastore>
            <nextgroup><![CDATA[<a href="{P}module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid={Num(column)}&unitid={unit}&permissiontype=0"></a>]]></nextgroup>
            <recordset>
            {records}</recordset>
            </datastore></script></div>
            <script language="javascript" src="{Asset(P + "module/web/jpage/jpage.js")}"></script>
            <script>$(document).ready(function(){"{"}$('#{unit}').jpage({"{"}dataStore: '{unit}', perPage: {column.PageSize}, totalRecord: {column.Items.Count}, proxyUrl: '/module/web/jpage/dataproxy.jsp', pageUrl: 'index.html?uid={unit}&pageNum=', groupSize: 3{"}"});{"}"});</script>
            {(pages > 1 ? $"<div class=\"default_pgContainer\"><a href=\"index.html?uid={unit}&amp;pageNum=2\">下页</a></div>" : "")}
            </div>
            """;
        var meta = $"<meta name=\"ColumnName\" content=\"{E(column.Name)}\"><meta name=\"ColumnDescription\" content=\"{E(column.Name)}\"><meta name=\"ColumnKeywords\" content=\"{E(column.Name)}\"><meta name=\"ColumnType\" content=\"{E(column.Name)}\">";
        return Page(column.Name, body, meta, column.InDisclosure);
    }

    protected override string DetailPage(Column3 column, Item3 item)
    {
        var dateLine = DateLine(column, item);
        var counter = P + $"module/visitcount/articlehits.jsp?colid={Num(column)}&artid={item.Id}";
        Host.Pages[counter] = new Page3(200, Encoding.ASCII.GetBytes("document.write(\"128\");"), "application/javascript");
        var body = $"""
            <div class="bt-position">您当前的位置：<a href="{HomePath}">首页</a> &gt; <a href="{ColumnPath(column, 1)}">{E(column.Name)}</a></div>
            <div class="main-txt"><h1 class="title">{E(item.Title)}</h1>
            <div class="info">{(dateLine.Length > 0 ? $"<span>发布日期：{dateLine}</span>" : "")} <span>信息来源：{E(Site.Name)}</span> <span>浏览次数：<script language="javascript" src="{counter}"></script></span></div>
            <div id="zoom">{ArticleBody(column, item, P + $"art/{item.Date.Year}/{item.Date.Month}/{item.Date.Day}/")}</div></div>
            """;
        var meta = $"<meta name=\"ArticleTitle\" content=\"{E(item.Title)}\">{PubDateMeta(column, item)}<meta name=\"ContentSource\" content=\"{E(Site.Name)}\">";
        return Page(item.Title, body, meta, column.InDisclosure);
    }

    protected override string SinglePage(Column3 column, string body) =>
        Page(column.Name, $"<div class=\"bt-position\">您当前的位置：<a href=\"{HomePath}\">首页</a> &gt; {E(column.Name)}</div><div class=\"main-txt\">{body}</div>",
            "", column.Kind == ColumnKind3.CatalogueEntry || column.InDisclosure);

    protected override string LetterListPath(int page) => P + $"jact/front/mailpubliclist.do?sysid=6&pagesize=15&showtype=1&pageno={page}";

    protected override string LetterPath(Letter3 letter) => P + $"jact/front/mailpubdetail.do?transactUrl=ZXhh{letter.Id:X}&sysid=6&objectid={letter.Id}";

    protected override string LetterListPage(Column3 column, int page, int pages, List<Letter3> letters)
    {
        var html = new StringBuilder($"<div class=\"jact\"><h2>{E(column.Name)}</h2><a class=\"write\" href=\"{P}jact/front/mailwrite.do?sysid=6\"><img src=\"{Asset(P + "jact/images/xx.gif")}\" alt=\"我要写信\"></a>");
        html.Append("<table width=\"100%\" class=\"list\"><tr><th>序号</th><th>信件标题</th><th>受理单位</th><th>来信时间</th><th>状态</th></tr>\n");
        var index = (page - 1) * Site.LettersPageSize;
        foreach (var letter in letters)
        {
            html.Append($"<tr><td>{++index}</td><td><a href=\"{LetterPath(letter).Replace("&", "&amp;", StringComparison.Ordinal)}\" target=\"_blank\">{E(letter.Title)}</a></td><td>{E(Site.Name)}</td>");
            html.Append($"<td>{Farm3Text.Ymd(letter.Received)}</td><td>{StatusImage(letter, P + "jact/images/")}</td></tr>\n");
        }
        html.Append("</table><div class=\"pagination\">");
        html.AppendJoin(" ", Enumerable.Range(1, pages).Select(p => p == page ? $"<b>{p}</b>" : $"<a href=\"{LetterListPath(p).Replace("&", "&amp;", StringComparison.Ordinal)}\">{p}</a>"));
        Html(P + "jact/front/mailwrite.do?sysid=6", Page("写信", "<form action=\"mailsubmit.do\" method=\"post\"><p>信件标题：<input name=\"title\"></p><p>信件内容：<textarea name=\"content\"></textarea></p><input type=\"submit\" value=\"提交\"></form>"));
        return Page(column.Name, html.Append("</div></div>").ToString());
    }

    protected override string LetterPage(Column3 column, Letter3 letter) => Page(letter.Title, LetterBlocks(letter, table: true));

    protected override string GuidePath(Guide3 guide, int tab) => guide.Shape == GuideShape.TabsPages
        ? P + $"bsfw/guide.jsp?id={guide.Id}&tab={tab}"
        : P + $"bsfw/guide_{guide.Id}.html";

    protected override string GuideListPage(Column3 column) => Page(column.Name,
        "<div class=\"bszn\"><ul>" + string.Join("", Site.Guides.Select(g => $"<li><a href=\"{GuidePath(g, 1).Replace("&", "&amp;", StringComparison.Ordinal)}\">{E(g.Name)}</a></li>")) + "</ul></div>");

    protected override string GuidePage(Column3 column, Guide3 guide, int tab) =>
        Page(guide.Name, $"<div class=\"main-txt\"><h1 class=\"title\">{E(guide.Name)}</h1>{GuideTabLinks(guide, tab)}{GuideFields(guide, tab)}{OnlineLink(guide)}</div>");
}
