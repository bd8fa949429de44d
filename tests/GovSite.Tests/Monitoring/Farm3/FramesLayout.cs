using System.Text;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// A Dreamweaver-era department site: navigation is a table of swap-image links with alt text,
/// 'more' links are bare images, a column page holds its list in an &lt;iframe&gt; (list.htm,
/// list_2.htm), lists write 11月03日 with the year only in a heading above, and the guestbook
/// shows statuses as images. Usually GBK with no declaration at all.
/// </summary>
public sealed class FramesLayout(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf) : Farm3Renderer(site, host, ext, asOf)
{
    private string Dir(Column3 column) => column.InDisclosure ? P + $"xxgk/{column.Key}/" : P + column.Key + "/";

    protected override string ColumnPath(Column3 column, int page) => column.Kind switch
    {
        ColumnKind3.CatalogueEntry => P + "xxgk/index.htm",
        ColumnKind3.RequestEntry => P + "xxgk/ysqgk.htm",
        ColumnKind3.SiteMap => P + "sitemap.htm",
        ColumnKind3.SinglePage => P + column.Key + ".htm",
        ColumnKind3.Letters => LetterListPath(1),
        ColumnKind3.Guides => P + "bszn/index.htm",
        _ when column.InIframe => page == 1 ? Dir(column) + "index.htm" : Dir(column) + $"list_{page}.htm",
        _ => page == 1 ? Dir(column) + "index.htm" : Dir(column) + $"index_{page}.htm",
    };

    private string InnerPath(Column3 column, int page) => page == 1 ? Dir(column) + "list.htm" : Dir(column) + $"list_{page}.htm";

    protected override string ItemPath(Column3 column, Item3 item) => Dir(column) + $"show_{item.Id}.htm";

    private string Page(string title, string body, bool bare = false) => bare
        ? $"""
          <html><head>{CharsetMeta}<title>{E(title)}</title><link href="{Asset(P + "style.css")}" rel="stylesheet" type="text/css"></head>
          <body style="margin:0">{body}</body></html>
          """
        : $$"""
          <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
          <html>
          <head>
          {{CharsetMeta}}
          <title>{{E(title)}}</title>
          {{SiteMeta}}
          <link href="{{Asset(P + "style.css")}}" rel="stylesheet" type="text/css">
          <script language="JavaScript" type="text/JavaScript">
          function MM_swapImgRestore() { var i,x,a=document.MM_sr; for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++) x.src=x.oSrc; }
          function MM_swapImage() { var i,j=0,x,a=MM_swapImage.arguments; document.MM_sr=new Array; }
          </script>
          </head>
          <body onLoad="MM_preloadImages('{{Asset(P + "images/nav_on.gif")}}')">
          <table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
          <tr><td><img src="{{Asset(P + "images/index_01.jpg")}}" width="980" height="150" alt="">{{TemplateImage(P + "images/")}}</td></tr>
          <tr><td><table border="0" cellpadding="0" cellspacing="0"><tr>
          <td><a href="{{P}}index.htm" onMouseOut="MM_swapImgRestore()" onMouseOver="MM_swapImage('nav0','','{{P}}images/nav_on.gif',1)"><img src="{{Asset(P + "images/nav_0.gif")}}" alt="网站首页" name="nav0" width="98" height="40" border="0"></a></td>
          {{string.Join("\n", MainNav.Where(c => c.Kind != ColumnKind3.SiteMap).Select(NavCell))}}
          </tr></table></td></tr>
          </table>
          <table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td valign="top">
          {{body}}
          </td></tr></table>
          <table width="980" border="0" align="center" cellpadding="8" cellspacing="0" class="foot"><tr><td align="center">
          {{UtilityLinks(" | ")}}
          {{FooterItems(P + "images/")}}
          </td></tr></table>
          </body>
          </html>
          """;

    private string NavCell(Column3 column)
    {
        var href = column.Kind == ColumnKind3.OffSite
            ? (column.Target == ExternalTarget.Hotline12345 ? Ext.Hotline + "/hd/index.html" : Ext.Hall + "/")
            : ColumnPath(column, 1);
        var name = $"nav{Num(column)}";
        return $"<td><a href=\"{href}\" onMouseOut=\"MM_swapImgRestore()\" onMouseOver=\"MM_swapImage('{name}','','{P}images/nav_on.gif',1)\"><img src=\"{Asset(P + $"images/nav_{Num(column)}.gif")}\" alt=\"{E(column.Name)}\" name=\"{name}\" width=\"98\" height=\"40\" border=\"0\"></a></td>";
    }

    /// <summary>Items grouped under year headings, each dated 11月03日 (the year only in the heading).</summary>
    private static string YearGroups(IEnumerable<Item3> items, Func<Item3, string> link, Func<DateOnly, string> date)
    {
        var html = new StringBuilder();
        foreach (var year in items.GroupBy(i => i.Date.Year))
        {
            html.Append($"<tr><td colspan=\"2\" class=\"year\"><strong>{year.Key}年</strong></td></tr>\n");
            foreach (var item in year)
            {
                html.Append($"<tr><td height=\"24\">{link(item)}</td><td width=\"80\" align=\"right\" class=\"date\">{date(item.Date)}</td></tr>\n");
            }
        }
        return html.ToString();
    }

    protected override void RenderHome()
    {
        var blocks = new StringBuilder();
        foreach (var column in HomeColumns)
        {
            blocks.Append($"<table width=\"480\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" style=\"float:left;margin:5px\"><tr><td class=\"btitle\">{E(column.Name)}</td><td align=\"right\"><a href=\"{ColumnPath(column, 1)}\"><img src=\"{Asset(P + "images/more.gif")}\" width=\"40\" height=\"11\" border=\"0\"></a></td></tr>\n");
            var items = HomeItems(column, 6);
            if (column.Dates is DatePlace.List or DatePlace.YearHeading)
            {
                blocks.Append(YearGroups(items, i => $"<a href=\"{ItemPath(column, i)}\" target=\"_blank\">{E(i.Title)}</a>", d => HomeDate(d, "MM月dd日")));
            }
            else
            {
                blocks.Append(string.Join("", items.Select(i => $"<tr><td colspan=\"2\" height=\"24\"><a href=\"{ItemPath(column, i)}\" target=\"_blank\">{E(i.Title)}</a></td></tr>")));
            }
            blocks.Append("</table>\n");
        }
        foreach (var notice in Site.HomeNotices)
        {
            blocks.Append($"<div class=\"gg\"><a href=\"{NoticesPath}\">{E(notice.Title)}</a> {HomeDate(notice.Date, "chinese")}</div>");
        }
        var home = Page(Site.Name, $"""
            {BannerImage(P + "images/")}
            {blocks}
            <div style="clear:both"></div>
            <table width="100%"><tr><td>友情链接：{FriendLinkItems((url, text) => $"<a href=\"{url}\" target=\"_blank\">{E(text)}</a>&nbsp;")}</td></tr></table>
            """);
        Html(P, home);
        Html(P + "index.htm", home);
    }

    protected override void RenderList(Column3 column)
    {
        for (var page = 1; page <= PageCount(column); page++)
        {
            if (column.InIframe)
            {
                Html(InnerPath(column, page), ListPage(column, page));
            }
            else
            {
                Html(ColumnPath(column, page), ListPage(column, page));
            }
        }
        if (column.InIframe)
        {
            Html(ColumnPath(column, 1), Page(column.Name, $"""
                <table width="100%"><tr><td class="position">您现在的位置：<a href="{P}index.htm">首页</a> &gt; {E(column.Name)}</td></tr></table>
                <iframe src="list.htm" name="main" width="100%" height="620" frameborder="0" scrolling="auto" marginwidth="0" marginheight="0"></iframe>
                """));
        }
    }

    protected override string ListPage(Column3 column, int page)
    {
        var items = PageOf(column, page);
        var link = (Item3 i) => $"<a href=\"show_{i.Id}.htm\" target=\"_blank\" title=\"{E(i.Title)}\">{E(i.Title)}</a>";
        var rows = column.Dates switch
        {
            DatePlace.YearHeading => YearGroups(items, link, d => Farm3Text.Format(d, "MM月dd日")),
            DatePlace.List => string.Join("\n", items.Select(i => $"<tr><td height=\"24\">{link(i)}</td><td width=\"100\" align=\"right\">({Farm3Text.Ymd(i.Date)})</td></tr>")),
            _ => string.Join("\n", items.Select(i => $"<tr><td colspan=\"2\" height=\"24\">{link(i)}</td></tr>")),
        };
        if (items.Count == 0)
        {
            rows = $"<tr><td colspan=\"2\" align=\"center\">{column.EmptyText ?? ""}</td></tr>";
        }
        var pages = PageCount(column);
        var pager = pages == 1 ? "" : "<tr><td colspan=\"2\" align=\"center\">" + string.Join(" ", Enumerable.Range(1, pages).Select(p => p == page
            ? $"<b>{p}</b>"
            : $"<a href=\"{(column.InIframe ? InnerPath(column, p) : ColumnPath(column, p))[Dir(column).Length..]}\">{p}</a>")) + "</td></tr>";
        var table = $"<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" class=\"list\">\n{rows}\n{pager}</table>";
        if (column.InIframe)
        {
            // Links inside the frame open in the whole window.
            return Page(column.Name, $"<base target=\"_blank\">{table}", bare: true);
        }
        return Page(column.Name, $"<table width=\"100%\"><tr><td class=\"position\">您现在的位置：<a href=\"{P}index.htm\">首页</a> &gt; {E(column.Name)}</td></tr></table>{table}");
    }

    protected override string DetailPage(Column3 column, Item3 item)
    {
        var dateLine = DateLine(column, item, "chinese");
        return Page(item.Title, $"""
            <table width="100%" border="0" cellpadding="0" cellspacing="0">
            <tr><td align="center" class="title"><h2>{E(item.Title)}</h2></td></tr>
            <tr><td align="center" class="info">{(dateLine.Length > 0 ? $"日期：{dateLine}　" : "")}作者：办公室</td></tr>
            <tr><td class="content">{ArticleBody(column, item, Dir(column) + "files/")}</td></tr>
            </table>
            """);
    }

    protected override string SinglePage(Column3 column, string body) => Page(column.Name, $"<table width=\"100%\"><tr><td class=\"btitle\">{E(column.Name)}</td></tr><tr><td>{body}</td></tr></table>");

    protected override string LetterListPath(int page) => P + $"gbook/list.asp?page={page}";

    protected override string LetterPath(Letter3 letter) => P + $"gbook/show.asp?id={letter.Id}";

    protected override string LetterListPage(Column3 column, int page, int pages, List<Letter3> letters)
    {
        var html = new StringBuilder($"<table width=\"100%\"><tr><td class=\"btitle\">{E(column.Name)}</td><td align=\"right\"><a href=\"{P}gbook/add.asp\"><img src=\"{Asset(P + "images/liuyan.gif")}\" border=\"0\" alt=\"我要留言\"></a></td></tr></table>");
        html.Append("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" bordercolor=\"#CCCCCC\"><tr><td>标题</td><td>留言日期</td><td>回复日期</td><td>状态</td></tr>\n");
        foreach (var letter in letters)
        {
            html.Append($"<tr><td><a href=\"show.asp?id={letter.Id}\">{E(letter.Title)}</a></td><td>{Farm3Text.Ymd(letter.Received)}</td><td>{(letter.Replied is { } r ? Farm3Text.Ymd(r) : "&nbsp;")}</td><td>{StatusImage(letter, P + "images/")}</td></tr>\n");
        }
        html.Append("</table><p align=\"center\">");
        html.AppendJoin(" ", Enumerable.Range(1, pages).Select(p => p == page ? $"<b>{p}</b>" : $"<a href=\"list.asp?page={p}\">{p}</a>"));
        Html(P + "gbook/add.asp", Page("我要留言", "<form method=\"post\" action=\"save.asp\">标题：<input name=\"title\"><br>内容：<textarea name=\"body\"></textarea><br><input type=\"submit\" value=\"提交\"></form>"));
        return Page(column.Name, html.Append("</p>").ToString());
    }

    protected override string LetterPage(Column3 column, Letter3 letter) => Page(letter.Title, LetterBlocks(letter, table: false));

    protected override string GuidePath(Guide3 guide, int tab) => guide.Shape == GuideShape.TabsPages
        ? P + $"bszn/show.asp?id={guide.Id}&tab={tab}"
        : P + $"bszn/{guide.Id}.htm";

    protected override string GuideListPage(Column3 column) => Page(column.Name,
        "<table width=\"100%\">" + string.Join("", Site.Guides.Select(g => $"<tr><td height=\"24\">·<a href=\"{GuidePath(g, 1).Replace("&", "&amp;", StringComparison.Ordinal)}\">{E(g.Name)}</a></td></tr>")) + "</table>");

    protected override string GuidePage(Column3 column, Guide3 guide, int tab) => Page(guide.Name,
        $"<table width=\"100%\"><tr><td align=\"center\"><h2>{E(guide.Name)}</h2></td></tr><tr><td>{GuideTabLinks(guide, tab)}{GuideFields(guide, tab)}{OnlineLink(guide)}</td></tr></table>");
}
