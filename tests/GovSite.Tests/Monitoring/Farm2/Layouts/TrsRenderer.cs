using System.Globalization;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// TRS WCM output: static directories per column, index.html / index_1.html pages driven by
/// createPageHTML, articles at ./202611/t20261103_4567890.html, every link relative.
/// </summary>
public sealed class TrsRenderer(SiteModel site) : Renderer(site)
{
    public override string HomePath => "index.html";

    private static string Dir(ColumnModel column) => string.Concat(column.Path.Select(c => c.Slug + "/"));

    public override string ColumnPath(ColumnModel column, int page) => Dir(column) + (page == 0 ? "index.html" : $"index_{page}.html");

    public override string ItemPath(ColumnModel column, ItemModel item) =>
        Dir(column) + $"{item.Date.ToString("yyyyMM", Inv)}/t{item.Date.ToString("yyyyMMdd", Inv)}_{item.Id}.html";

    public override string LetterPath(ColumnModel column, LetterModel letter) =>
        Dir(column) + $"{letter.Received.ToString("yyyyMM", Inv)}/t{letter.Received.ToString("yyyyMMdd", Inv)}_{letter.Id}.html";

    public override string GuidePath(ColumnModel column, GuideModel guide) => Dir(column) + $"bsznxq/{guide.Id}.html";

    /// <summary>TRS publishes every link relative to the page it is on.</summary>
    protected override string Href(string target)
    {
        var from = Current.Split('/')[..^1];
        var to = target.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }
        var up = from.Length - common;
        var rest = string.Join('/', to[common..]);
        return H(up == 0 ? "./" + rest : string.Concat(Enumerable.Repeat("../", up)) + rest);
    }

    protected override string ListDate(DateOnly date) => Ymd(date);

    protected override string ListBody(ColumnModel column, int page, IReadOnlyList<ItemModel> items)
    {
        var sb = new StringBuilder("<div class=\"list_con\"><ul class=\"list\">\n");
        foreach (var item in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(ItemPath(column, item))}\" target=\"_blank\" title=\"{H(item.Title)}\">{H(item.Title)}</a>");
            if (column.Dates == DatePlace.List)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<span>{ListDate(item.Date)}</span>");
            }
            sb.Append("</li>\n");
        }
        return sb.Append("</ul></div>\n").Append(Pager(column, page, column.PageCount)).ToString();
    }

    protected override string Pager(ColumnModel column, int page, int pageCount)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<div class=\"page\"><script language=\"JavaScript\">createPageHTML({pageCount}, {page}, \"index\", \"html\");</script>");
        if (pageCount > 1)
        {
            // The first variant hides the plain links in noscript, the second shows them.
            var links = new StringBuilder();
            links.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, 0))}\">首页</a> ");
            if (page > 0)
            {
                links.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, page - 1))}\">上一页</a> ");
            }
            if (page < pageCount - 1)
            {
                links.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, page + 1))}\">下一页</a> ");
            }
            links.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, pageCount - 1))}\">尾页</a>");
            sb.Append(Site.Variant ? $"<div class=\"fy\">{links}</div>" : $"<noscript>{links}</noscript>");
        }
        return sb.Append("</div>").ToString();
    }

    protected override string DetailBody(ColumnModel column, ItemModel item)
    {
        var info = column.Dates == DatePlace.Url ? "" : $"<span>发布时间：{Ymd(item.Date)} {Clock(item)}</span>";
        return $"<div class=\"article\"><h1 class=\"title\">{H(item.Title)}</h1><div class=\"info\">{info}<span>来源：{H(Site.Name)}</span><span>字号：[ <a href=\"javascript:doZoom(16)\">大</a> <a href=\"javascript:doZoom(14)\">中</a> <a href=\"javascript:doZoom(12)\">小</a> ]</span></div>" +
            $"<div class=\"TRS_Editor\">{ArticleText(column, item)}</div></div>";
    }

    protected override string HomeBody()
    {
        var sb = new StringBuilder(HomeCommon());
        foreach (var column in Site.Columns.Where(c => c.OnHome))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"block\"><div class=\"tit\"><a href=\"{Href(ColumnPath(column, 0))}\">{H(column.Name)}</a><a class=\"more\" href=\"{Href(ColumnPath(column, 0))}\">更多&gt;&gt;</a></div><ul>\n");
            foreach (var item in Newest(column))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(ItemPath(column, item))}\" target=\"_blank\" title=\"{H(item.Title)}\">{H(item.Title)}</a><span>{HomeDate(item.Date, Ymd)}</span></li>\n");
            }
            sb.Append("</ul></div>\n");
        }
        return sb.ToString();
    }
}
