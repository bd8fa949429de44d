using System.Globalization;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// An old ASP site: the page is nested tables, lists are rows of td title and td date
/// ([2026-11-03] or 2026/11/03), a "new" icon links to the article beside its title,
/// URLs are list.asp?classid=12&amp;page=2 and show.asp?id=345.
/// </summary>
public sealed class TableRenderer(SiteModel site) : Renderer(site)
{
    public override string HomePath => "index.asp";

    public override string ColumnPath(ColumnModel column, int page)
    {
        var more = page == 0 ? "" : $"&page={page + 1}";
        return column.Kind switch
        {
            ColumnKind.Letters or ColumnKind.MailForm => $"xfxx/list.asp?classid={column.Id}{more}",
            ColumnKind.List or ColumnKind.Guides or ColumnKind.LeaderList => $"list.asp?classid={column.Id}{more}",
            _ => $"about.asp?classid={column.Id}",
        };
    }

    public override string ItemPath(ColumnModel column, ItemModel item) => $"show.asp?id={item.Id}";

    public override string LetterPath(ColumnModel column, LetterModel letter) => $"xfxx/show.asp?id={letter.Id}";

    public override string GuidePath(ColumnModel column, GuideModel guide) => $"bszn/show.asp?id={guide.Id}";

    public override string LeaderPath(ColumnModel column, int n) => $"leader.asp?id={n}";

    protected override string ListDate(DateOnly date) => Site.Variant ? date.ToString("yyyy/MM/dd", Inv) : $"[{Ymd(date)}]";

    protected override string ListBody(ColumnModel column, int page, IReadOnlyList<ItemModel> items)
    {
        var sb = new StringBuilder("<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" class=\"list\">\n");
        foreach (var item in items)
        {
            var href = Href(ItemPath(column, item));
            var icon = AsOf.DayNumber - item.Date.DayNumber <= 7 ? $"<a href=\"{href}\"><img src=\"{Href(AssetDir + "new.gif")}\" border=\"0\"></a>" : "";
            var date = column.Dates == DatePlace.List ? ListDate(item.Date) : "";
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td width=\"15\"><img src=\"{Href(AssetDir + "dot.gif")}\"></td><td class=\"title\"><a href=\"{href}\" target=\"_blank\">{H(item.Title)}</a>{icon}</td><td width=\"100\" align=\"right\">{date}</td></tr>\n");
        }
        return sb.Append("</table>\n").Append(Pager(column, page, column.PageCount)).ToString();
    }

    protected override string EmptyList(ColumnModel column) =>
        "<table width=\"100%\" class=\"list\"><tr><td align=\"center\">没有记录</td></tr></table>" + (column.Empty == EmptyStyle.ZeroCount ? "<div>共0条记录 第1/1页</div>" : "");

    protected override string Pager(ColumnModel column, int page, int pageCount)
    {
        var total = column.Kind == ColumnKind.Letters ? column.Letters.Count : column.Items.Count;
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<table width=\"100%\"><tr><td align=\"center\">共{total}条记录 第{page + 1}/{pageCount}页 ");
        if (page > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, 0))}\">首页</a> <a href=\"{Href(ColumnPath(column, page - 1))}\">上一页</a> ");
        }
        if (page < pageCount - 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, page + 1))}\">下一页</a> <a href=\"{Href(ColumnPath(column, pageCount - 1))}\">尾页</a>");
        }
        return sb.Append("</td></tr></table>").ToString();
    }

    protected override string DetailBody(ColumnModel column, ItemModel item)
    {
        var info = column.Dates == DatePlace.Url ? "" : $"发布时间：{item.Date.Year}-{item.Date.Month}-{item.Date.Day} {Clock(item)}:{item.Id % 60:00}　";
        return $"<table width=\"100%\" class=\"show\"><tr><td class=\"title\" align=\"center\"><b>{H(item.Title)}</b></td></tr>" +
            $"<tr><td align=\"center\" class=\"info\">{info}点击数：{item.Id % 500 + 20}</td></tr><tr><td class=\"content\">{ArticleText(column, item)}</td></tr></table>";
    }

    protected override string HomeBody()
    {
        var sb = new StringBuilder(HomeCommon());
        sb.Append("<table width=\"980\" border=\"0\" align=\"center\"><tr>\n");
        foreach (var column in Site.Columns.Where(c => c.OnHome))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<td valign=\"top\"><table width=\"100%\"><tr><td class=\"bt\"><a href=\"{Href(ColumnPath(column, 0))}\">{H(column.Name)}</a></td><td align=\"right\"><a href=\"{Href(ColumnPath(column, 0))}\">more</a></td></tr>\n");
            foreach (var item in Newest(column))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Href(ItemPath(column, item))}\" target=\"_blank\">{H(item.Title)}</a></td><td align=\"right\">{HomeDate(item.Date, ListDate)}</td></tr>\n");
            }
            sb.Append("</table></td>\n");
        }
        return sb.Append("</tr></table>\n").ToString();
    }
}
