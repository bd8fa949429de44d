using System.Text;
using System.Text.Encodings.Web;
using GovSite.Publishing;

namespace GovSite.PublicSite.Topics;

/// <summary>
/// 专题专栏 pages written in code (see <see cref="HomeView"/>): the list of topics and a topic's
/// landing page, for the dynamic pages and the static export alike.
/// </summary>
public static class TopicView
{
    /// <summary>Open topics first, then the archive of closed ones.</summary>
    public static void WriteIndex(StringBuilder sb, PageShell shell, HtmlEncoder encoder)
    {
        shell.PageTitle = $"专题专栏 - {shell.Site.Name}";
        PublicLayout.WritePage(new HtmlWriter(sb, encoder), shell, html =>
        {
            html.Raw("<nav class=\"breadcrumb\" aria-label=\"当前位置\">\n    <a href=\"").Text(shell.Link("/")).Raw("\">首页</a>\n")
                .Raw("    <span aria-hidden=\"true\">›</span>\n    <a href=\"").Text(shell.Link("/topics")).Raw("\" aria-current=\"page\">专题专栏</a>\n")
                .Raw("</nav>\n<h1>专题专栏</h1>\n");
            foreach (var (title, topics) in new[] { ("正在进行", shell.Topics.Where(t => !t.IsClosed).ToList()), ("往期专题（已归档）", shell.Topics.Where(t => t.IsClosed).ToList()) })
            {
                html.Raw("    <section class=\"block\" aria-label=\"").Text(title).Raw("\">\n        <h2>").Text(title).Raw("</h2>\n");
                if (topics.Count == 0)
                {
                    html.Raw("            <p class=\"muted\">暂无</p>\n");
                }
                else
                {
                    html.Raw("            <ul class=\"article-list\">\n");
                    foreach (var topic in topics)
                    {
                        html.DatedLink("                    ", shell.Link($"/topics/{topic.Id}"), topic.Name, topic.OpenedAt);
                    }
                    html.Raw("            </ul>\n");
                }
                html.Raw("    </section>\n");
            }
        });
    }

    /// <summary>The blocks a topic's landing page shows: one per sub-column, else the topic's own column.</summary>
    public static IEnumerable<Themes.HomeBlock> BlocksOf(List<Column> columns, SpecialTopic topic)
    {
        var children = columns.Where(c => c.ParentId == topic.ColumnId).ToList();
        return children.Count > 0 ? children.Select(c => new Themes.HomeBlock(c.Id, 8)) : [new Themes.HomeBlock(topic.ColumnId, 8)];
    }

    /// <summary>Fills the shell's title, archive notice and column meta tags and writes a topic's landing page.</summary>
    public static void Write(StringBuilder sb, PageShell shell, SpecialTopic topic, IReadOnlyList<ThemedBlock> blocks, HtmlEncoder encoder)
    {
        shell.ArchivedTopic = topic.IsClosed ? topic : null;
        shell.PageTitle = $"{topic.Name} - {shell.Site.Name}";
        shell.FeedUrl = shell.Link(SiteFeeds.TopicFeedPath(topic.Id));
        shell.FeedTitle = $"{topic.Name}（RSS）";
        if (shell.Columns.FirstOrDefault(c => c.Id == topic.ColumnId) is { } root)
        {
            shell.AddColumnMeta(root);
        }
        PublicLayout.WritePage(new HtmlWriter(sb, encoder), shell, html =>
        {
            html.Raw("<nav class=\"breadcrumb\" aria-label=\"当前位置\">\n    <a href=\"").Text(shell.Link("/")).Raw("\">首页</a>\n")
                .Raw("    <span aria-hidden=\"true\">›</span>\n    <a href=\"").Text(shell.Link("/topics")).Raw("\">专题专栏</a>\n")
                .Raw("    <span aria-hidden=\"true\">›</span>\n    <a href=\"").Text(shell.Link($"/topics/{topic.Id}")).Raw("\" aria-current=\"page\">")
                .Text(topic.Name).Raw("</a>\n</nav>\n<div class=\"topic-head\">\n");
            if (topic.BannerUrl is not null)
            {
                html.Raw("        <img class=\"topic-banner-image\" src=\"").Text(topic.BannerUrl).Raw("\" alt=\"\">\n");
            }
            html.Raw("    <h1>").Text(topic.Name).Raw("</h1>\n");
            if (topic.Summary is not null)
            {
                html.Raw("        <p>").Text(topic.Summary).Raw("</p>\n");
            }
            html.Raw("</div>\n");
            HomeView.WriteBlocks(html, shell, blocks);
            html.Raw("<p class=\"feed\"><a href=\"").Text(shell.FeedUrl).Raw("\">订阅本专题（RSS）</a> · <a href=\"")
                .Text(shell.Link(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/account/subscribe?kind=Topic&target={topic.Id}"))).Raw("\">短信或邮件订阅</a></p>\n");
        });
    }
}
