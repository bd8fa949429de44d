using System.Text;
using System.Text.Encodings.Web;
using GovSite.Publishing;

namespace GovSite.PublicSite;

/// <summary>
/// A site's homepage and the column blocks it and the topic pages show, written in code like
/// <see cref="ArticleView"/>: the dynamic page (<see cref="HomeModel"/>) and the static export
/// both call <see cref="Write"/>, so the export needs no Razor, routing or MVC at all.
/// </summary>
public static class HomeView
{
    /// <summary>The homepage's blocks: the theme's choice, else one per column of the main navigation.</summary>
    public static IEnumerable<Themes.HomeBlock> BlocksOf(Themes.ThemeSettings theme, IEnumerable<Column> navColumns) =>
        theme.Blocks ?? [.. navColumns.Select(c => new Themes.HomeBlock(c.Id))];

    /// <summary>Fills the shell's description and writes the whole homepage: the topic banners (if the theme shows them) and the blocks.</summary>
    public static void Write(StringBuilder sb, PageShell shell, IReadOnlyList<ThemedBlock> blocks, HtmlEncoder encoder)
    {
        shell.AddMeta("Description", shell.Site.Description ?? shell.Site.Name);
        PublicLayout.WritePage(new HtmlWriter(sb, encoder), shell, html =>
        {
            html.Raw("<h1 class=\"visually-hidden\">").Text(shell.DisplayName).Raw("</h1>\n");
            var banners = shell.Theme.ShowTopicBanners ? shell.Topics.Where(t => !t.IsClosed).ToList() : [];
            if (banners.Count > 0)
            {
                html.Raw("    <section class=\"topic-banners\" aria-labelledby=\"topic-banners-title\">\n")
                    .Raw("        <h2 id=\"topic-banners-title\" class=\"visually-hidden\">专题专栏</h2>\n        <ul>\n");
                foreach (var topic in banners)
                {
                    html.Raw("                <li>\n                    <a class=\"topic-banner\" href=\"").Text(shell.Link($"/topics/{topic.Id}")).Raw("\">\n");
                    if (topic.BannerUrl is not null)
                    {
                        html.Raw("                            <img src=\"").Text(topic.BannerUrl).Raw("\" alt=\"\">\n");
                    }
                    html.Raw("                        <span class=\"topic-banner-name\">").Text(topic.Name).Raw("</span>\n");
                    if (topic.Summary is not null)
                    {
                        html.Raw("                            <span class=\"topic-banner-summary\">").Text(topic.Summary).Raw("</span>\n");
                    }
                    html.Raw("                    </a>\n                </li>\n");
                }
                html.Raw("        </ul>\n    </section>\n");
            }
            WriteBlocks(html, shell, blocks);
        });
    }

    /// <summary>The blocks in their container (the homepage's and a topic page's).</summary>
    public static void WriteBlocks(HtmlWriter html, PageShell shell, IReadOnlyList<ThemedBlock> blocks)
    {
        html.Raw("<div class=\"home-blocks\">\n");
        foreach (var block in blocks)
        {
            html.Raw("        ");
            WriteBlock(html, shell, block);
            html.Raw("\n");
        }
        html.Raw("</div>\n");
    }

    /// <summary>One column's newest articles, as a list or as pictures, with its "more" link.</summary>
    private static void WriteBlock(HtmlWriter html, PageShell shell, ThemedBlock block)
    {
        var id = block.Column.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pictures = block.Settings.Kind == Themes.BlockKind.Pictures;
        html.Raw("<section class=\"block").Raw(pictures ? " block-pictures" : "").Raw("\" aria-labelledby=\"block-").Raw(id).Raw("\">\n")
            .Raw("    <div class=\"block-head\">\n        <h2 id=\"block-").Raw(id).Raw("\">").Text(block.Column.Name).Raw("</h2>\n")
            .Raw("        <a class=\"more\" href=\"").Text(shell.Link($"/columns/{id}")).Raw("\">更多<span class=\"visually-hidden\">")
            .Text(block.Column.Name).Raw("</span></a>\n    </div>\n");
        if (block.Articles.Count == 0)
        {
            html.Raw("        <p class=\"muted\">暂无内容</p>\n");
        }
        else if (pictures)
        {
            html.Raw("        <ul class=\"picture-list\">\n");
            foreach (var article in block.Articles)
            {
                html.Raw("                <li>\n                    <a href=\"").Text(shell.Link($"/articles/{article.Id}")).Raw("\">\n")
                    .Raw("                        <img src=\"").Text(article.ImageUrl)
                    .Raw("\" alt=\"\" loading=\"lazy\" width=\"320\" height=\"200\">\n                        <span>").Text(article.Title)
                    .Raw("</span>\n                    </a>\n                </li>\n");
            }
            html.Raw("        </ul>\n");
        }
        else
        {
            html.Raw("        <ul class=\"article-list\">\n");
            foreach (var article in block.Articles)
            {
                html.DatedLink("                ", shell.Link($"/articles/{article.Id}"), article.Title, article.PublishedAt);
            }
            html.Raw("        </ul>\n");
        }
        html.Raw("</section>\n");
    }
}
