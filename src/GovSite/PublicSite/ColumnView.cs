using System.Text;
using System.Text.Encodings.Web;
using GovSite.Publishing;

namespace GovSite.PublicSite;

/// <summary>
/// A column's listing page (twenty articles and the pager), written in code for the same reason as
/// <see cref="ArticleView"/>: a site's export has one of these for every twenty articles, and the
/// dynamic page (<see cref="ColumnPageModel"/>) and the export must write the same bytes.
/// </summary>
public static class ColumnView
{
    public static int PageCount(int total) => Math.Max(1, (total + SiteContent.PageSize - 1) / SiteContent.PageSize);

    /// <summary>Fills the shell's title, meta tags and feed for page <paramref name="page"/> of <paramref name="column"/> and writes the whole page.</summary>
    public static void Write(StringBuilder sb, PageShell shell, Column column, int page, int total, IReadOnlyList<ArticleLink> articles, HtmlEncoder encoder)
    {
        var site = shell.Site;
        shell.PageTitle = page > 1 ? $"{column.Name}（第{page}页） - {site.Name}" : $"{column.Name} - {site.Name}";
        shell.AddColumnMeta(column);
        shell.ArchivedTopic = PageShell.TopicOf(shell.Columns, shell.Topics, column.Id) is { IsClosed: true } topic ? topic : null;
        shell.FeedUrl = shell.Link($"/columns/{column.Id}/rss.xml");
        PublicLayout.WritePage(new HtmlWriter(sb, encoder), shell, html => WriteColumn(html, shell, column, page, total, articles));
    }

    private static void WriteColumn(HtmlWriter html, PageShell shell, Column column, int page, int total, IReadOnlyList<ArticleLink> articles)
    {
        html.Raw("<nav class=\"breadcrumb\" aria-label=\"当前位置\">\n    <a href=\"").Text(shell.Link("/")).Raw("\">首页</a>\n");
        foreach (var c in PageShell.TrailOf(shell.Columns, column.Id))
        {
            html.Raw("        <span aria-hidden=\"true\">›</span>\n        <a href=\"").Text(shell.Link($"/columns/{c.Id}")).Raw("\"")
                .Raw(c.Id == column.Id ? " aria-current=\"page\">" : ">").Text(c.Name).Raw("</a>\n");
        }
        html.Raw("</nav>\n<div class=\"column-layout\">\n");
        var children = shell.Columns.Where(c => c.ParentId == column.Id).ToList();
        if (children.Count > 0)
        {
            html.Raw("        <nav class=\"sub-nav\" aria-label=\"下级栏目\">\n            <ul>\n");
            foreach (var child in children)
            {
                html.Raw("                    <li><a href=\"").Text(shell.Link($"/columns/{child.Id}")).Raw("\">").Text(child.Name).Raw("</a></li>\n");
            }
            html.Raw("            </ul>\n        </nav>\n");
        }
        html.Raw("    <section class=\"column-main\" aria-labelledby=\"column-title\">\n        <h1 id=\"column-title\">").Text(column.Name).Raw("</h1>\n");
        if (articles.Count == 0)
        {
            html.Raw("            <p class=\"muted\">本栏目暂无内容。</p>\n");
        }
        else
        {
            html.Raw("            <ul class=\"article-list\">\n");
            foreach (var article in articles)
            {
                html.DatedLink("                    ", shell.Link($"/articles/{article.Id}"), article.Title, article.PublishedAt);
            }
            html.Raw("            </ul>\n");
        }
        var pages = PageCount(total);
        if (pages > 1)
        {
            string PageLink(int n) => n == 1 ? shell.Link($"/columns/{column.Id}") : shell.Link($"/columns/{column.Id}/page/{n}");
            html.Raw("            <nav class=\"pager\" aria-label=\"分页\">\n                <span>共 ").Text(total.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Raw(" 条，第 ").Text(page.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Raw(" / ").Text(pages.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw(" 页</span>\n");
            if (page > 1)
            {
                html.Raw("                    <a href=\"").Text(PageLink(1)).Raw("\">首页</a>\n")
                    .Raw("                    <a href=\"").Text(PageLink(page - 1)).Raw("\" rel=\"prev\">上一页</a>\n");
            }
            if (page < pages)
            {
                html.Raw("                    <a href=\"").Text(PageLink(page + 1)).Raw("\" rel=\"next\">下一页</a>\n")
                    .Raw("                    <a href=\"").Text(PageLink(pages)).Raw("\">尾页</a>\n");
            }
            html.Raw("            </nav>\n");
        }
        html.Raw("        <p class=\"feed\"><a href=\"").Text(shell.FeedUrl).Raw("\">订阅本栏目（RSS）</a></p>\n    </section>\n</div>\n");
    }
}
