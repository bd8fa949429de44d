using System.Globalization;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// 开普云 output: /channels/123.html and /channels/123_2.html, articles /contents/123/456789.html,
/// the mailbox under /interact/ with each letter's state shown only on its own page.
/// </summary>
public sealed class KpyRenderer(SiteModel site) : Renderer(site)
{
    public override string HomePath => "";

    public override string ColumnPath(ColumnModel column, int page) => column.Kind == ColumnKind.Letters
        ? $"interact/{column.Id}/list" + (page == 0 ? ".html" : $"_{page + 1}.html")
        : $"channels/{column.Id}" + (page == 0 ? ".html" : $"_{page + 1}.html");

    public override string ItemPath(ColumnModel column, ItemModel item) => $"contents/{column.Id}/{item.Id}.html";

    public override string LetterPath(ColumnModel column, LetterModel letter) => $"interact/{column.Id}/letter_{letter.Id}.html";

    public override string GuidePath(ColumnModel column, GuideModel guide) => $"contents/{column.Id}/{guide.Id}.html";

    public override string LeaderPath(ColumnModel column, int n) => $"contents/{column.Id}/leader{n}.html";

    public override string AssetDir => "static/images/";

    protected override string ListDate(DateOnly date) => Ymd(date);

    protected override string ListBody(ColumnModel column, int page, IReadOnlyList<ItemModel> items)
    {
        var sb = new StringBuilder("<ul class=\"list-ul\">\n");
        foreach (var item in items)
        {
            var date = column.Dates == DatePlace.List ? $"<span class=\"date\">{ListDate(item.Date)}</span>" : "";
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(ItemPath(column, item))}\" title=\"{H(item.Title)}\" target=\"_blank\">{H(item.Title)}</a>{date}</li>\n");
        }
        return sb.Append("</ul>\n").Append(Pager(column, page, column.PageCount)).ToString();
    }

    protected override string Pager(ColumnModel column, int page, int pageCount)
    {
        var sb = new StringBuilder("<div class=\"pagination\">");
        sb.Append(page > 0 ? $"<a href=\"{Href(ColumnPath(column, page - 1))}\">上一页</a>" : "<span class=\"disabled\">上一页</span>");
        for (var p = 0; p < pageCount; p++)
        {
            sb.Append(p == page ? $"<span class=\"current\">{p + 1}</span>" : $"<a href=\"{Href(ColumnPath(column, p))}\">{p + 1}</a>");
        }
        sb.Append(page < pageCount - 1 ? $"<a href=\"{Href(ColumnPath(column, page + 1))}\">下一页</a>" : "<span class=\"disabled\">下一页</span>");
        return sb.Append("</div>").ToString();
    }

    protected override string DetailBody(ColumnModel column, ItemModel item)
    {
        var date = column.Dates == DatePlace.Url ? "" : $"<span>发布时间：{Ymd(item.Date)} {Clock(item)}</span>";
        return $"<div class=\"article-con\"><h1>{H(item.Title)}</h1><div class=\"article-info\">{date}<span>来源：{H(Site.Name)}</span><span>浏览量：<i id=\"hits\"></i></span></div>" +
            $"<div class=\"article-content\">{ArticleText(column, item)}</div></div>";
    }

    protected override string HomeBody()
    {
        var sb = new StringBuilder(HomeCommon());
        foreach (var column in Site.Columns.Where(c => c.OnHome))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"index-news\"><div class=\"title\"><a href=\"{Href(ColumnPath(column, 0))}\">{H(column.Name)}</a></div><ul>\n");
            foreach (var item in Newest(column))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(ItemPath(column, item))}\" target=\"_blank\">{H(item.Title)}</a><span>{HomeDate(item.Date, Ymd)}</span></li>\n");
            }
            sb.Append("</ul></div>\n");
        }
        return sb.ToString();
    }
}
