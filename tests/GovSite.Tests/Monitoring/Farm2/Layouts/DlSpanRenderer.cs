using System.Globalization;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// dl/dt/dd lists (or, in the variant, p with span title and span date), dates written
/// 2026年11月3日, URLs /channel/12.html, /channel/12_2.html, /content/12/345.html.
/// </summary>
public sealed class DlSpanRenderer(SiteModel site) : Renderer(site)
{
    public override string HomePath => "index.html";

    public override string ColumnPath(ColumnModel column, int page) => $"channel/{column.Id}" + (page == 0 ? ".html" : $"_{page + 1}.html");

    public override string ItemPath(ColumnModel column, ItemModel item) => $"content/{column.Id}/{item.Id}.html";

    public override string LetterPath(ColumnModel column, LetterModel letter) => $"letter/{letter.Id}.html";

    public override string GuidePath(ColumnModel column, GuideModel guide) => $"guide/{guide.Id}.html";

    public override string LeaderPath(ColumnModel column, int n) => $"channel/{column.Id}_leader{n}.html";

    protected override string ListDate(DateOnly date) => Site.Variant ? date.ToString("yyyy年MM月dd日", Inv) : $"{date.Year}年{date.Month}月{date.Day}日";

    protected override string ListBody(ColumnModel column, int page, IReadOnlyList<ItemModel> items)
    {
        var dated = column.Dates == DatePlace.List;
        var sb = new StringBuilder(Site.Variant ? "<div class=\"list\">\n" : "<div class=\"newslist\">\n");
        foreach (var item in items)
        {
            var link = $"<a href=\"{Href(ItemPath(column, item))}\" title=\"{H(item.Title)}\">{H(item.Title)}</a>";
            sb.Append(Site.Variant
                ? $"<p><span class=\"tit\">{link}</span>{(dated ? $"<span class=\"date\">{ListDate(item.Date)}</span>" : "")}</p>\n"
                : $"<dl><dt>{link}</dt>{(dated ? $"<dd>{ListDate(item.Date)}</dd>" : "")}</dl>\n");
        }
        return sb.Append("</div>\n").Append(Pager(column, page, column.PageCount)).ToString();
    }

    protected override string Pager(ColumnModel column, int page, int pageCount)
    {
        if (pageCount <= 1)
        {
            return "";
        }
        var sb = new StringBuilder("<div class=\"pages\">");
        sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, 0))}\">首页</a>");
        if (page > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, page - 1))}\">上一页</a>");
        }
        if (page < pageCount - 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, page + 1))}\">下一页</a>");
        }
        return sb.Append(CultureInfo.InvariantCulture, $"<span>第{page + 1}页/共{pageCount}页</span></div>").ToString();
    }

    protected override string DetailBody(ColumnModel column, ItemModel item)
    {
        var date = column.Dates == DatePlace.Url ? "" : $"<span>发布日期：{item.Date.Year}年{item.Date.Month}月{item.Date.Day}日</span>";
        return $"<div class=\"article\"><h2>{H(item.Title)}</h2><div class=\"property\">{date}<span>信息来源：{H(Site.Name)}</span></div>" +
            $"<div class=\"content\">{ArticleText(column, item)}</div></div>";
    }

    protected override string HomeBody()
    {
        var sb = new StringBuilder(HomeCommon());
        foreach (var column in Site.Columns.Where(c => c.OnHome))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"mod\"><div class=\"mod-hd\"><span>{H(column.Name)}</span><a href=\"{Href(ColumnPath(column, 0))}\">{H(column.Name)}更多</a></div><div class=\"mod-bd\">\n");
            foreach (var item in Newest(column))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<dl><dt><a href=\"{Href(ItemPath(column, item))}\">{H(item.Title)}</a></dt><dd>{HomeDate(item.Date, ListDate)}</dd></dl>\n");
            }
            sb.Append("</div></div>\n");
        }
        return sb.ToString();
    }
}
