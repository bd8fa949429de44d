using System.Globalization;
using System.Text;

namespace GovSite.Tests.Monitoring.Farm2;

/// <summary>One answer of a farm server: status, bytes and headers, rendered once at start-up.</summary>
public sealed record Resource(int Status, byte[] Body, string ContentType, string? Location = null);

/// <summary>
/// Turns a site model into its pages. The base class holds what every CMS shares (the shell of a
/// page, single pages, disclosure entry pages, letters, service guides); each layout gives its URL
/// scheme and the markup of its lists, detail pages and homepage.
/// </summary>
public abstract class Renderer
{
    protected static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    private readonly Dictionary<string, Resource> _out = new(StringComparer.Ordinal);

    protected Renderer(SiteModel site) => Site = site;

    protected SiteModel Site { get; }
    protected string Origin { get; private set; } = "";
    protected DateOnly AsOf { get; private set; }
    protected Func<External, string> Ext { get; private set; } = _ => "";

    /// <summary>The site-relative path of the page being written (for relative links).</summary>
    protected string Current { get; private set; } = "";

    public static Renderer For(SiteModel site) => site.Layout switch
    {
        Layout.Trs => new TrsRenderer(site),
        Layout.Jcms => new JcmsRenderer(site),
        Layout.Gkmlpt => new GkmlptRenderer(site),
        Layout.Table => new TableRenderer(site),
        Layout.Html5 => new Html5Renderer(site),
        Layout.DlSpan => new DlSpanRenderer(site),
        Layout.Kpy => new KpyRenderer(site),
        _ => throw new ArgumentOutOfRangeException(nameof(site)),
    };

    // ---- URL scheme: paths relative to the site's base, no leading slash ----

    public abstract string HomePath { get; }
    public abstract string ColumnPath(ColumnModel column, int page);
    public abstract string ItemPath(ColumnModel column, ItemModel item);
    public abstract string LetterPath(ColumnModel column, LetterModel letter);
    public abstract string GuidePath(ColumnModel column, GuideModel guide);
    public virtual string LeaderPath(ColumnModel column, int n) => ColumnPath(column, 0).Replace("index.html", "", StringComparison.Ordinal) + $"leader_{n}.html";
    public virtual string AssetDir => "images/";

    /// <summary>How a page links to another page of the site; absolute paths unless a layout writes otherwise.</summary>
    protected virtual string Href(string target) => H(Site.Base + target);

    // ---- markup each layout writes ----

    protected abstract string ListBody(ColumnModel column, int page, IReadOnlyList<ItemModel> items);
    protected abstract string DetailBody(ColumnModel column, ItemModel item);
    protected abstract string HomeBody();
    protected abstract string Pager(ColumnModel column, int page, int pageCount);

    /// <summary>The date written beside an item in a list.</summary>
    protected abstract string ListDate(DateOnly date);

    public Dictionary<string, Resource> Render(string origin, DateOnly asOf, Func<External, string> ext)
    {
        Origin = origin;
        AsOf = asOf;
        Ext = ext;
        Assets();
        Write(HomePath, () => Page(null, Site.Name, HomeBody()));
        if (HomePath != "")
        {
            if (Site.RootRedirects)
            {
                _out[Site.Base] = new Resource(302, [], "text/html", Site.Base + HomePath);
            }
            else
            {
                _out[Site.Base] = _out[Site.Base + HomePath];
            }
        }
        foreach (var column in Site.Columns)
        {
            RenderColumn(column);
        }
        foreach (var plant in AllPlants().Where(p => p.Kind == BrokenKind.ServerError))
        {
            _out[Site.Base + plant.Target] = new Resource(500, Encode("<html><body><h1>500 Internal Server Error</h1></body></html>"), ContentType());
        }
        return _out;
    }

    private IEnumerable<BrokenPlant> AllPlants() =>
        Site.HomeBroken.Concat(Site.Columns.SelectMany(c => c.Broken.Concat(c.Items.SelectMany(i => i.Broken))));

    private void RenderColumn(ColumnModel column)
    {
        switch (column.Kind)
        {
            case ColumnKind.List:
                var ordered = Ordered(column);
                for (var page = 0; page < column.PageCount; page++)
                {
                    var items = ordered.Skip(page * column.PageSize).Take(column.PageSize).ToList();
                    Write(ColumnPath(column, page), () => Page(column, column.Name, items.Count == 0 ? EmptyList(column) : column.ImageLinks ? ImageList(column, page, items) : ListBody(column, page, items)));
                }
                foreach (var item in ordered)
                {
                    Write(ItemPath(column, item), () => Page(column, item.Title, DetailBody(column, item), item));
                }
                break;
            case ColumnKind.SinglePage:
                Write(ColumnPath(column, 0), () => Page(column, column.Name, SingleBody(column) + Planted(column.Broken)));
                break;
            case ColumnKind.Hub:
                Write(ColumnPath(column, 0), () => Page(column, column.Name, HubBody(column)));
                break;
            case ColumnKind.CatalogueEntry:
                Write(ColumnPath(column, 0), () => Page(column, column.Name, CatalogueBody(column)));
                break;
            case ColumnKind.ApplyEntry:
                const string form = "ysqgk/form.html";
                Write(ColumnPath(column, 0), () => Page(column, column.Name, ApplyBody(column, form)));
                Write(form, () => Page(column, "政府信息公开申请", ApplyForm()));
                _out[Site.Base + "uploadfiles/ysqgk/sqb.doc"] = new Resource(200, Encoding.ASCII.GetBytes("DOC"), "application/msword");
                break;
            case ColumnKind.Letters:
                var letters = column.Letters.OrderByDescending(l => l.Received).ToList();
                var pages = Math.Max(1, (letters.Count + column.PageSize - 1) / column.PageSize);
                for (var page = 0; page < pages; page++)
                {
                    Write(ColumnPath(column, page), () => Page(column, column.Name,
                        LetterList(column, letters.Skip(page * column.PageSize).Take(column.PageSize).ToList()) + Pager(column, page, pages)));
                }
                foreach (var letter in letters)
                {
                    Write(LetterPath(column, letter), () => Page(column, letter.Title, LetterDetail(column, letter)));
                }
                break;
            case ColumnKind.MailForm:
                Write(ColumnPath(column, 0), () => Page(column, column.Name, MailFormBody(column)));
                break;
            case ColumnKind.Guides:
                Write(ColumnPath(column, 0), () => Page(column, column.Name, GuideList(column)));
                foreach (var guide in column.Guides)
                {
                    Write(GuidePath(column, guide), () => Page(column, guide.Name, GuideBody(guide)));
                }
                break;
            case ColumnKind.LeaderList:
                Write(ColumnPath(column, 0), () => Page(column, column.Name, LeaderListBody(column)));
                for (var n = 1; n <= 4; n++)
                {
                    Write(LeaderPath(column, n), () => Page(column, Leaders[n - 1].Name, LeaderProfile(Leaders[n - 1], n)));
                }
                break;
            case ColumnKind.OffSite:
            case ColumnKind.Missing:
                break;
        }
    }

    protected static List<ItemModel> Ordered(ColumnModel column) => [.. column.Items.OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)];

    /// <summary>The link a navigation entry carries.</summary>
    protected string ColumnHref(ColumnModel column) => column.Kind == ColumnKind.OffSite
        ? Ext(column.OffSiteServer) + column.OffSitePath
        : NavHref(ColumnPath(column, 0));

    /// <summary>Navigation links; JCMS writes them with the host.</summary>
    protected virtual string NavHref(string target) => Href(target);

    protected void Write(string path, Func<string> html)
    {
        Current = path;
        if (!_out.TryAdd(Site.Base + path, new Resource(200, Encode(html()), ContentType())))
        {
            throw new InvalidOperationException($"{Site.Slug}: two pages at {path}");
        }
    }

    private string ContentType() => Site.Charset == Charset.GbkHeader ? "text/html; charset=GBK" : Site.Charset == Charset.Utf8 ? "text/html; charset=utf-8" : "text/html";

    private byte[] Encode(string html) => Site.Charset == Charset.Utf8 ? Encoding.UTF8.GetBytes(html) : Gbk.GetBytes(html);

    private void Assets()
    {
        var css = Encoding.ASCII.GetBytes("body{font:14px/1.6 sans-serif}.hide{display:none}");
        var js = Encoding.ASCII.GetBytes("function createPageHTML(n,c,p,s){}function tab(i){}");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        _out[Site.Base + "css/style.css"] = new Resource(200, css, "text/css");
        _out[Site.Base + "js/common.js"] = new Resource(200, js, "application/javascript");
        foreach (var image in new[] { "logo.png", "banner.jpg", "dot.gif", "new.gif", "ga.png", "zt1.jpg", "zt2.jpg", "zt3.jpg", "zt4.jpg", "zt5.jpg", "ld1.jpg", "ld2.jpg", "ld3.jpg", "ld4.jpg", "wx.png" })
        {
            _out[Site.Base + AssetDir + image] = new Resource(200, png, image.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
        }
        if (Site.Prefixed)
        {
            // A shared platform host keeps its common files at its root, outside any site's path.
            _out["/common/jyh.css"] = new Resource(200, css, "text/css");
        }
    }

    // ---- the page shell ----

    protected virtual string Page(ColumnModel? column, string title, string body, ItemModel? item = null)
    {
        var sb = new StringBuilder();
        sb.Append(Site.Layout == Layout.Table
            ? "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
            : "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n");
        sb.Append(Site.Charset switch
        {
            Charset.Utf8 => "<meta charset=\"utf-8\">\n",
            Charset.GbkMeta => "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />\n",
            _ => "",
        });
        sb.Append(CultureInfo.InvariantCulture, $"<title>{H(title)}{(column is null ? "" : "_" + H(Site.Name))}</title>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<meta name=\"SiteName\" content=\"{H(Site.Name)}\">\n<meta name=\"SiteDomain\" content=\"www.{Site.Slug}.gov.cn\">\n<meta name=\"SiteIDCode\" content=\"{Site.Code}\">\n");
        if (column is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<meta name=\"ColumnName\" content=\"{H(column.Name)}\">\n<meta name=\"ColumnType\" content=\"{H(column.Name)}\">\n");
        }
        if (item is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<meta name=\"ArticleTitle\" content=\"{H(item.Title)}\">\n");
            if (column!.Dates != DatePlace.Url)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<meta name=\"PubDate\" content=\"{item.Date.ToString("yyyy-MM-dd", Inv)} {Clock(item)}\">\n");
            }
        }
        if (Site.Prefixed)
        {
            sb.Append("<link rel=\"stylesheet\" href=\"/common/jyh.css\">\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"{Href("css/style.css")}\">\n<script src=\"{Href("js/common.js")}\"></script>\n</head>\n<body>\n");
        sb.Append(Header());
        sb.Append(Nav());
        if (column is not null)
        {
            sb.Append(Breadcrumb(column));
            sb.Append(SideNav(column));
        }
        sb.Append(body).Append('\n');
        sb.Append(Footer());
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    protected static string Clock(ItemModel item) => $"{8 + item.Id % 9:00}:{item.Id % 60:00}";

    protected virtual string Header() =>
        $"<div class=\"header\"><a href=\"{Href(HomePath)}\"><img src=\"{Href(AssetDir + "logo.png")}\" alt=\"{H(Site.Name)}\"></a>" +
        "<span class=\"today\"><script>var d=new Date();document.write(d.getFullYear()+'年'+(d.getMonth()+1)+'月'+d.getDate()+'日');</script></span>" +
        $"<a class=\"hall\" href=\"{Ext(External.Hall)}/\" target=\"_blank\">网上办事大厅</a>" +
        $"<form class=\"search\" action=\"{Href("search/index.html")}\" method=\"get\"><input name=\"q\" title=\"站内搜索\"><button type=\"submit\">搜索</button></form></div>\n";

    protected virtual string Nav()
    {
        var sb = new StringBuilder($"<div class=\"nav\"><ul><li><a href=\"{NavHref(HomePath)}\">首页</a></li>");
        foreach (var column in Site.TopLevel.Where(c => !IsFooterPage(c)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ColumnHref(column)}\"{(column.Kind == ColumnKind.OffSite ? " target=\"_blank\"" : "")}>{H(column.Name)}</a></li>");
        }
        return sb.Append("</ul></div>\n").ToString();
    }

    protected static bool IsFooterPage(ColumnModel column) => column.Name is "联系我们" or "网站声明" or "网站地图";

    protected virtual string Breadcrumb(ColumnModel column)
    {
        var sb = new StringBuilder($"<div class=\"position\">当前位置：<a href=\"{Href(HomePath)}\">首页</a>");
        foreach (var step in column.Path)
        {
            sb.Append(CultureInfo.InvariantCulture, $" &gt; <a href=\"{Href(ColumnPath(step, 0))}\">{H(step.Name)}</a>");
        }
        return sb.Append("</div>\n").ToString();
    }

    protected virtual string SideNav(ColumnModel column)
    {
        var parent = column.Parent;
        if (parent is null)
        {
            return "";
        }
        var sb = new StringBuilder($"<div class=\"sidenav\"><h2>{H(parent.Name)}</h2><ul>");
        foreach (var sibling in Site.ChildrenOf(parent))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li{(sibling == column ? " class=\"on\"" : "")}><a href=\"{ColumnHref(sibling)}\">{H(sibling.Name)}</a></li>");
        }
        return sb.Append("</ul></div>\n").ToString();
    }

    protected virtual string Footer()
    {
        var footerPages = Site.TopLevel.Where(IsFooterPage).Select(c => $"<a href=\"{Href(ColumnPath(c, 0))}\">{H(c.Name)}</a>");
        var friendly = $"<div class=\"links\">友情链接：<a href=\"{Ext(External.Gov)}/\" target=\"_blank\">中国政府网</a> " +
            $"<a href=\"{Ext(External.Gov)}/moved\" target=\"_blank\">省人民政府</a> <a href=\"{Ext(External.Gov)}/nohead\" target=\"_blank\">市人民政府</a>" +
            (Site.FooterBroken is { } gone ? $" <a href=\"{PlantHref(gone)}\" target=\"_blank\">原{H(Site.Place)}信息网</a>" : "") + "</div>\n";
        return friendly +
            $"<div class=\"footer\"><p>{string.Join(" | ", footerPages)}</p>" +
            $"<p>主办单位：{H(Site.Name)}办公室　承办单位：{H(Site.Place)}大数据发展中心</p>" +
            $"<p>地址：{H(Site.Place)}人民大道88号　联系电话：0571-87654321　邮编：311100</p>" +
            $"<p>网站标识码：{Site.Code}　<a href=\"{Ext(External.Gov)}/beian/miit\" target=\"_blank\">浙ICP备05012345号-1</a>　" +
            $"<a href=\"{Ext(External.Gov)}/beian/portal?recordcode={Site.Code}01\" target=\"_blank\"><img src=\"{Href(AssetDir + "ga.png")}\" alt=\"\">浙公网安备 {Site.Code}01号</a></p>" +
            $"<p><span id=\"_ideConac\"><a href=\"{Ext(External.Gov)}/conac/sitename?method=show&amp;id={Site.Code}\" target=\"_blank\"><img src=\"{Ext(External.Gov)}/conac/dzjg.png\" alt=\"党政机关\"></a></span>" +
            $"<script id=\"_jiucuo_\" sitecode=\"{Site.Code}\" src=\"{Ext(External.ErrorReport)}/exposure/jiucuo.js\"></script></p></div>\n";
    }

    // ---- parts shared by every layout ----

    protected string PlantHref(BrokenPlant plant) => H(plant.IsInternal
        ? Site.Base + plant.Target
        : Ext(plant.Kind == BrokenKind.ExternalDead ? External.Dead : External.Gov) + plant.Target);

    /// <summary>A resource beside the pages (scripts a CMS includes, data endpoints).</summary>
    protected void AddRaw(string path, Resource resource) => _out[Site.Base + path] = resource;

    protected static Resource Script(string text) => new(200, Encoding.ASCII.GetBytes(text), "application/javascript");

    /// <summary>What every homepage carries besides its blocks: topic banners, entry links, planted links.</summary>
    protected string HomeCommon()
    {
        var sb = new StringBuilder("<div class=\"banner\"><img src=\"" + Href(AssetDir + "banner.jpg") + "\" alt=\"\"></div>\n");
        if (Site.Columns.FirstOrDefault(c => c.ImageLinks && c.Items.Count > 0) is { } topics)
        {
            sb.Append("<div class=\"zt\">");
            foreach (var (item, n) in Ordered(topics).Take(3).Select((i, n) => (i, n)))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Href(ItemPath(topics, item))}\" target=\"_blank\"><img src=\"{Href(AssetDir + $"zt{n + 1}.jpg")}\" alt=\"\"></a>");
            }
            sb.Append("</div>\n");
        }
        sb.Append("<div class=\"entries\">");
        foreach (var column in Site.Columns.Where(c => c.Kind is ColumnKind.Hub or ColumnKind.Guides or ColumnKind.Letters or ColumnKind.MailForm or ColumnKind.OffSite))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{ColumnHref(column)}\">{H(column.Name)}</a> ");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{Ext(External.ErrorReport)}/check_web/errorInfo_querySiteId?site_code={Site.Code}\" target=\"_blank\">我为政府网站找错</a></div>\n");
        foreach (var plant in Site.HomeBroken)
        {
            sb.Append(plant.Kind == BrokenKind.MissingImage
                ? $"<div class=\"ad\"><img src=\"{PlantHref(plant)}\" alt=\"宣传图\"></div>\n"
                : $"<div class=\"ad\"><a href=\"{PlantHref(plant)}\" target=\"_blank\">专题活动</a></div>\n");
        }
        return sb.ToString();
    }

    /// <summary>Paragraphs of an article, its planted links, and the share buttons.</summary>
    protected string ArticleText(ColumnModel column, ItemModel item)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in item.Paragraphs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p style=\"text-indent:2em\">{H(paragraph)}</p>\n");
        }
        foreach (var plant in item.Broken)
        {
            sb.Append(plant.Kind switch
            {
                BrokenKind.MissingImage => $"<p style=\"text-align:center\"><img src=\"{PlantHref(plant)}\" alt=\"现场图片\"></p>\n",
                BrokenKind.MissingAttachment => $"<p>附件：<a href=\"{PlantHref(plant)}\">{H(AttachmentName(plant))}</a></p>\n",
                _ => $"<p>相关链接：<a href=\"{PlantHref(plant)}\" target=\"_blank\">{H(item.Title)}（相关资料）</a></p>\n",
            });
        }
        if (Site.ShareLinks)
        {
            var url = Uri.EscapeDataString(Origin + Site.Base + ItemPath(column, item));
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"share\">分享到：<a href=\"{Ext(External.Weibo)}/share/share.php?url={url}&amp;title={Uri.EscapeDataString(item.Title)}\" target=\"_blank\">新浪微博</a> " +
                $"<a href=\"javascript:void(0)\" onclick=\"shareWx()\"><img src=\"{Href(AssetDir + "wx.png")}\" alt=\"\"></a></div>\n");
        }
        sb.Append("<div class=\"tools\"><a href=\"javascript:window.print()\">【打印本页】</a> <a href=\"javascript:window.close()\">【关闭窗口】</a></div>\n");
        return sb.ToString();
    }

    private string Planted(List<BrokenPlant> plants) =>
        string.Concat(plants.Select(p => $"<p><a href=\"{PlantHref(p)}\" target=\"_blank\">相关链接</a></p>"));

    /// <summary>Topic banners: each item is a link holding only an image.</summary>
    private string ImageList(ColumnModel column, int page, IReadOnlyList<ItemModel> items)
    {
        var sb = new StringBuilder("<ul class=\"ztzl\">\n");
        foreach (var item in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(ItemPath(column, item))}\" target=\"_blank\"><img src=\"{Href(AssetDir + $"zt{item.Id % 5 + 1}.jpg")}\" alt=\"\"></a></li>\n");
        }
        return sb.Append("</ul>\n").Append(Pager(column, page, column.PageCount)).ToString();
    }

    private static string AttachmentName(BrokenPlant plant) => Uri.UnescapeDataString(plant.Target[(plant.Target.LastIndexOf('/') + 1)..]);

    protected virtual string EmptyList(ColumnModel column) => column.Empty switch
    {
        EmptyStyle.NoInfoText => "<div class=\"list\"><p class=\"nodata\">暂无信息</p></div>",
        EmptyStyle.NoDataText => "<div class=\"list\"><div class=\"empty\">暂无数据</div></div>",
        EmptyStyle.NoContentText => "<div class=\"list\"><p>暂无内容</p></div>",
        EmptyStyle.EmptyContainer => "<div class=\"list\"><ul>\n</ul></div>",
        _ => "<div class=\"list\"><ul></ul></div><div class=\"page\">共0条记录 第1/1页</div>",
    };

    /// <summary>A site planted without a channel does not offer a published mailbox address either.</summary>
    private bool HasChannel => Site.Columns.Any(c => c.Kind is ColumnKind.Letters or ColumnKind.MailForm || (c.Kind == ColumnKind.OffSite && c.OffSiteServer == External.Mailbox));

    protected virtual string SingleBody(ColumnModel column)
    {
        var place = H(Site.Place);
        var text = column.Name switch
        {
            "联系我们" => $"<p>通信地址：{place}人民大道88号</p><p>邮政编码：311100</p><p>联系电话：0571-87654321（工作日 8:30—17:00）</p>" + (HasChannel
                ? $"<p>电子邮箱：<a href=\"mailto:office@{Site.Slug}.gov.cn\">office@{Site.Slug}.gov.cn</a></p>"
                : ""),
            "网站声明" => $"<p>本网站由{H(Site.Name)}主办，所载内容版权归本网站所有。未经书面许可，任何单位和个人不得转载、摘编或以其他方式使用。</p><p>本网站对所链接的外部网站内容不承担责任。</p>",
            "网站地图" => SiteMap(),
            "领导信息" => $"<div class=\"leader\"><img src=\"{Href(AssetDir + "ld1.jpg")}\" alt=\"王建华\"><h3>王建华</h3><p>负责全面工作。</p><p>王建华，男，汉族，1975年5月出生，中共党员，研究生学历。</p></div>",
            "政府信息公开指南" => $"<h3>一、主动公开</h3><p>主动公开的政府信息通过{H(Site.Name)}网站政府信息公开专栏、政府公报等途径公开。</p><h3>二、依申请公开</h3><p>公民、法人或者其他组织可以向本机关申请获取相关政府信息。</p><h3>三、监督和救济</h3><p>认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。</p>",
            _ => $"<h3>主要职责</h3><p>（一）贯彻执行国家和省、市有关方针政策和法律法规，拟订{place}相关政策措施并组织实施。</p><p>（二）负责统筹协调本行政区域内的相关工作。</p><p>（三）完成上级交办的其他任务。</p><h3>内设机构</h3><p>办公室、综合科、政策法规科、督查科。</p><p class=\"update\">更新时间：2024-03-15</p>",
        };
        return $"<div class=\"single\"><h1>{H(column.Name)}</h1>{text}</div>";
    }

    private string SiteMap()
    {
        var sb = new StringBuilder("<div class=\"sitemap\"><ul>");
        foreach (var column in Site.TopLevel.Where(c => !IsFooterPage(c)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ColumnHref(column)}\">{H(column.Name)}</a>");
            var children = Site.ChildrenOf(column).ToList();
            if (children.Count > 0)
            {
                sb.Append("<ul>");
                foreach (var child in children)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ColumnHref(child)}\">{H(child.Name)}</a></li>");
                }
                sb.Append("</ul>");
            }
            sb.Append("</li>");
        }
        return sb.Append("</ul></div>").ToString();
    }

    protected virtual string HubBody(ColumnModel hub)
    {
        var sb = new StringBuilder($"<div class=\"hub\"><h1>{H(hub.Name)}</h1>");
        var children = Site.ChildrenOf(hub).ToList();
        if (hub.Name == "政府信息公开")
        {
            var statutory = children.Where(c => c.Kind is ColumnKind.List or ColumnKind.SinglePage && c.Name is not ("政府信息公开年度报告" or "政府信息公开指南")).ToList();
            sb.Append("<ul class=\"gk\">");
            foreach (var child in children.Except(statutory))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ColumnHref(child)}\">{H(child.Name)}</a></li>");
            }
            sb.Append("</ul><h2>法定主动公开内容</h2><ul class=\"fdzdgk\">");
            foreach (var child in statutory)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ColumnHref(child)}\">{H(child.Name)}</a></li>");
            }
            sb.Append("</ul>");
        }
        else
        {
            sb.Append("<ul>");
            foreach (var child in children)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ColumnHref(child)}\">{H(child.Name)}</a></li>");
            }
            sb.Append("</ul>");
            if (hub.Name == "办事服务")
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p>更多事项请登录<a href=\"{Ext(External.Hall)}/\" target=\"_blank\">省政务服务网</a>办理。</p>");
            }
        }
        return sb.Append("</div>").ToString();
    }

    protected virtual string CatalogueBody(ColumnModel column)
    {
        var sb = new StringBuilder("<div class=\"gkml\"><p>本目录按照主题分类编排本机关主动公开的政府信息，可按索引号、文号或关键词检索。</p><div class=\"tree\"><h3>目录导航</h3><ul>");
        foreach (var sibling in Site.Columns.Where(c => c.Parent == column.Parent && c.Kind is ColumnKind.List or ColumnKind.SinglePage))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ColumnHref(sibling)}\">{H(sibling.Name)}</a></li>");
        }
        sb.Append("</ul></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<form action=\"{Href("search/index.html")}\" method=\"get\"><label>索引号 <input name=\"syh\"></label><label>文号 <input name=\"wh\"></label><label>标题 <input name=\"q\"></label><button type=\"submit\">检索</button></form></div>");
        return sb.ToString();
    }

    private string ApplyBody(ColumnModel column, string form) =>
        $"<div class=\"ysqgk\"><h1>{H(column.Name)}</h1><p>除本机关主动公开的政府信息外，公民、法人或者其他组织可以向本机关申请获取相关政府信息。</p>" +
        $"<h3>申请方式</h3><p>可通过在线申请、信函申请或当面申请等方式提出。</p>" +
        $"<p>受理机构：{H(Site.Name)}办公室　通信地址：{H(Site.Place)}人民大道88号　联系电话：0571-87654321</p>" +
        $"<p class=\"btns\"><a href=\"{Href(form)}\">在线申请</a> <a href=\"{Href("uploadfiles/ysqgk/sqb.doc")}\">申请表下载</a></p></div>";

    private string ApplyForm() =>
        $"<form class=\"ysq\" method=\"post\" action=\"{Href("ysqgk/submit.do")}\"><p><label>申请人姓名 <input name=\"name\"></label></p><p><label>证件号码 <input name=\"idno\"></label></p>" +
        "<p><label>所需信息的内容描述 <textarea name=\"content\"></textarea></label></p><p><button type=\"submit\">提交申请</button></p></form>";

    private string MailFormBody(ColumnModel column) =>
        $"<div class=\"mailbox\"><h1>{H(column.Name)}</h1><p>本信箱受理群众对{H(Site.Place)}有关工作的咨询、建议和投诉，我们将在7个工作日内答复。</p>" +
        $"<form method=\"post\" action=\"{Href("mailbox/submit.do")}\"><p><label>姓名 <input name=\"name\"></label></p><p><label>手机 <input name=\"phone\"></label></p>" +
        "<p><label>标题 <input name=\"title\"></label></p><p><label>内容 <textarea name=\"content\"></textarea></label></p><p><button type=\"submit\">提交</button></p></form></div>";

    private static readonly (string Name, string Post)[] Leaders = [("王建华", "负责全面工作"), ("李志强", "负责经济发展工作"), ("陈晓梅", "负责社会事业工作"), ("刘国平", "负责城乡建设工作")];

    private string LeaderListBody(ColumnModel column)
    {
        var sb = new StringBuilder("<div class=\"leaders\"><ul>");
        for (var n = 1; n <= 4; n++)
        {
            var href = Href(LeaderPath(column, n));
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{href}\"><img src=\"{Href(AssetDir + $"ld{n}.jpg")}\" alt=\"\"></a><p><a href=\"{href}\">{Leaders[n - 1].Name}</a></p></li>");
        }
        return sb.Append("</ul></div>").ToString();
    }

    private string LeaderProfile((string Name, string Post) leader, int n) =>
        $"<div class=\"leader\"><img src=\"{Href(AssetDir + $"ld{n}.jpg")}\" alt=\"{leader.Name}\"><h3>{leader.Name}</h3><p>{leader.Post}。</p><p>{leader.Name}，1972年出生，大学学历。</p></div>";

    // ---- letters ----

    protected virtual string LetterList(ColumnModel column, List<LetterModel> letters)
    {
        var sb = new StringBuilder();
        switch (Site.Letters)
        {
            case LetterStyle.StatusTable:
                sb.Append("<table class=\"xjlb\" width=\"100%\"><tr><th>序号</th><th>信件标题</th><th>来信时间</th><th>回复时间</th><th>办理状态</th></tr>\n");
                foreach (var (letter, n) in letters.Select((l, n) => (l, n)))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{n + 1}</td><td><a href=\"{Href(LetterPath(column, letter))}\" title=\"{H(letter.Title)}\">{H(letter.Title)}</a></td>" +
                        $"<td>{letter.Received.ToString("yyyy-MM-dd", Inv)}</td><td>{letter.Replied?.ToString("yyyy-MM-dd", Inv) ?? "--"}</td><td>{letter.Status}</td></tr>\n");
                }
                sb.Append("</table>");
                break;
            case LetterStyle.DetailOnly:
                sb.Append("<ul class=\"letter-list\">\n");
                foreach (var letter in letters)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(LetterPath(column, letter))}\">{H(letter.Title)}</a><span class=\"time\">{letter.Received.ToString("yyyy-MM-dd", Inv)}</span></li>\n");
                }
                sb.Append("</ul>");
                break;
            default:
                sb.Append("<table class=\"mail-list\"><thead><tr><td>信件编号</td><td>信件标题</td><td>来信日期</td><td>状态</td></tr></thead><tbody>\n");
                foreach (var letter in letters)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td>TS{letter.Received.ToString("yyyyMMdd", Inv)}{letter.Id % 100000:00000}</td><td><a href=\"{Href(LetterPath(column, letter))}\" target=\"_blank\">{H(letter.Title)}</a></td>" +
                        $"<td>{letter.Received.ToString("yyyy-MM-dd", Inv)}</td><td>{letter.Status}</td></tr>\n");
                }
                sb.Append("</tbody></table>");
                break;
        }
        return $"<div class=\"letters\"><p class=\"write\"><a href=\"{Href(ColumnPath(column, 0))}#write\">我要写信</a></p>{sb}</div>";
    }

    protected virtual string LetterDetail(ColumnModel column, LetterModel letter)
    {
        var unit = H(Site.Name) + "办公室";
        var received = letter.Received.ToString("yyyy-MM-dd", Inv) + $" {9 + letter.Id % 8:00}:{letter.Id % 60:00}:{letter.Id % 47:00}";
        var replied = letter.Replied?.ToString("yyyy-MM-dd", Inv);
        switch (Site.Letters)
        {
            case LetterStyle.DetailOnly:
                var reply = replied is null
                    ? "<div class=\"box reply\"><h3>回复内容</h3><p>暂无回复</p></div>"
                    : $"<div class=\"box reply\"><h3>回复内容</h3><p class=\"unit\">回复单位：{unit}　回复时间：{replied}</p><p>{H(Texts.Reply(letter.Issue, unit))}</p></div>";
                return $"<div class=\"letter\"><h1>{H(letter.Title)}</h1><div class=\"lx\">来信人：王**　来信时间：{received}　办理状态：{letter.Status}</div>" +
                    $"<div class=\"box\"><h3>来信内容</h3><p>{H(Texts.LetterContent(letter.Issue))}</p></div>{reply}</div>";
            default:
                return $"<table class=\"xjxq\"><tr><th>信件标题</th><td>{H(letter.Title)}</td></tr><tr><th>来信人</th><td>王**</td></tr>" +
                    $"<tr><th>来信时间</th><td>{received}</td></tr><tr><th>来信内容</th><td>{H(Texts.LetterContent(letter.Issue))}</td></tr>" +
                    $"<tr><th>办理状态</th><td>{letter.Status}</td></tr><tr><th>回复单位</th><td>{(replied is null ? "" : unit)}</td></tr>" +
                    $"<tr><th>回复时间</th><td>{replied}</td></tr><tr><th>回复内容</th><td>{(replied is null ? "" : H(Texts.Reply(letter.Issue, unit)))}</td></tr></table>";
        }
    }

    // ---- service guides ----

    protected virtual string GuideList(ColumnModel column)
    {
        var sb = new StringBuilder($"<div class=\"bszn\"><h1>{H(column.Name)}</h1><ul>\n");
        foreach (var guide in column.Guides)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Href(GuidePath(column, guide))}\">{H(guide.Name)}</a> <a class=\"btn\" href=\"{Ext(External.Hall)}/item/{guide.Id}\" target=\"_blank\">在线办理</a></li>\n");
        }
        return sb.Append("</ul></div>").ToString();
    }

    protected string GuideBody(GuideModel guide)
    {
        string V(Element e) => H(Texts.ValueOf(e, guide.Name, Site.Place));
        var present = Enum.GetValues<Element>().Where(guide.Labels.ContainsKey).ToList();
        var rows = present.Select(e => (Label: guide.Labels[e], Value: V(e))).ToList();
        if (guide.HasTimeLimit)
        {
            rows.Insert(Math.Min(rows.Count, 7), ("办理时限", Texts.TimeLimitValue));
        }
        var sb = new StringBuilder($"<div class=\"guide\"><h1>{H(guide.Name)}</h1>\n");
        switch (guide.Shape)
        {
            case GuideShape.Bracket:
                foreach (var (label, value) in rows)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<p>【{label}】{value}</p>\n");
                }
                break;
            case GuideShape.Colon:
                sb.Append("<ul class=\"info\">");
                foreach (var (label, value) in rows)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<li><span class=\"label\">{label}：</span><span>{value}</span></li>\n");
                }
                sb.Append("</ul>");
                break;
            case GuideShape.Table:
                sb.Append("<table class=\"bszn-table\" border=\"1\">");
                foreach (var (label, value) in rows)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><th>{label}</th><td>{value}</td></tr>\n");
                }
                sb.Append("</table>");
                break;
            case GuideShape.DefinitionList:
                sb.Append("<dl class=\"guide-dl\">");
                foreach (var (label, value) in rows)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<dt>{label}</dt><dd>{value}</dd>\n");
                }
                sb.Append("</dl>");
                break;
            case GuideShape.Headings:
                foreach (var ((label, value), n) in rows.Select((r, n) => (r, n)))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<h3>{Numeral(n)}、{label}</h3>\n<p>{value}</p>\n");
                }
                break;
            case GuideShape.Tabs:
                var tabbed = new[] { Element.申请条件, Element.办理材料, Element.办理流程 }.Where(guide.Labels.ContainsKey).ToList();
                var basic = rows.Where(r => !tabbed.Any(t => guide.Labels[t] == r.Label)).ToList();
                sb.Append("<ul class=\"tabs\"><li class=\"on\" onclick=\"tab(0)\">基本信息</li>");
                foreach (var (element, n) in tabbed.Select((t, n) => (t, n)))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<li onclick=\"tab({n + 1})\">{guide.Labels[element]}</li>");
                }
                sb.Append("</ul>\n<div class=\"tab-pane\" id=\"tab0\"><table>");
                foreach (var (label, value) in basic)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"t\">{label}</td><td>{value}</td></tr>");
                }
                sb.Append("</table></div>\n");
                foreach (var (element, n) in tabbed.Select((t, n) => (t, n)))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<div class=\"tab-pane hide\" id=\"tab{n + 1}\"><p>{V(element)}</p></div>\n");
                }
                break;
        }
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"btns\"><a href=\"{Ext(External.Hall)}/item/{guide.Id}\" target=\"_blank\">在线办理</a></p></div>");
        return sb.ToString();
    }

    private static string Numeral(int n) => n < 10 ? "一二三四五六七八九十"[n].ToString() : "十" + "一二三四五六七八九"[n - 10];

    protected static string H(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    protected static string Ymd(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    /// <summary>The newest items of a column as a homepage shows them.</summary>
    protected static List<ItemModel> Newest(ColumnModel column) => [.. Ordered(column).Take(Inspector.HomeBlockSize)];

    /// <summary>The date as the homepage writes it (some write month and day only).</summary>
    protected string HomeDate(DateOnly date, Func<DateOnly, string> usual) =>
        Site.HomeMonthDay ? date.ToString("MM-dd", Inv) : usual(date);
}
