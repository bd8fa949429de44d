using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace GovSite.PublicSite;

/// <summary>
/// HTML written straight into a <see cref="StringBuilder"/>, text encoded by the app's
/// <see cref="HtmlEncoder"/> (the one Razor uses, so both write the same bytes).
/// </summary>
public readonly struct HtmlWriter(StringBuilder output, HtmlEncoder encoder)
{
    public StringBuilder Output => output;

    public HtmlWriter Raw(string? html)
    {
        output.Append(html);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            output.Append(encoder.Encode(text));
        }
        return this;
    }

    /// <summary>One entry of an article-list: a link and its date, on its own line after <paramref name="indent"/>.</summary>
    public HtmlWriter DatedLink(string indent, string href, string text, DateTime? date)
    {
        var day = GovSite.Common.ChinaTime.FormatDate(date);
        return Raw(indent).Raw("<li><a href=\"").Text(href).Raw("\">").Text(text)
            .Raw("</a> <time datetime=\"").Text(day).Raw("\">").Text(day).Raw("</time></li>\n");
    }
}

/// <summary>
/// The public layout (header, accessibility toolbar, navigation, footer) in code, so that the
/// static export writes an article page without MVC's per-request machinery and the dynamic pages
/// show the very same bytes: <c>_Layout.cshtml</c> is these four pieces around the page's sections.
/// A page is <see cref="Head"/>, the page's "Head" section, <see cref="Top"/>, the page's body,
/// <see cref="Bottom"/>, the page's "Scripts" section, <see cref="End"/> and a newline.
/// </summary>
public static class PublicLayout
{
    public const string End = "\n</body>\n</html>";

    /// <summary>The skip links and the accessibility toolbar, the same on every page (the bench's Hugo theme writes them too).</summary>
    public const string Toolbar = """
            <a class="skip-link" href="#main">跳到主要内容</a>
            <a class="skip-link" href="#main-nav">跳到导航</a>
            <div class="a11y-bar" id="a11y-bar" hidden>
                <div class="wrap" role="toolbar" aria-label="无障碍浏览（适老化）工具">
                    <button type="button" data-a11y="bigger">放大字号</button>
                    <button type="button" data-a11y="smaller">缩小字号</button>
                    <button type="button" data-a11y="contrast" aria-pressed="false">高对比度</button>
                    <button type="button" data-a11y="guide" aria-pressed="false">阅读辅助线</button>
                    <button type="button" data-a11y="script" aria-pressed="false">繁體</button>
                    <button type="button" data-a11y="print">打印本页</button>
                    <button type="button" data-a11y="reset">恢复默认</button>
                </div>
            </div>

        """;

    /// <summary>The search form after its action, and the start of the main navigation.</summary>
    public const string SearchFormEnd = """
                        <label for="site-search-q" class="visually-hidden">搜索本站内容</label>
                        <input id="site-search-q" name="q" type="search" maxlength="64" placeholder="搜索本站内容">
                        <button type="submit">搜索</button>
                    </form>
                </div>
                <button type="button" class="nav-toggle" aria-controls="main-nav" aria-expanded="false"><span class="nav-toggle-icon" aria-hidden="true"></span>栏目导航</button>
                <nav class="main-nav" id="main-nav" aria-label="主导航" tabindex="-1">
                    <ul class="wrap">

        """;

    public static IHtmlContent Head(PageShell shell, HtmlEncoder encoder) => Piece(shell, encoder, WriteHead);

    public static IHtmlContent Top(PageShell shell, HtmlEncoder encoder) => Piece(shell, encoder, WriteTop);

    public static IHtmlContent Bottom(PageShell shell, HtmlEncoder encoder) => Piece(shell, encoder, WriteBottom);

    private static HtmlString Piece(PageShell shell, HtmlEncoder encoder, Action<HtmlWriter, PageShell> write)
    {
        var sb = new StringBuilder(4096);
        write(new HtmlWriter(sb, encoder), shell);
        return new HtmlString(sb.ToString());
    }

    /// <summary>A page written by one of the views (<see cref="ArticleView.Write"/>, …) as the text a page model answers with.</summary>
    public static string Text(Action<StringBuilder> write)
    {
        var sb = new StringBuilder(16384);
        write(sb);
        return sb.ToString();
    }

    /// <summary>A whole page around <paramref name="body"/>, with no Head or Scripts section.</summary>
    public static void WritePage(HtmlWriter html, PageShell shell, Action<HtmlWriter> body)
    {
        WriteHead(html, shell);
        WriteTop(html, shell);
        body(html);
        WriteBottom(html, shell);
        html.Raw(End).Raw("\n");
    }

    public static void WriteHead(HtmlWriter html, PageShell shell)
    {
        var theme = shell.Theme;
        html.Raw(shell.Mourning ? "<!DOCTYPE html>\n<html lang=\"zh-CN\" class=\"mourning\" style=\"" : "<!DOCTYPE html>\n<html lang=\"zh-CN\" style=\"")
            .Text($"--main:{theme.MainColour};--main-dark:{theme.MainDark}"
                + (theme.SecondColour is { } second ? $";--accent:{second}" : "")
                + (theme.ThirdColour is { } third ? $";--soft:{third}" : ""))
            .Raw("\">\n<head>\n    <meta charset=\"utf-8\">\n    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n    <title>")
            .Text(shell.PageTitle).Raw("</title>\n");
        foreach (var meta in shell.Meta)
        {
            html.Raw("    <meta name=\"").Text(meta.Key).Raw("\" content=\"").Text(meta.Value).Raw("\">\n");
        }
        html.Raw("    <link rel=\"stylesheet\" href=\"").Text(shell.Asset("css/site.css")).Raw("\">\n    ");
    }

    public static void WriteTop(HtmlWriter html, PageShell shell)
    {
        var theme = shell.Theme;
        html.Raw("\n    <link rel=\"stylesheet\" href=\"").Text(shell.Asset("css/search.css")).Raw("\">\n")
            .Raw("    <script src=\"").Text(shell.Asset("js/a11y.js")).Raw("\" data-cn2t=\"").Text(shell.Link("/lib/opencc-cn2t.js")).Raw("\"></script>\n")
            .Raw("    <script src=\"").Text(shell.Asset("js/error-report.js")).Raw("\" defer></script>\n");
        if (shell.CountVisits)
        {
            // A file, not inline code, so a strict Content-Security-Policy lets it run; deferred, so it never delays the page.
            html.Raw("    <script src=\"").Text(shell.Asset("js/stat.js")).Raw("\" defer data-stat=\"").Text(shell.Link("/api/v1/stat"))
                .Raw("\" data-site=\"").Text(shell.Site.Code).Raw("\"");
            if (shell.ColumnId is { } columnId)
            {
                html.Raw(" data-column=\"").Raw(columnId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("\"");
            }
            html.Raw("></script>\n");
        }
        if (shell.FeedUrl is not null)
        {
            html.Raw("    <link rel=\"alternate\" type=\"application/rss+xml\" title=\"").Text(shell.FeedTitle).Raw("\" href=\"").Text(shell.FeedUrl).Raw("\">\n");
        }
        html.Raw("</head>\n<body class=\"theme-").Text(theme.Theme).Raw("\">\n").Raw(Toolbar);
        if (shell.IsPreview)
        {
            html.Raw("    <div class=\"preview-banner\" role=\"status\">主题预览：本页按尚未发布的主题草稿显示，公众看到的仍是已发布的主题。</div>\n");
        }
        if (theme.NoticeText is { } notice)
        {
            html.Raw("    <div class=\"site-notice\" role=\"region\" aria-label=\"网站公告\">\n        <p class=\"wrap\"><strong>公告：</strong>")
                .Text(notice).Raw(" ");
            if (theme.NoticeUrl is { } noticeUrl)
            {
                html.Raw("<a href=\"").Text(noticeUrl).Raw("\">前往新网站</a>");
            }
            html.Raw("</p>\n    </div>\n");
        }
        html.Raw("    <header class=\"site-header\">\n        <div class=\"wrap header-inner\">\n            <a class=\"site-name\" href=\"")
            .Text(shell.Link("/")).Raw("\">");
        if (theme.LogoUrl is { } logo)
        {
            html.Raw("<img class=\"site-logo\" src=\"").Text(logo).Raw("\" alt=\"\" height=\"48\">");
        }
        html.Raw("<span>").Text(shell.DisplayName).Raw("</span></a>\n")
            .Raw("            <form class=\"site-search\" role=\"search\" method=\"get\" action=\"").Text(shell.Link("/search")).Raw("\" aria-label=\"搜索本站\">\n")
            .Raw(SearchFormEnd)
            .Raw("                <li><a href=\"").Text(shell.Link("/")).Raw("\">首页</a></li>\n");
        foreach (var column in shell.NavColumns)
        {
            html.Raw("                <li><a href=\"").Text(shell.Link($"/columns/{column.Id}")).Raw("\">").Text(column.Name).Raw("</a></li>\n");
        }
        html.Raw("                <li><a href=\"").Text(shell.Link("/services")).Raw("\">网上办事</a></li>\n")
            .Raw("                <li><a href=\"").Text(shell.Link("/interaction")).Raw("\">留言咨询</a></li>\n")
            .Raw("                <li><a href=\"").Text(shell.Link("/participation")).Raw("\">公众参与</a></li>\n");
        if (shell.Topics.Count > 0)
        {
            html.Raw("                <li><a href=\"").Text(shell.Link("/topics")).Raw("\">专题专栏</a></li>\n");
        }
        html.Raw("            </ul>\n        </nav>\n    </header>\n    <main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n");
        if (shell.ArchivedTopic is { } archived)
        {
            html.Raw("        <p class=\"archived-notice\" role=\"note\">本页属于已结束的专题“").Text(archived.Name).Raw("”，内容已归档，仅供查阅。</p>\n");
        }
        html.Raw("        ");
    }

    public static void WriteBottom(HtmlWriter html, PageShell shell)
    {
        var site = shell.Site;
        html.Raw("\n    </main>\n    <div class=\"reading-guide\" aria-hidden=\"true\"></div>\n    <footer class=\"site-footer\">\n        <div class=\"wrap\">\n")
            .Raw("            <div class=\"footer-badges\">\n                <a class=\"conac\" href=\"")
            .Text($"https://bszs.conac.cn/sitename?method=show&id={site.Code}").Raw("\" title=\"党政机关网站标识\">\n")
            .Raw("                    <span class=\"conac-mark\" aria-hidden=\"true\">党政</span>党政机关网站标识\n                </a>\n")
            .Raw("                <a class=\"jiucuo jiucuo-own\" href=\"").Text(shell.OwnErrorReportUrl).Raw("\">我为政府网站找错</a>\n")
            .Raw("                <a class=\"jiucuo-national\" href=\"").Text(shell.ErrorReportUrl).Raw("\">全国政府网站找错平台</a>\n            </div>\n")
            .Raw("            <p>主办单位：").Text(site.HostUnitName ?? site.Name).Raw("</p>\n")
            .Raw("            <p>联系方式：电话 ").Text(site.ContactPhone ?? "—");
        if (site.ContactEmail is not null)
        {
            html.Raw("　邮箱 ").Text(site.ContactEmail);
        }
        if (site.Address is not null)
        {
            html.Raw("　地址 ").Text(site.Address);
        }
        html.Raw("</p>\n            <p>\n                <span class=\"site-code\">网站标识码：").Text(site.Code).Raw("</span>\n");
        if (site.IcpNumber is not null)
        {
            html.Raw("                <a class=\"icp\" href=\"https://beian.miit.gov.cn/\">").Text(site.IcpNumber).Raw("</a>\n");
        }
        if (site.PoliceRecordNumber is not null)
        {
            html.Raw("                <a class=\"police\" href=\"https://www.beian.gov.cn/portal/registerSystemInfo\">").Text(site.PoliceRecordNumber).Raw("</a>\n");
        }
        html.Raw("            </p>\n        </div>\n    </footer>\n    ");
    }
}
