using System.Globalization;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// 大汉 JCMS output: /col/col1234/index.html whose items sit in a datastore inside a
/// script type="text/xml" (the page's JavaScript pages them), articles at
/// /art/2026/11/3/art_1234_56789.html, navigation written with the host, and Hanweb jact mailboxes.
/// </summary>
public sealed class JcmsRenderer(SiteModel site) : Renderer(site)
{
    public override string HomePath => "index.html";

    public override string ColumnPath(ColumnModel column, int page) => column.Kind == ColumnKind.Letters
        ? $"jact/front/maillist.do?sysid={column.Id}" + (page == 0 ? "" : $"&pageNo={page + 1}")
        : $"col/col{column.Id}/index.html";

    public override string ItemPath(ColumnModel column, ItemModel item) =>
        $"art/{item.Date.Year}/{item.Date.Month}/{item.Date.Day}/art_{column.Id}_{item.Id}.html";

    public override string LetterPath(ColumnModel column, LetterModel letter) => $"jact/front/mailpubdetail.do?transactId={letter.Id}&sysid={column.Id}";

    public override string GuidePath(ColumnModel column, GuideModel guide) => $"art/2025/3/10/art_{column.Id}_{guide.Id}.html";

    protected override string NavHref(string target) => H(Origin + Site.Base + target);

    protected override string ListDate(DateOnly date) => Ymd(date);

    private static int UnitOf(ColumnModel column) => 5000 + column.Id % 997;

    private string DataProxy(ColumnModel column) =>
        $"module/web/jpage/dataproxy.jsp?page=1&webid=1&path={Uri.EscapeDataString(Site.Base)}&columnid={column.Id}&unitid={UnitOf(column)}&permissiontype=0";

    private string Datastore(ColumnModel column, IReadOnlyList<ItemModel> items)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<div class=\"default_pgContainer\" id=\"{UnitOf(column)}\"><script type=\"text/xml\"><datastore>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<nextgroup><![CDATA[<a href=\"{Site.Base}{DataProxy(column)}\"></a>]]></nextgroup>\n<recordset>\n");
        foreach (var item in items)
        {
            var date = column.Dates == DatePlace.List ? $"<span class=\"bt-data-time\">{ListDate(item.Date)}</span>" : "";
            sb.Append(CultureInfo.InvariantCulture, $"<record><![CDATA[\n<li><a href=\"{Href(ItemPath(column, item))}\" title=\"{H(item.Title)}\" target=\"_blank\">{H(item.Title)}</a>{date}</li>\n]]></record>\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"</recordset></datastore></script></div>\n<script language=\"javascript\" src=\"{Href("module/web/jpage/jpage.js")}\"></script>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<script>var totalRecord = {items.Count}; var perpage = 15; jpage('{UnitOf(column)}');</script>\n");
        AddRaw(DataProxy(column), new Resource(200, Encoding.UTF8.GetBytes("<datastore><recordset></recordset></datastore>"), "text/xml; charset=utf-8"));
        AddRaw("module/web/jpage/jpage.js", Script("function jpage(id){}"));
        return sb.ToString();
    }

    protected override string ListBody(ColumnModel column, int page, IReadOnlyList<ItemModel> items) => Datastore(column, items);

    protected override string EmptyList(ColumnModel column) => Datastore(column, []);

    protected override string Pager(ColumnModel column, int page, int pageCount)
    {
        if (pageCount <= 1)
        {
            return "";
        }
        var sb = new StringBuilder("<div class=\"pagination\">");
        for (var p = 0; p < pageCount; p++)
        {
            sb.Append(p == page ? $"<span>{p + 1}</span>" : $"<a href=\"{Href(ColumnPath(column, p))}\">{p + 1}</a>");
        }
        return sb.Append(CultureInfo.InvariantCulture, $"<span>共{pageCount}页</span></div>").ToString();
    }

    protected override string DetailBody(ColumnModel column, ItemModel item)
    {
        var hits = $"module/visitcount/articlehits.jsp?colid={column.Id}&artid={item.Id}";
        AddRaw(hits, Script($"document.write('{item.Id % 900 + 37}');"));
        var date = column.Dates == DatePlace.Url ? "" : $"<span>发布日期：{Ymd(item.Date)}</span>";
        return $"<div class=\"main-txt\"><h1>{H(item.Title)}</h1><div class=\"info\">{date}<span>信息来源：{H(Site.Name)}办公室</span>" +
            $"<span>浏览次数：<script language=\"javascript\" src=\"{Href(hits)}\"></script></span></div><div id=\"zoom\">{ArticleText(column, item)}</div></div>";
    }

    protected override string HomeBody()
    {
        var sb = new StringBuilder(HomeCommon());
        foreach (var column in Site.Columns.Where(c => c.OnHome))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"news-box\"><div class=\"hd\"><h3><a href=\"{NavHref(ColumnPath(column, 0))}\">{H(column.Name)}</a></h3></div><ul class=\"bd\">\n");
            foreach (var item in Newest(column))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(ItemPath(column, item))}\" target=\"_blank\" title=\"{H(item.Title)}\">{H(item.Title)}</a><span class=\"date\">[{HomeDate(item.Date, Ymd)}]</span></li>\n");
            }
            sb.Append("</ul></div>\n");
        }
        return sb.ToString();
    }
}
