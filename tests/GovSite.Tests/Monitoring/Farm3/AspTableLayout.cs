using System.Text;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>
/// An old ASP site as county bureaus still run them: everything in tables, navigation as a row
/// of image links whose only text is the alt, &lt;font&gt; tags, &amp;nbsp;-padded date cells
/// ([2026-11-03] or 2026/11/03), unquoted attributes, a pager that is a form with goPage()
/// links beside plain list.asp?classid=3&amp;page=2 links, and a plain guestbook.
/// </summary>
public sealed class AspTableLayout(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf) : Farm3Renderer(site, host, ext, asOf)
{
    private string Dir(Column3 column) => column.InDisclosure ? P + "zwgk/" : P + "news/";

    protected override string ColumnPath(Column3 column, int page) => column.Kind switch
    {
        ColumnKind3.CatalogueEntry => P + "zwgk/index.asp",
        ColumnKind3.RequestEntry => P + "zwgk/ysqgk.asp",
        ColumnKind3.SiteMap => P + "sitemap.asp",
        ColumnKind3.SinglePage => P + $"about.asp?id={Num(column)}",
        ColumnKind3.Letters => LetterListPath(1),
        ColumnKind3.Guides => P + "bszn/list.asp",
        _ => Dir(column) + $"list.asp?classid={Num(column)}" + (page == 1 ? "" : $"&page={page}"),
    };

    protected override string ItemPath(Column3 column, Item3 item) => Dir(column) + $"show.asp?id={item.Id}";

    private string DateFormat(Column3 column) => Num(column) % 2 == 0 ? "[yyyy-MM-dd]" : "yyyy/MM/dd";

    private string Page(string title, string body) => $$"""
        <html>
        <head>
        {{CharsetMeta}}
        <title>{{E(title)}}</title>
        {{SiteMeta}}
        <link href="{{Asset(P + "css/css.css")}}" rel=stylesheet type=text/css>
        <script language=javascript>function goPage(n){document.pageform.page.value=n;document.pageform.submit();}</script>
        </head>
        <body leftmargin=0 topmargin=0 marginwidth=0 marginheight=0 bgcolor=#FFFFFF>
        <table width=1000 border=0 align=center cellpadding=0 cellspacing=0>
        <tr><td height=120 background="{{Asset(P + "images/top.jpg")}}">{{TemplateImage(P + "images/")}}</td></tr>
        <tr><td><table width=100% border=0 cellspacing=0 cellpadding=0><tr>
        <td><a href={{P}}index.asp><img src="{{Asset(P + "images/nav_01.gif")}}" width=90 height=36 border=0 alt="首页"></a></td>
        {{string.Join("\n", MainNav.Where(c => c.Kind is not (ColumnKind3.SiteMap or ColumnKind3.RequestEntry)).Select(NavCell))}}
        </tr></table></td></tr>
        <tr><td bgcolor=#F5F5F5 height=28>&nbsp;<script>document.write(new Date().toLocaleDateString());</script>&nbsp;&nbsp;<form name=search action={{P}}search.asp method=post style="display:inline"><input name=key size=20> <input type=submit value=搜索></form></td></tr>
        </table>
        <table width=1000 border=0 align=center cellpadding=0 cellspacing=0><tr><td valign=top>
        {{body}}
        </td></tr></table>
        <table width=1000 border=0 align=center cellpadding=6 cellspacing=0 bgcolor=#E8E8E8><tr><td align=center><font color=#555555>
        {{UtilityLinks("&nbsp;|&nbsp;")}}
        {{FooterItems(P + "images/")}}
        </font></td></tr></table>
        </body>
        </html>
        """;

    private string NavCell(Column3 column)
    {
        var href = column.Kind == ColumnKind3.OffSite
            ? (column.Target == ExternalTarget.Hotline12345 ? Ext.Hotline + "/hd/index.html" : Ext.Hall + "/")
            : ColumnPath(column, 1).Replace("&", "&amp;", StringComparison.Ordinal);
        return $"<td><a href={href} target=_self><img src=\"{Asset(P + $"images/nav_{Num(column)}.gif")}\" width=90 height=36 border=0 alt=\"{E(column.Name)}\"></a></td>";
    }

    protected override void RenderHome()
    {
        var blocks = new StringBuilder("<table width=100% border=0 cellspacing=4 cellpadding=0><tr>");
        var n = 0;
        foreach (var column in HomeColumns)
        {
            if (n++ % 2 == 0 && n > 1)
            {
                blocks.Append("</tr><tr>");
            }
            blocks.Append($"<td width=50% valign=top><table width=100% border=0 cellspacing=0 cellpadding=0><tr><td height=30 background=\"{Asset(P + "images/title_bg.gif")}\">&nbsp;<font color=#FFFFFF><b>{E(column.Name)}</b></font></td>");
            blocks.Append($"<td align=right background=\"{Asset(P + "images/title_bg.gif")}\"><a href={ColumnPath(column, 1)}><img src=\"{Asset(P + "images/more.gif")}\" border=0></a>&nbsp;</td></tr>");
            foreach (var item in HomeItems(column, 6))
            {
                blocks.Append($"<tr><td height=24>&nbsp;·<a href={ItemPath(column, item)} target=_blank title=\"{E(item.Title)}\">{E(item.Title)}</a></td><td align=right><font color=#999999>{(column.Dates == DatePlace.List ? HomeDate(item.Date, "yyyy/MM/dd") : "")}</font>&nbsp;</td></tr>");
            }
            blocks.Append("</table></td>");
        }
        blocks.Append("</tr></table>");
        var notices = string.Join("&nbsp;&nbsp;", Site.HomeNotices.Select(i => $"<a href={NoticesPath}><font color=red>{E(i.Title)}</font></a>[{HomeDate(i.Date, "yyyy-MM-dd")}]"));
        var home = Page(Site.Name, $"""
            {BannerImage(P + "images/")}
            <table width=100%><tr><td height=26><b>最新公告：</b><marquee width=800 scrollamount=2>{notices}</marquee></td></tr></table>
            {blocks}
            <table width=100%><tr><td><b>友情链接：</b>{FriendLinkItems((url, text) => $"<a href={url} target=_blank>{E(text)}</a>&nbsp;&nbsp;")}</td></tr></table>
            """);
        Html(P, home);
        Html(P + "index.asp", home);
    }

    protected override void RenderList(Column3 column)
    {
        base.RenderList(column);
        // ASP answers page 1 with or without the page parameter; the pager writes it.
        Html(ColumnPath(column, 1) + "&page=1", ListPage(column, 1));
    }

    protected override string ListPage(Column3 column, int page)
    {
        var html = new StringBuilder($"<table width=100% border=0 cellpadding=0 cellspacing=0><tr><td height=32 background=\"{Asset(P + "images/title_bg.gif")}\">&nbsp;&nbsp;<font color=#FFFFFF><b>{E(column.Name)}</b></font></td></tr></table>");
        html.Append("<table width=96% border=0 align=center cellpadding=0 cellspacing=0>\n");
        var items = PageOf(column, page);
        foreach (var item in items)
        {
            var date = column.Dates == DatePlace.List ? Farm3Text.Format(item.Date, DateFormat(column)) : "";
            html.Append($"<tr><td height=26 class=list>·<a href=show.asp?id={item.Id} target=_blank title=\"{E(item.Title)}\"><font color=#333333>{E(item.Title)}</font></a></td>");
            html.Append($"<td width=110 align=right><font color=#999999>&nbsp;{date}&nbsp;</font></td></tr>\n");
            html.Append($"<tr><td colspan=2 height=1 background=\"{Asset(P + "images/dot_line.gif")}\"></td></tr>\n");
        }
        if (items.Count == 0)
        {
            html.Append($"<tr><td height=60 align=center>{column.EmptyText ?? "&nbsp;"}</td></tr>");
        }
        html.Append("</table>");
        var pages = PageCount(column);
        var num = Num(column);
        html.Append($"<form name=pageform method=get action=list.asp><input type=hidden name=classid value={num}><input type=hidden name=page value={page}>");
        html.Append($"<table width=96% align=center><tr><td align=center>共 {column.Items.Count} 条记录&nbsp;页次：{page}/{pages}&nbsp;每页{column.PageSize}条&nbsp;");
        html.Append("<a href=\"javascript:goPage(1)\">首页</a>&nbsp;");
        if (page < pages)
        {
            html.Append($"<a href=\"javascript:goPage({page + 1})\">下一页</a>&nbsp;");
        }
        html.AppendJoin("&nbsp;", Enumerable.Range(1, pages).Select(p => p == page ? $"<font color=red>{p}</font>" : $"<a href=list.asp?classid={num}&page={p}>{p}</a>"));
        html.Append($"&nbsp;转到：<select onchange=\"goPage(this.value)\">{string.Join("", Enumerable.Range(1, pages).Select(p => $"<option value={p}{(p == page ? " selected" : "")}>第{p}页</option>"))}</select></td></tr></table></form>");
        return Page(column.Name, html.ToString());
    }

    protected override string DetailPage(Column3 column, Item3 item)
    {
        var dateLine = DateLine(column, item);
        return Page(item.Title, $"""
            <table width=96% border=0 align=center cellpadding=0 cellspacing=0>
            <tr><td height=30>当前位置：<a href={P}index.asp>首页</a> &gt;&gt; <a href={ColumnPath(column, 1)}>{E(column.Name)}</a></td></tr>
            <tr><td align=center height=50><font size=4 color=#CC0000><b>{E(item.Title)}</b></font></td></tr>
            <tr><td align=center bgcolor=#F0F0F0 height=26>{(dateLine.Length > 0 ? $"发布时间：{dateLine}&nbsp;&nbsp;" : "")}来源：{E(Site.Name)}&nbsp;&nbsp;点击数：<font color=red>{item.Id % 900 + 37}</font></td></tr>
            <tr><td class=content style="line-height:200%">{ArticleBody(column, item, P + "UploadFiles/")}</td></tr>
            </table>
            """);
    }

    protected override string SinglePage(Column3 column, string body) => Page(column.Name,
        $"<table width=96% align=center><tr><td height=32><font color=#0055AA><b>{E(column.Name)}</b></font></td></tr><tr><td style=\"line-height:200%\">{body}</td></tr></table>");

    protected override string LetterListPath(int page) => P + $"gbook/index.asp?page={page}";

    protected override string LetterPath(Letter3 letter) => P + $"gbook/show.asp?id={letter.Id}";

    protected override string LetterListPage(Column3 column, int page, int pages, List<Letter3> letters)
    {
        var html = new StringBuilder($"<table width=96% align=center><tr><td><b>{E(column.Name)}</b>&nbsp;&nbsp;<a href={P}gbook/write.asp>[我要留言]</a></td></tr></table>");
        html.Append("<table width=96% align=center border=1 bordercolor=#DDDDDD cellspacing=0 cellpadding=4><tr bgcolor=#F0F0F0><td>留言主题</td><td width=80>留言人</td><td width=100>留言时间</td><td width=80>状态</td></tr>\n");
        foreach (var letter in letters)
        {
            var color = letter.Replied is null ? "red" : "green";
            html.Append($"<tr><td><a href=show.asp?id={letter.Id} target=_blank>{E(letter.Title)}</a></td><td>王**</td><td>{Farm3Text.Ymd(letter.Received)}</td><td><font color={color}>{letter.Status}</font></td></tr>\n");
        }
        html.Append("</table><table width=96% align=center><tr><td align=right>");
        html.AppendJoin("&nbsp;", Enumerable.Range(1, pages).Select(p => p == page ? $"[{p}]" : $"<a href=index.asp?page={p}>[{p}]</a>"));
        Html(P + "gbook/write.asp", Page("我要留言", "<form action=save.asp method=post>主题：<input name=title><br>内容：<textarea name=content></textarea><br><input type=submit value=提交></form>"));
        return Page(column.Name, html.Append("</td></tr></table>").ToString());
    }

    protected override string LetterPage(Column3 column, Letter3 letter)
    {
        var replied = letter.Replied is { } r
            ? $"<tr><td bgcolor=#F0F0F0>回复时间</td><td>{Farm3Text.Ymd(r)}</td></tr><tr><td bgcolor=#F0F0F0>回复内容</td><td>您好！您反映的问题已转相关单位处理，处理结果已电话告知。感谢您的关注。</td></tr>"
            : "<tr><td bgcolor=#F0F0F0>回复内容</td><td>&nbsp;</td></tr>";
        return Page(letter.Title, $"""
            <table width=96% align=center border=1 bordercolor=#DDDDDD cellspacing=0 cellpadding=6>
            <tr><td width=100 bgcolor=#F0F0F0>留言主题</td><td>{E(letter.Title)}</td></tr>
            <tr><td bgcolor=#F0F0F0>留言时间</td><td>{Farm3Text.Ymd(letter.Received)}</td></tr>
            <tr><td bgcolor=#F0F0F0>留言内容</td><td>{E(letter.Title)}，请有关部门予以答复。</td></tr>
            <tr><td bgcolor=#F0F0F0>处理状态</td><td>{letter.Status}</td></tr>
            {replied}
            </table>
            """);
    }

    protected override string GuidePath(Guide3 guide, int tab) => P + $"bszn/show.asp?id={guide.Id}" + (guide.Shape == GuideShape.TabsPages ? $"&tab={tab}" : "");

    protected override string GuideListPage(Column3 column) => Page(column.Name,
        "<table width=96% align=center>" + string.Join("", Site.Guides.Select(g => $"<tr><td height=26>·<a href={GuidePath(g, 1).Replace("&", "&amp;", StringComparison.Ordinal)} target=_blank>{E(g.Name)}</a></td></tr>")) + "</table>");

    protected override string GuidePage(Column3 column, Guide3 guide, int tab) => Page(guide.Name,
        $"<table width=96% align=center><tr><td align=center><font size=4><b>{E(guide.Name)}</b></font></td></tr><tr><td>{GuideTabLinks(guide, tab)}{GuideFields(guide, tab)}{OnlineLink(guide)}</td></tr></table>");
}
