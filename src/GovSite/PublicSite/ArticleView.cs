using System.Text;
using System.Text.Encodings.Web;
using GovSite.Common;
using GovSite.Publishing;
using GovSite.Publishing.Files;

namespace GovSite.PublicSite;

/// <summary>
/// An article page, written in code: the dynamic page (<see cref="ArticlePageModel"/>) and the
/// static export (<see cref="StaticExport.PageRenderer"/>) both call <see cref="Write"/>, so an
/// exported page is the dynamic one byte for byte. In code rather than Razor because the export
/// writes ten thousand of these: without view lookup, tag helpers and page activation an article
/// page costs a tenth of the CPU, and a fresh `publish-static` process has little to JIT.
/// </summary>
public static class ArticleView
{
    /// <summary>
    /// Fills the shell's title and meta tags for <paramref name="article"/> and writes the whole page.
    /// <paramref name="interpretations"/> is read only for a policy document.
    /// </summary>
    public static void Write(StringBuilder sb, PageShell shell, Article article, IReadOnlyList<ArticleLink> interpretations,
        IReadOnlyList<FileLink> attachments, HtmlEncoder encoder)
    {
        var site = shell.Site;
        shell.ArchivedTopic = PageShell.TopicOf(shell.Columns, shell.Topics, article.ColumnId) is { IsClosed: true } topic ? topic : null;
        shell.PageTitle = $"{article.Title} - {site.Name}";
        if (article.Column is { } column)
        {
            shell.AddColumnMeta(column);
        }
        var description = article.Summary ?? PublicSiteSetup.Excerpt(HtmlSanitiser.PlainTextStart(article.Body, 120), 120);
        shell.AddMeta("ArticleTitle", article.Title);
        shell.AddMeta("PubDate", ChinaTime.Format(article.PublishedAt));
        shell.AddMeta("ContentSource", article.Source ?? site.HostUnitName ?? site.Name);
        shell.AddMeta("Keywords", article.Keywords ?? article.Column?.Name);
        shell.AddMeta("Author", article.Author ?? "");
        shell.AddMeta("Description", description);
        shell.AddMeta("Image", article.ImageUrl ?? "");
        var url = shell.AbsoluteLink($"/articles/{article.Id}");
        shell.AddMeta("Url", url);

        PublicLayout.WritePage(new HtmlWriter(sb, encoder), shell, html => WriteArticle(html, shell, article, url, interpretations, attachments));
    }

    private static void WriteArticle(HtmlWriter html, PageShell shell, Article article, string url,
        IReadOnlyList<ArticleLink> interpretations, IReadOnlyList<FileLink> attachments)
    {
        html.Raw("<nav class=\"breadcrumb\" aria-label=\"当前位置\">\n    <a href=\"").Text(shell.Link("/")).Raw("\">首页</a>\n");
        foreach (var c in PageShell.TrailOf(shell.Columns, article.ColumnId))
        {
            html.Raw("        <span aria-hidden=\"true\">›</span>\n        <a href=\"").Text(shell.Link($"/columns/{c.Id}")).Raw("\">").Text(c.Name).Raw("</a>\n");
        }
        var published = ChinaTime.Format(article.PublishedAt);
        html.Raw("</nav>\n<article class=\"article\">\n    <h1>").Text(article.Title).Raw("</h1>\n    <p class=\"article-info\">\n")
            .Raw("        <span>发布时间：<time datetime=\"").Text(published).Raw("\">").Text(published).Raw("</time></span>\n");
        if (article.Source is not null)
        {
            html.Raw("            <span>来源：").Text(article.Source).Raw("</span>\n");
        }
        if (article.OriginalUrl is not null)
        {
            html.Raw("            <span>本文为转载，<a href=\"").Text(article.OriginalUrl).Raw("\">查看原文</a></span>\n");
        }
        if (article.Author is not null)
        {
            html.Raw("            <span>作者：").Text(article.Author).Raw("</span>\n");
        }
        html.Raw("    </p>\n");
        if (article.IsPolicyDocument)
        {
            var written = ArticleService.FormatWrittenDate(article.WrittenDate);
            html.Raw("        <table class=\"policy-meta\">\n            <caption>文件信息</caption>\n            <tbody>\n")
                .Raw("                <tr><th scope=\"row\">索引号</th><td>").Text(article.IndexNumber ?? "—")
                .Raw("</td><th scope=\"row\">主题分类</th><td>").Text(article.SubjectCategory ?? "—").Raw("</td></tr>\n")
                .Raw("                <tr><th scope=\"row\">发文机关</th><td>").Text(article.Issuer ?? "—")
                .Raw("</td><th scope=\"row\">成文日期</th><td>").Text(written is { Length: > 0 } ? written : "—").Raw("</td></tr>\n")
                .Raw("                <tr><th scope=\"row\">文号</th><td>").Text(article.DocNumber ?? "—")
                .Raw("</td><th scope=\"row\">发布日期</th><td>").Text(ChinaTime.FormatDate(article.PublishedAt)).Raw("</td></tr>\n")
                .Raw("                <tr><th scope=\"row\">有效性</th><td colspan=\"3\">").Text(article.Validity is { } validity ? GovSite.Common.Labels.Of(validity) : "—").Raw("</td></tr>\n")
                .Raw("            </tbody>\n        </table>\n");
        }
        html.Raw("    <div class=\"article-body\">\n        ").Raw(article.Body).Raw("\n    </div>\n");
        if (attachments.Count > 0)
        {
            html.Raw("        <section class=\"attachments\" aria-labelledby=\"attachments-title\">\n            <h2 id=\"attachments-title\">附件</h2>\n            <ul>\n");
            foreach (var f in attachments)
            {
                html.Raw("                    <li><a href=\"").Text(f.Url).Raw("\">").Text(f.Name).Raw("</a> <span class=\"muted\">（")
                    .Text(f.Label).Raw("，").Text(f.SizeText).Raw("）</span></li>\n");
            }
            html.Raw("            </ul>\n        </section>\n");
        }
        if (article.Interprets is { } policy)
        {
            html.Raw("        <aside class=\"related\" aria-labelledby=\"related-policy\">\n            <h2 id=\"related-policy\">解读的政策文件</h2>\n")
                .Raw("            <ul><li><a href=\"").Text(shell.Link($"/articles/{policy.Id}")).Raw("\">").Text(policy.Title).Raw("</a></li></ul>\n        </aside>\n");
        }
        if (article.IsPolicyDocument)
        {
            html.Raw("        <aside class=\"related\" aria-labelledby=\"related-interpretations\">\n            <h2 id=\"related-interpretations\">相关解读</h2>\n");
            if (interpretations.Count == 0)
            {
                html.Raw("                <p class=\"muted\">暂无解读。</p>\n");
            }
            else
            {
                html.Raw("                <ul>\n");
                foreach (var i in interpretations)
                {
                    html.Raw("                        <li><a href=\"").Text(shell.Link($"/articles/{i.Id}")).Raw("\">").Text(i.Title).Raw("</a></li>\n");
                }
                html.Raw("                </ul>\n");
            }
            html.Raw("        </aside>\n");
        }
        html.Raw("    <section class=\"share\" aria-labelledby=\"share-title\">\n        <h2 id=\"share-title\" class=\"visually-hidden\">分享与打印</h2>\n        <figure>\n            ");
        Extras.QrCode.Encode(url).WriteSvg(html.Output, "本页二维码：" + article.Title);
        html.Raw("\n            <figcaption>微信扫一扫，分享本页</figcaption>\n        </figure>\n        <p><a href=\"")
            .Text($"https://service.weibo.com/share/share.php?url={Uri.EscapeDataString(url)}&title={Uri.EscapeDataString(article.Title)}")
            .Raw("\">分享到新浪微博</a></p>\n        <p><button type=\"button\" data-print>打印本页</button></p>\n    </section>\n</article>\n");
    }
}
