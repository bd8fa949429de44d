using System.Net;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm3;

/// <summary>One answer of the farm: status, bytes as the site's charset writes them, headers.</summary>
public sealed record Page3(int Status, byte[] Body, string ContentType, string? Location = null);

/// <summary>One listening address (a root site, a cluster of sub-sites, or an off-site host) and its pages by path and query.</summary>
public sealed class Farm3Host(string origin)
{
    public string Origin { get; } = origin;
    public Dictionary<string, Page3> Pages { get; } = new(StringComparer.Ordinal);
    public Availability3 Availability { get; set; } = Availability3.Up;
    /// <summary>Paths answered slowly (the slow-but-fine site's homepage).</summary>
    public HashSet<string> SlowPaths { get; } = [];
    /// <summary>Paths that answer HEAD with 405 (and GET normally).</summary>
    public HashSet<string> HeadRefusedPaths { get; } = [];
    /// <summary>Off-site hosts answer families of paths (any query) this way; null: 404.</summary>
    public Func<string, Page3?>? Fallback { get; set; }
}

/// <summary>What rendering one site produced beside its pages: the facts the expectations need.</summary>
public sealed record Farm3Rendered(string HomeUrl, DateOnly? HomeLatest, IReadOnlyList<string> Broken, IReadOnlyDictionary<string, string> ColumnUrls);

/// <summary>
/// Renders a <see cref="Farm3Site"/> into pages. The base knows what every CMS shares (the
/// footer's seven items, letters, guides in their shapes, single pages, entry pages); each
/// layout decides URLs and markup. Every link to something that is not served is recorded as a
/// planted broken link, so the expected broken set is exactly what was planted.
/// </summary>
public abstract class Farm3Renderer
{
    protected Farm3Site Site { get; }
    protected Farm3Host Host { get; }
    protected Farm3Externals Ext { get; }
    protected DateOnly AsOf { get; }
    protected Farm3Text Text { get; }

    private readonly List<string> _broken = [];
    private readonly Dictionary<string, string> _columnUrls = [];
    private DateOnly? _homeLatest;

    protected Farm3Renderer(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf)
    {
        Site = site;
        Host = host;
        Ext = ext;
        AsOf = asOf;
        Text = new Farm3Text(Farm3Text.Seed(site.Slug + "/render"));
    }

    public static Farm3Renderer For(Farm3Site site, Farm3Host host, Farm3Externals ext, DateOnly asOf) => site.Layout switch
    {
        Farm3Layout.Trs => new TrsLayout(site, host, ext, asOf),
        Farm3Layout.Jcms => new JcmsLayout(site, host, ext, asOf),
        Farm3Layout.AspTable => new AspTableLayout(site, host, ext, asOf),
        Farm3Layout.Frames => new FramesLayout(site, host, ext, asOf),
        Farm3Layout.Html5 => new Html5Layout(site, host, ext, asOf),
        Farm3Layout.Gkmlpt => new GkmlptLayout(site, host, ext, asOf),
        Farm3Layout.DlList => new DlListLayout(site, host, ext, asOf),
        _ => throw new ArgumentOutOfRangeException(nameof(site)),
    };

    /// <summary>The path prefix of the site, "/" for a root site.</summary>
    protected string P => Site.Prefix;

    protected string Abs(string path) => path.StartsWith("http", StringComparison.Ordinal) ? path : Host.Origin + path;

    /// <summary>A stable number per column, as CMSs number their channels.</summary>
    protected int Num(Column3 column) => 1200 + Site.Columns.IndexOf(column) * 13;

    protected IEnumerable<Column3> MainNav => Site.Columns.Where(c => !c.InDisclosure);

    protected IEnumerable<Column3> DisclosureNav => Site.Columns.Where(c => c.InDisclosure);

    protected static int PageCount(Column3 column) => Math.Max(1, (column.Items.Count + column.PageSize - 1) / column.PageSize);

    protected static List<Item3> PageOf(Column3 column, int page) => [.. column.Sorted.Skip((page - 1) * column.PageSize).Take(column.PageSize)];

    public Farm3Rendered Render()
    {
        RenderHome();
        foreach (var column in Site.Columns)
        {
            if (column.Kind == ColumnKind3.OffSite)
            {
                continue;
            }
            _columnUrls[column.Name] = Abs(ColumnPath(column, 1));
            switch (column.Kind)
            {
                case ColumnKind3.List:
                    RenderList(column);
                    foreach (var item in column.Items)
                    {
                        RenderItem(column, item);
                    }
                    break;
                case ColumnKind3.Letters when Site.Channel == Channel3.Broken:
                    Missing(ColumnPath(column, 1));
                    break;
                case ColumnKind3.Letters:
                    RenderLetters(column);
                    break;
                case ColumnKind3.Guides:
                    RenderGuides(column);
                    break;
                default:
                    Html(ColumnPath(column, 1), SinglePage(column, SingleBody(column)));
                    break;
            }
        }
        RenderAssets();
        return new Farm3Rendered(Abs(P), _homeLatest, _broken.Distinct().ToList(), _columnUrls);
    }

    // ---- what each layout decides ----

    protected abstract void RenderHome();

    /// <summary>The path of a column's page (1-based); page 1 is the one the navigation links to.</summary>
    protected abstract string ColumnPath(Column3 column, int page);

    protected abstract string ItemPath(Column3 column, Item3 item);

    protected abstract string ListPage(Column3 column, int page);

    protected abstract string DetailPage(Column3 column, Item3 item);

    /// <summary>A single page, an entry page or the site map in the layout's chrome.</summary>
    protected abstract string SinglePage(Column3 column, string body);

    protected abstract string LetterListPath(int page);

    protected abstract string LetterPath(Letter3 letter);

    protected abstract string LetterListPage(Column3 column, int page, int pages, List<Letter3> letters);

    protected abstract string LetterPage(Column3 column, Letter3 letter);

    protected abstract string GuidePath(Guide3 guide, int tab);

    protected abstract string GuideListPage(Column3 column);

    protected abstract string GuidePage(Column3 column, Guide3 guide, int tab);

    protected virtual void RenderList(Column3 column)
    {
        for (var page = 1; page <= PageCount(column); page++)
        {
            Html(ColumnPath(column, page), ListPage(column, page));
        }
    }

    protected virtual void RenderItem(Column3 column, Item3 item)
    {
        if (item.Missing)
        {
            Missing(ItemPath(column, item));
            return;
        }
        Html(ItemPath(column, item), DetailPage(column, item));
    }

    protected virtual void RenderLetters(Column3 column)
    {
        var sorted = Site.Letters.OrderByDescending(l => l.Received).ToList();
        var pages = Math.Max(1, (sorted.Count + Site.LettersPageSize - 1) / Site.LettersPageSize);
        for (var page = 1; page <= pages; page++)
        {
            var html = LetterListPage(column, page, pages, [.. sorted.Skip((page - 1) * Site.LettersPageSize).Take(Site.LettersPageSize)]);
            Html(LetterListPath(page), html);
            if (page == 1 && LetterListPath(1) != ColumnPath(column, 1))
            {
                Html(ColumnPath(column, 1), html);
            }
        }
        foreach (var letter in sorted)
        {
            Html(LetterPath(letter), LetterPage(column, letter));
        }
    }

    protected virtual void RenderGuides(Column3 column)
    {
        Html(ColumnPath(column, 1), GuideListPage(column));
        foreach (var guide in Site.Guides)
        {
            var tabs = guide.Shape == GuideShape.TabsPages ? guide.Fields.Max(f => f.Tab) : 1;
            for (var tab = 1; tab <= tabs; tab++)
            {
                Html(GuidePath(guide, tab), GuidePage(column, guide, tab));
            }
        }
    }

    protected virtual void RenderAssets()
    {
    }

    // ---- serving ----

    protected void Html(string path, string html)
    {
        var (bytes, contentType) = Encode(html);
        Host.Pages[path] = new Page3(200, bytes, contentType);
    }

    protected void Redirect(string path, string location) => Host.Pages[path] = new Page3(302, [], "text/html", location);

    /// <summary>A small image, style sheet or script served at <paramref name="path"/>; returns the path.</summary>
    protected string Asset(string path)
    {
        var type = path.EndsWith(".css", StringComparison.Ordinal) ? "text/css"
            : path.EndsWith(".js", StringComparison.Ordinal) ? "application/javascript"
            : path.EndsWith(".gif", StringComparison.Ordinal) ? "image/gif"
            : path.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf"
            : path.EndsWith(".doc", StringComparison.Ordinal) ? "application/msword"
            : path.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png";
        Host.Pages.TryAdd(path, new Page3(200, Encoding.ASCII.GetBytes(type.StartsWith("image", StringComparison.Ordinal) ? "GIF89a" : "/* farm3 */"), type));
        return path;
    }

    /// <summary>Records a link to something not served (a planted broken link).</summary>
    protected string Missing(string path)
    {
        _broken.Add(Abs(path));
        return path;
    }

    /// <summary>Formats a date shown on the homepage and remembers the newest one (the homepage's update date).</summary>
    protected string HomeDate(DateOnly date, string format)
    {
        if (date <= AsOf && (_homeLatest is null || date > _homeLatest))
        {
            _homeLatest = date;
        }
        return format == "chinese" ? Farm3Text.Chinese(date) : Farm3Text.Format(date, format);
    }

    /// <summary>Items of a column that the homepage shows: the newest, as of the last time the homepage was generated.</summary>
    protected List<Item3> HomeItems(Column3 column, int count) =>
        [.. column.Sorted.Where(i => !i.Missing && i.Date <= (Site.HomeCutoff ?? AsOf)).Take(count)];

    protected IEnumerable<Column3> HomeColumns => Site.Columns.Where(c => c.OnHome && c.IsList);

    /// <summary>The footer's 联系我们 | 网站声明 | 网站地图, those the site has.</summary>
    protected string UtilityLinks(string separator) => string.Join(separator, Site.Columns
        .Where(c => c.Name is "联系我们" or "网站声明" or "网站地图")
        .Select(c => $"<a href=\"{ColumnPath(c, 1)}\">{c.Name}</a>"));

    /// <summary>Where a scrolling notice on the homepage leads: the first notice column, else the homepage.</summary>
    protected string NoticesPath => Site.Columns.FirstOrDefault(c => c.Type == ColumnType3.Notice && c.IsList) is { } notices ? ColumnPath(notices, 1) : P;

    protected (byte[] Bytes, string ContentType) Encode(string html)
    {
        var gbk = Site.Charset is Charset3.GbkMeta or Charset3.Gb2312HttpEquiv or Charset3.GbkHeaderOnly or Charset3.GbkUndeclared;
        var bytes = gbk ? Gbk.GetBytes(html) : Encoding.UTF8.GetBytes(html);
        var type = Site.Charset switch
        {
            Charset3.Utf8 or Charset3.Utf8HeaderOnly => "text/html; charset=utf-8",
            Charset3.GbkHeaderOnly => "text/html; charset=GBK",
            _ => "text/html",
        };
        return (bytes, type);
    }

    public static Encoding Gbk
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GBK");
        }
    }

    public static Encoding EncodingOf(Charset3 charset) =>
        charset is Charset3.Utf8 or Charset3.Utf8HeaderOnly ? Encoding.UTF8 : Gbk;

    /// <summary>The charset declaration inside the page, if the site makes one.</summary>
    protected string CharsetMeta => Site.Charset switch
    {
        Charset3.Utf8 => "<meta charset=\"utf-8\">",
        Charset3.GbkMeta => "<meta charset=\"gbk\">",
        Charset3.Gb2312HttpEquiv => "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
        _ => "",
    };

    protected static string E(string text) => WebUtility.HtmlEncode(text);

    protected static string Q(string text) => Uri.EscapeDataString(text);

    // ---- what every CMS shows the same way ----

    /// <summary>The footer's seven items (domain.md "Site identity"), each layout wraps them.</summary>
    protected string FooterItems(string imagesPath) => $"""
        <p>主办单位：{E(Site.Name)}&nbsp;&nbsp;承办单位：{E(Site.Name)}办公室&nbsp;&nbsp;联系电话：0571-8{Farm3Text.Seed(Site.Slug) % 1000000:000000}</p>
        <p>网站标识码：{Site.Code}&nbsp;&nbsp;<a href="{Ext.Beian}/" target="_blank">浙ICP备0{Farm3Text.Seed(Site.Slug) % 10000000:0000000}号-1</a>&nbsp;&nbsp;<a href="{Ext.Beian}/portal/registerSystemInfo?recordcode=3301020200{Farm3Text.Seed(Site.Slug) % 10000:0000}" target="_blank"><img src="{Asset(imagesPath + "ga.png")}" alt="">浙公网安备 3301020200{Farm3Text.Seed(Site.Slug) % 10000:0000}号</a></p>
        <p><span id="_ideConac"><a href="{Ext.Conac}/sitename?method=show&amp;id={Farm3Text.Seed(Site.Code):X}" target="_blank"><img id="imgConac" src="{Ext.Conac}/image/red.png" border="0"></a></span>
        {Jiucuo()}</p>
        """;

    /// <summary>Half the sites embed the national 找错 script (no text in the HTML), half link to the page.</summary>
    private string Jiucuo() => Farm3Text.Seed(Site.Slug) % 2 == 0
        ? $"<span id=\"_span_jiucuo\"></span><script id=\"_jiucuo_\" sitecode='{Site.Code}' src='{Ext.Jiucuo}/exposure/jiucuo.js'></script>"
        : $"<a href=\"{Ext.Jiucuo}/exposure/jiucuo.html?site_code={Site.Code}\" target=\"_blank\"><img src=\"{Ext.Jiucuo}/exposure/images/jiucuo.png\" alt=\"我为政府网站找错\"></a>";

    protected string SiteMeta => $"""<meta name="SiteName" content="{E(Site.Name)}"><meta name="SiteDomain" content="{Host.Origin[7..]}"><meta name="SiteIDCode" content="{Site.Code}">""";

    /// <summary>The 友情链接 block: the province's portal, other sites, and the dead ones planted among them.</summary>
    protected string FriendLinkItems(Func<string, string, string> link)
    {
        var html = new StringBuilder();
        html.Append(link(Ext.Province + "/", "浙江省人民政府"));
        // A site planted with no services at all links to no service, the province's hall included
        // (farm 1 counts a 友情链接 to the hall as the site's way to its services).
        if (Site.Services != Services3.None)
        {
            html.Append(link(Ext.Hall + "/", "浙江政务服务网"));
        }
        foreach (var friend in Site.FriendLinks)
        {
            var url = friend.Target switch
            {
                ExternalTarget.DeadHost => Ext.Dead + friend.Path,
                ExternalTarget.ServiceHall => Ext.Hall + friend.Path,
                ExternalTarget.Hotline12345 => Ext.Hotline + friend.Path,
                _ => Ext.Province + friend.Path,
            };
            if (friend.Target == ExternalTarget.DeadHost || friend.Path.StartsWith("/gone/", StringComparison.Ordinal))
            {
                Missing(url);
            }
            html.Append(link(url, friend.Text));
        }
        return html.ToString();
    }

    /// <summary>The template's images; one site's template still points at last year's banner.</summary>
    protected string TemplateImage(string imagesPath) => Site.MissingTemplateImage
        ? $"<img src=\"{Missing(imagesPath + "top_bg_2025.jpg")}\" alt=\"\" class=\"topbg\">"
        : $"<img src=\"{Asset(imagesPath + "top_bg.jpg")}\" alt=\"\" class=\"topbg\">";

    protected string BannerImage(string imagesPath) => Site.BannerAlt.Length == 0 ? ""
        : $"<div class=\"banner\"><img src=\"{Asset(imagesPath + "banner_2026.jpg")}\" alt=\"{E(Site.BannerAlt)}\" width=\"1200\" height=\"120\"></div>";

    /// <summary>The article's body: paragraphs, an image with alt text, attachments, share links.</summary>
    protected string ArticleBody(Column3 column, Item3 item, string itemDirectory)
    {
        var html = new StringBuilder();
        html.Append(item.Body ?? Text.Body());
        if (item.ImageAlt is not null)
        {
            var src = itemDirectory + $"W0{item.Id}.jpg";
            html.Append($"<p style=\"text-align:center\"><img src=\"{(item.ImageMissing ? Missing(src) : Asset(src))}\" alt=\"{E(item.ImageAlt)}\" width=\"600\"></p>");
        }
        if (item.Attachments.Count > 0)
        {
            html.Append("<div class=\"fujian\">附件：<ul>");
            foreach (var attachment in item.Attachments)
            {
                var path = itemDirectory + attachment.FileName;
                html.Append($"<li><a href=\"{(attachment.Missing ? Missing(path) : Asset(path))}\" target=\"_blank\">{E(attachment.Text)}</a></li>");
            }
            html.Append("</ul></div>");
        }
        var self = Q(Abs(ItemPath(column, item)));
        html.Append($"""
            <div class="share">分享到：<a href="{Ext.Weibo}/share/share.php?url={self}&amp;title={Q(item.Title)}" target="_blank" title="分享到新浪微博"><img src="{Asset(P + "images/share_wb.png")}" alt=""></a>
            <a href="javascript:void(0);" onclick="window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
            """);
        return html.ToString();
    }

    protected string PubDateMeta(Column3 column, Item3 item) => column.Dates == DatePlace.UrlOnly ? ""
        : $"<meta name=\"PubDate\" content=\"{Farm3Text.Ymd(item.Date)} 09:{item.Id % 60:00}\">";

    /// <summary>The date line of an article, unless the column's dates live only in the URL.</summary>
    protected string DateLine(Column3 column, Item3 item, string format = "yyyy-MM-dd") => column.Dates == DatePlace.UrlOnly ? ""
        : (format == "chinese" ? Farm3Text.Chinese(item.Date) : Farm3Text.Format(item.Date, format)) + $" 09:{item.Id % 60:00}";

    /// <summary>What a single page or entry page says.</summary>
    protected virtual string SingleBody(Column3 column) => column.Kind switch
    {
        ColumnKind3.CatalogueEntry => CatalogueBody(),
        ColumnKind3.RequestEntry => RequestBody(),
        ColumnKind3.SiteMap => SiteMapBody(),
        _ => column.Text ?? DefaultSingleText(column.Name),
    };

    private string DefaultSingleText(string name) => name switch
    {
        "联系我们" => $"<p>地址：{E(Site.Name)}办公楼三楼</p><p>邮编：311300</p><p>电话：0571-8{Farm3Text.Seed(Site.Slug) % 1000000:000000}</p><p>电子邮箱：ggb@example.gov.cn</p>",
        "网站声明" => "<p>本网站所载内容，凡注明来源为本网站的，版权均属本网站所有，转载时请注明出处。</p><p>本网站不收集访问者的个人信息。</p>",
        "领导信息" => $"<div class=\"leader\"><img src=\"{Asset(P + "images/leader1.jpg")}\" alt=\"主要负责人照片\"><p>姓名：张某某</p><p>职务：主要负责人</p><p>工作分工：主持全面工作。</p></div>",
        "机构职能" or "机构概况" => $"<p>{E(Site.Name)}是主管本行政区域内有关工作的部门。</p><p>主要职责：贯彻执行有关法律法规和方针政策；拟订并组织实施有关规划；承担本级交办的其他任务。</p><p>内设机构：办公室、综合科、业务科。</p>",
        "政府信息公开指南" => "<p>为了更好地提供政府信息公开服务，根据《政府信息公开条例》，编制本指南。</p><p>一、主动公开：公开的范围、形式和时限。</p><p>二、依申请公开：受理机构、申请方式和处理程序。</p>",
        _ => $"<p>{E(name)}。</p><p>{E(Site.Name)}。</p>",
    };

    protected virtual string CatalogueBody()
    {
        var html = new StringBuilder("<div class=\"gkml-intro\"><p>本目录按照主动公开的信息类别编排，可按类别浏览或检索。</p>");
        html.Append($"<form action=\"{P}search/\" method=\"get\"><input name=\"q\" type=\"text\"> <input type=\"submit\" value=\"检索\"></form><ul class=\"gkml-tree\">");
        foreach (var column in DisclosureNav)
        {
            html.Append($"<li><a href=\"{ColumnPath(column, 1)}\">{E(column.Name)}</a></li>");
        }
        return html.Append("</ul></div>").ToString();
    }

    protected string RequestBody() => $"""
        <div class="ysqgk">
        <p>公民、法人或者其他组织可以向本机关申请获取政府信息。申请应当采用书面形式（包括数据电文形式）。</p>
        <p>申请表下载：<a href="{Asset(P + "files/ysqgk_sqb.doc")}">政府信息公开申请表.doc</a></p>
        <form action="{P}ysqgk/submit" method="post">
        <p>申请人姓名：<input name="name" type="text"></p><p>联系电话：<input name="phone" type="text"></p>
        <p>所需信息内容描述：<textarea name="content" rows="5" cols="60"></textarea></p>
        <p><input type="submit" value="提交申请"></p></form></div>
        """;

    private string SiteMapBody()
    {
        var html = new StringBuilder("<div class=\"sitemap\"><ul>");
        foreach (var column in Site.Columns.Where(c => c.Kind != ColumnKind3.OffSite && c.Kind != ColumnKind3.SiteMap))
        {
            html.Append($"<li><a href=\"{ColumnPath(column, 1)}\">{E(column.Name)}</a></li>");
        }
        return html.Append("</ul></div>").ToString();
    }

    /// <summary>A letter's detail: the 来信 and 回复 blocks, as Hanweb and 开普云 print them.</summary>
    protected static string LetterBlocks(Letter3 letter, bool table)
    {
        var reply = letter.Replied is { } replied
            ? (Time: Farm3Text.Ymd(replied), Unit: "承办单位", Text: "您好！您反映的问题已收悉。经核实，有关情况如下：我单位已安排工作人员现场处理，并将加强日常管理。感谢您的监督。")
            : (Time: "", Unit: "", Text: "");
        if (table)
        {
            return $"""
                <table class="letter-detail" width="100%" border="1" cellspacing="0" cellpadding="6">
                <tr><td width="120">信件标题</td><td>{E(letter.Title)}</td></tr>
                <tr><td>来信人</td><td>王**</td></tr>
                <tr><td>来信时间</td><td>{Farm3Text.Ymd(letter.Received)}</td></tr>
                <tr><td>来信内容</td><td>本人反映：{E(letter.Title)}，希望有关部门尽快处理为盼。</td></tr>
                <tr><td>回复单位</td><td>{reply.Unit}</td></tr>
                <tr><td>回复时间</td><td>{reply.Time}</td></tr>
                <tr><td>回复内容</td><td>{reply.Text}</td></tr>
                </table>
                """;
        }
        return $"""
            <div class="letter">
            <h2>{E(letter.Title)}</h2>
            <div class="ask"><h3>来信内容</h3><p class="meta">来信人：李**　来信时间：{Farm3Text.Ymd(letter.Received)} 10:12</p><p>您好，{E(letter.Title)}，请予以答复。</p></div>
            <div class="answer"><h3>回复内容</h3>{(letter.Replied is null ? "<p></p>" : $"<p class=\"meta\">回复单位：承办单位　回复时间：{reply.Time} 16:40</p><p>{reply.Text}</p>")}</div>
            </div>
            """;
    }

    /// <summary>A guide's fields in its shape; for tabs, only the fields of one tab.</summary>
    protected static string GuideFields(Guide3 guide, int tab)
    {
        var fields = guide.Shape == GuideShape.TabsPages ? guide.Fields.Where(f => f.Tab == tab).ToList() : guide.Fields;
        var html = new StringBuilder();
        switch (guide.Shape)
        {
            case GuideShape.Brackets:
                html.Append("<div class=\"bszn\"><p>");
                html.AppendJoin("<br>\n", fields.Select(f => $"【{f.Label}】{E(f.Value)}"));
                html.Append("</p></div>");
                break;
            case GuideShape.Colon:
            case GuideShape.TabsPages:
                foreach (var f in fields)
                {
                    html.Append($"<p><strong>{f.Label}：</strong>{E(f.Value)}</p>\n");
                }
                break;
            case GuideShape.Table:
                html.Append("<table class=\"guide\" border=\"1\" cellspacing=\"0\" cellpadding=\"5\" width=\"100%\">");
                foreach (var f in fields)
                {
                    html.Append($"<tr><td class=\"td-label\" width=\"20%\">{f.Label}</td><td>{E(f.Value)}</td></tr>\n");
                }
                html.Append("</table>");
                break;
            case GuideShape.Dl:
                html.Append("<dl class=\"guide\">");
                foreach (var f in fields)
                {
                    html.Append($"<dt>{f.Label}</dt><dd>{E(f.Value)}</dd>\n");
                }
                html.Append("</dl>");
                break;
            case GuideShape.Headings:
                foreach (var f in fields)
                {
                    html.Append($"<h3>{f.Label}</h3>\n<p>{E(f.Value)}</p>\n");
                }
                break;
            case GuideShape.TabsOnePage:
                var tabs = fields.Select(f => f.Tab).Distinct().Order().ToList();
                html.Append("<ul class=\"tab-nav\">");
                html.AppendJoin("", tabs.Select(t => $"<li data-tab=\"{t}\"{(t == 1 ? " class=\"on\"" : "")}>{TabName(t)}</li>"));
                html.Append("</ul>");
                foreach (var t in tabs)
                {
                    html.Append($"<div class=\"tab-pane\" id=\"tab{t}\"{(t == 1 ? "" : " style=\"display:none\"")}>");
                    foreach (var f in fields.Where(f => f.Tab == t))
                    {
                        html.Append($"<p><span class=\"label\">{f.Label}</span>：{E(f.Value)}</p>\n");
                    }
                    html.Append("</div>");
                }
                break;
        }
        return html.ToString();
    }

    protected static string TabName(int tab) => tab switch { 1 => "基本信息", 2 => "申请材料", 3 => "办理流程", _ => "其他信息" };

    /// <summary>The tab links of a guide split over pages (?tab=2).</summary>
    protected string GuideTabLinks(Guide3 guide, int current) => guide.Shape != GuideShape.TabsPages ? ""
        : "<div class=\"tabs\">" + string.Join(" | ", Enumerable.Range(1, guide.Fields.Max(f => f.Tab))
            .Select(t => t == current ? $"<span class=\"cur\">{TabName(t)}</span>" : $"<a href=\"{GuidePath(guide, t)}\">{TabName(t)}</a>")) + "</div>";

    /// <summary>A guide's link to do it online in the province's hall (off-site, one hop).</summary>
    protected string OnlineLink(Guide3 guide) =>
        $"<p class=\"online\"><a href=\"{Ext.Hall}/bsfw/item/{Site.Code}{guide.Id}.html\" target=\"_blank\">在线办理</a></p>";

    /// <summary>A status as an image with alt text (Hanweb) or as a class and text (开普云).</summary>
    protected string StatusImage(Letter3 letter, string imagesPath) =>
        $"<img src=\"{Asset(imagesPath + StatusFile(letter.Status))}\" alt=\"{letter.Status}\" border=\"0\">";

    protected static string StatusClass(Letter3 letter) => letter.Status switch
    {
        "已办结" or "已回复" => "status status-done",
        "办理中" => "status status-doing",
        _ => "status status-wait",
    };

    private static string StatusFile(string status) => status switch
    {
        "已办结" => "ybj.gif",
        "已回复" => "yhf.gif",
        "办理中" => "blz.gif",
        "未回复" => "whf.gif",
        _ => "dcl.gif",
    };
}
