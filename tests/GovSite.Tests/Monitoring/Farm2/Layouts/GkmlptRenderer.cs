using System.Globalization;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>
/// A Guangdong portal: news at /xwzx/content/post_4567890.html with index_2.html pages, and the
/// 拓尔思 gkmlpt disclosure catalogue: /gkmlpt/index (a script application with a noscript tree),
/// /gkmlpt/ysqgk, subcolumn lists as tables with 索引号, detail pages with a metadata table
/// (成文日期 before 发布日期) at /gkmlpt/content/4/4567/post_4567890.html.
/// </summary>
public sealed class GkmlptRenderer(SiteModel site) : Renderer(site)
{
    public override string HomePath => "";

    private static bool InCatalogue(ColumnModel column) => column.Parent?.Name == "政府信息公开";

    public override string ColumnPath(ColumnModel column, int page)
    {
        var suffix = page == 0 ? "index.html" : $"index_{page + 1}.html";
        if (InCatalogue(column))
        {
            return column.Kind switch
            {
                ColumnKind.CatalogueEntry => "gkmlpt/index",
                ColumnKind.ApplyEntry => "gkmlpt/ysqgk",
                _ when column.Name == "政府信息公开指南" => "gkmlpt/guide",
                _ when column.Name == "政府信息公开年度报告" => "gkmlpt/annualreport" + (page == 0 ? "" : $"_{page + 1}"),
                _ => $"zwgk/{column.Slug}/{suffix}",
            };
        }
        return column.Kind switch
        {
            ColumnKind.Letters or ColumnKind.MailForm => $"hdjl/{column.Slug}/{suffix}",
            ColumnKind.Guides => $"bsfw/{column.Slug}/{suffix}",
            _ => $"{column.Slug}/{suffix}",
        };
    }

    public override string ItemPath(ColumnModel column, ItemModel item) => InCatalogue(column)
        ? $"gkmlpt/content/{item.Id / 1000000 % 10}/{item.Id / 1000 % 10000}/post_{item.Id}.html"
        : $"{column.Slug}/content/post_{item.Id}.html";

    public override string LetterPath(ColumnModel column, LetterModel letter) => $"hdjl/{column.Slug}/content/post_{letter.Id}.html";

    public override string GuidePath(ColumnModel column, GuideModel guide) => $"bsfw/{column.Slug}/content/post_{guide.Id}.html";

    public override string LeaderPath(ColumnModel column, int n) => $"{column.Slug}/content/leader_{n}.html";

    protected override string ListDate(DateOnly date) => Ymd(date);

    /// <summary>索引号 as Guangdong writes it: organisation code / year-serial (looks a little like a date).</summary>
    private string IndexNumber(ItemModel item) => $"{Site.Code}{item.Id % 97:00}/{item.Date.Year}-{item.Id % 100000:00000}";

    protected override string ListBody(ColumnModel column, int page, IReadOnlyList<ItemModel> items)
    {
        var sb = new StringBuilder();
        var dated = column.Dates == DatePlace.List;
        if (InCatalogue(column))
        {
            sb.Append(dated ? "<table class=\"table-gkml\"><tr><th>索引号</th><th>标题</th><th>发布日期</th></tr>\n" : "<table class=\"table-gkml\"><tr><th>索引号</th><th>标题</th></tr>\n");
            foreach (var item in items)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{IndexNumber(item)}</td><td><a href=\"{Href(ItemPath(column, item))}\" target=\"_blank\">{H(item.Title)}</a></td>{(dated ? $"<td>{ListDate(item.Date)}</td>" : "")}</tr>\n");
            }
            sb.Append("</table>\n");
        }
        else
        {
            sb.Append("<ul class=\"news_list\">\n");
            foreach (var item in items)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(ItemPath(column, item))}\" target=\"_blank\">{H(item.Title)}</a>{(dated ? $"<span class=\"date\">{ListDate(item.Date)}</span>" : "")}</li>\n");
            }
            sb.Append("</ul>\n");
        }
        return sb.Append(Pager(column, page, column.PageCount)).ToString();
    }

    protected override string Pager(ColumnModel column, int page, int pageCount)
    {
        if (pageCount <= 1)
        {
            return "";
        }
        var sb = new StringBuilder("<div class=\"page\">");
        sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, 0))}\">首页</a>");
        if (page < pageCount - 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a class=\"next\" href=\"{Href(ColumnPath(column, page + 1))}\">下一页</a>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ColumnPath(column, pageCount - 1))}\">尾页</a><span>共{pageCount}页</span>");
        return sb.Append("</div>").ToString();
    }

    protected override string DetailBody(ColumnModel column, ItemModel item)
    {
        if (InCatalogue(column))
        {
            var written = item.Date.AddDays(-3 - item.Id % 5);
            return "<div class=\"introduce\"><table class=\"classify\">" +
                $"<tr><td class=\"td-label\">索引号：</td><td>{IndexNumber(item)}</td><td class=\"td-label\">分类：</td><td>{H(column.Name)}</td></tr>" +
                $"<tr><td class=\"td-label\">发布机构：</td><td>{H(Site.Name)}办公室</td><td class=\"td-label\">成文日期：</td><td>{Ymd(written)}</td></tr>" +
                $"<tr><td class=\"td-label\">名称：</td><td colspan=\"3\">{H(item.Title)}</td></tr>" +
                $"<tr><td class=\"td-label\">文号：</td><td>{H(Site.Place[..1])}府办〔{item.Date.Year}〕{item.Id % 40 + 1}号</td><td class=\"td-label\">发布日期：</td><td>{Ymd(item.Date)}</td></tr></table></div>" +
                $"<div class=\"content\"><h1>{H(item.Title)}</h1>{ArticleText(column, item)}</div>";
        }
        return $"<div class=\"article\"><h1>{H(item.Title)}</h1><div class=\"info\"><span>发布时间：{Ymd(item.Date)} {Clock(item)}</span><span>来源：{H(Site.Name)}</span></div>" +
            $"<div class=\"article-content\">{ArticleText(column, item)}</div></div>";
    }

    protected override string CatalogueBody(ColumnModel column)
    {
        AddRaw("gkmlpt/static/js/app.js", Script("window.gkml={};"));
        return $"<div id=\"app\"></div><script src=\"{Href("gkmlpt/static/js/app.js")}\"></script><noscript>{base.CatalogueBody(column)}</noscript>";
    }

    protected override string HomeBody()
    {
        var sb = new StringBuilder(HomeCommon());
        foreach (var column in Site.Columns.Where(c => c.OnHome))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"box\"><h3 class=\"box-title\"><a href=\"{Href(ColumnPath(column, 0))}\">{H(column.Name)}</a></h3><ul>\n");
            foreach (var item in Newest(column))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(ItemPath(column, item))}\" title=\"{H(item.Title)}\">{H(item.Title)}</a><span class=\"time\">{HomeDate(item.Date, Ymd)}</span></li>\n");
            }
            sb.Append("</ul></div>\n");
        }
        return sb.ToString();
    }
}
