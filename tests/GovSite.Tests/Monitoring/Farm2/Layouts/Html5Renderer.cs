using System.Globalization;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// A newer build: article elements with time datetime (the visible text 2026年11月3日, or only
/// 11月3日 in the variant, or "3天前" on the homepage), directory URLs with ?page=2.
/// </summary>
public sealed class Html5Renderer(SiteModel site) : Renderer(site)
{
    public override string HomePath => "";

    private static string Dir(ColumnModel column) => string.Join('/', column.Path.Select(c => c.Slug));

    public override string ColumnPath(ColumnModel column, int page) => Dir(column) + "/" + (page == 0 ? "" : $"?page={page + 1}");

    public override string ItemPath(ColumnModel column, ItemModel item) => $"{Dir(column)}/{item.Id}.html";

    public override string LetterPath(ColumnModel column, LetterModel letter) => $"{Dir(column)}/letter-{letter.Id}.html";

    public override string GuidePath(ColumnModel column, GuideModel guide) => $"{Dir(column)}/guide-{guide.Id}.html";

    public override string AssetDir => "assets/img/";

    protected override string ListDate(DateOnly date) => Site.Variant ? $"{date.Month}月{date.Day}日" : $"{date.Year}年{date.Month}月{date.Day}日";

    private static string Stamp(DateOnly date, ItemModel item) => $"{Ymd(date)}T{Clock(item)}:00+08:00";

    protected override string ListBody(ColumnModel column, int page, IReadOnlyList<ItemModel> items)
    {
        var sb = new StringBuilder("<section class=\"list\">\n");
        foreach (var item in items)
        {
            var time = column.Dates == DatePlace.List ? $"<time datetime=\"{Stamp(item.Date, item)}\">{ListDate(item.Date)}</time>" : "";
            sb.Append(CultureInfo.InvariantCulture, $"<article class=\"item\"><h3><a href=\"{Href(ItemPath(column, item))}\">{H(item.Title)}</a></h3><p class=\"summary\">{H(item.Paragraphs[0][..Math.Min(40, item.Paragraphs[0].Length)])}…</p>{time}</article>\n");
        }
        return sb.Append("</section>\n").Append(Pager(column, page, column.PageCount)).ToString();
    }

    protected override string EmptyList(ColumnModel column) => column.Empty == EmptyStyle.EmptyContainer
        ? "<section class=\"list\">\n</section>"
        : $"<section class=\"list\"><p class=\"empty\">{(column.Empty == EmptyStyle.NoDataText ? "暂无数据" : "暂无内容")}</p></section>";

    protected override string Pager(ColumnModel column, int page, int pageCount)
    {
        if (pageCount <= 1)
        {
            return "";
        }
        var sb = new StringBuilder("<nav class=\"pagination\" aria-label=\"分页\">");
        for (var p = 0; p < pageCount; p++)
        {
            sb.Append(p == page ? $"<span aria-current=\"page\">{p + 1}</span>" : $"<a href=\"{Href(ColumnPath(column, p))}\">{p + 1}</a>");
        }
        if (page < pageCount - 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a rel=\"next\" href=\"{Href(ColumnPath(column, page + 1))}\">下一页</a>");
        }
        return sb.Append("</nav>").ToString();
    }

    protected override string DetailBody(ColumnModel column, ItemModel item)
    {
        var time = column.Dates == DatePlace.Url ? "" : $"<time datetime=\"{Stamp(item.Date, item)}\">{Ymd(item.Date)} {Clock(item)}</time>";
        return $"<article class=\"detail\"><header><h1>{H(item.Title)}</h1><p class=\"meta\">{time}<span>来源：{H(Site.Name)}</span></p></header>" +
            $"<div class=\"content\">{ArticleText(column, item)}</div></article>";
    }

    protected override string HomeBody()
    {
        var sb = new StringBuilder("<main>").Append(HomeCommon());
        foreach (var column in Site.Columns.Where(c => c.OnHome))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<section class=\"block\"><h2><a href=\"{Href(ColumnPath(column, 0))}\">{H(column.Name)}</a></h2>\n");
            foreach (var item in Newest(column))
            {
                var shown = Site.HomeRelative ? $"{AsOf.DayNumber - item.Date.DayNumber}天前" : HomeDate(item.Date, ListDate);
                sb.Append(CultureInfo.InvariantCulture, $"<article><a href=\"{Href(ItemPath(column, item))}\">{H(item.Title)}</a><time datetime=\"{Stamp(item.Date, item)}\">{shown}</time></article>\n");
            }
            sb.Append("</section>\n");
        }
        return sb.Append("</main>").ToString();
    }
}
