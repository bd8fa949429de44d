using GovSite.PublicSite.Themes;
using GovSite.PublicSite.Topics;
using GovSite.Publishing;
using GovSite.Sites;

namespace GovSite.PublicSite;

/// <summary>
/// What the public layout shows around a page's own content: the site, its theme, navigation and
/// footer, the page title and the national meta tags, and where the page lives (path base and
/// origin, for links and the 找错 address). Filled by <see cref="PublicPageModel"/> for pages
/// rendered by Razor, and directly by the static export's article pages (<see cref="ArticleView"/>);
/// <see cref="PublicLayout"/> writes it the same way for both.
/// </summary>
public sealed class PageShell
{
    public required SiteInfo Site { get; init; }
    public required List<Column> Columns { get; init; }
    public required ThemeSettings Theme { get; init; }
    public required List<SpecialTopic> Topics { get; init; }
    public bool IsPreview { get; init; }

    /// <summary>哀悼日: the site's region is in mourning now, and the whole page shows grey.</summary>
    public bool Mourning { get; init; }

    /// <summary>"" for a site on its own domain, "/sites/{code}" when addressed by path.</summary>
    public required string PathBase { get; init; }

    /// <summary>scheme://host of the request.</summary>
    public required string Origin { get; init; }

    /// <summary>The request's path inside the site (without the path base).</summary>
    public required string Path { get; init; }

    public required AssetLinks Assets { get; init; }

    /// <summary>Whether the page carries the visitor-counting script (Visits:Enabled).</summary>
    public bool CountVisits { get; init; }

    /// <summary>The column the page shows or belongs to, told to the counting script for the top-columns figures.</summary>
    public int? ColumnId { get; set; }

    public string PageTitle { get; set; } = "";
    public List<KeyValuePair<string, string>> Meta { get; } = [];
    public string? FeedUrl { get; set; }

    /// <summary>What a feed reader calls the feed in the head's link (the column feed's is just "RSS").</summary>
    public string FeedTitle { get; set; } = "RSS";
    public SpecialTopic? ArchivedTopic { get; set; }

    /// <summary>The site-wide meta tags every public page starts with, and the site's name as the title.</summary>
    public void AddSiteMeta()
    {
        PageTitle = Site.Name;
        Meta.AddRange(SiteMeta(Site));
    }

    public void AddMeta(string name, string? value) => Meta.Add(new(name, value ?? ""));

    public void AddColumnMeta(Column column)
    {
        Meta.AddRange(ColumnMeta(Site, column));
        ColumnId = column.Id;
    }

    public static KeyValuePair<string, string>[] SiteMeta(SiteInfo site) =>
        [new("SiteName", site.Name), new("SiteDomain", site.MainHost ?? ""), new("SiteIDCode", site.Code)];

    public static KeyValuePair<string, string>[] ColumnMeta(SiteInfo site, Column column) =>
    [
        new("ColumnName", column.Name),
        new("ColumnDescription", column.Description ?? $"{site.Name}{column.Name}"),
        new("ColumnKeywords", column.Keywords ?? column.Name),
        new("ColumnType", StandardColumns.Label(column.Type)),
    ];

    public string Link(string path) => PathBase + path;

    public string AbsoluteLink(string path) => Origin + PathBase + path;

    /// <summary>A fingerprinted asset under wwwroot ("css/site.css" → /css/site.{hash}.css).</summary>
    public string Asset(string path) => PathBase + "/" + Assets[path];

    public string DisplayName => Theme.DisplayName ?? Site.Name;

    public IEnumerable<Column> NavColumns => NavColumnsOf(Theme, Columns, Topics);

    /// <summary>GovSite's own 找错 form with this page's address filled in (the selected text is added by js/error-report.js).</summary>
    public string OwnErrorReportUrl => $"{Link("/error-reports/new")}?url={Uri.EscapeDataString(AbsoluteLink(Path))}";

    public string ErrorReportUrl =>
        $"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={Uri.EscapeDataString(Site.Code)}&url={Uri.EscapeDataString(AbsoluteLink(Path))}";

    /// <summary>The main navigation: the theme's choice, else every top column except topic roots.</summary>
    public static IEnumerable<Column> NavColumnsOf(ThemeSettings theme, List<Column> columns, List<SpecialTopic> topics) => theme.NavColumnIds is { } ids
        ? ids.Select(id => columns.FirstOrDefault(c => c.Id == id)).OfType<Column>()
        : columns.Where(c => c.ParentId is null && !topics.Any(t => t.ColumnId == c.Id));

    /// <summary>The column and its ancestors, root first, for the breadcrumb.</summary>
    public static List<Column> TrailOf(List<Column> columns, int columnId)
    {
        var trail = new List<Column>();
        for (int? id = columnId; id is int i && columns.Find(c => c.Id == i) is { } c && trail.Count < 20; id = c.ParentId)
        {
            trail.Insert(0, c);
        }
        return trail;
    }

    /// <summary>The special topic a column belongs to (by its root column), if any.</summary>
    public static SpecialTopic? TopicOf(List<Column> columns, List<SpecialTopic> topics, int columnId) =>
        TrailOf(columns, columnId).FirstOrDefault() is { } root ? topics.FirstOrDefault(t => t.ColumnId == root.Id) : null;
}

/// <summary>
/// Fingerprinted addresses of the app's own stylesheets and scripts ("css/site.css" →
/// "css/site.{hash}.css"), from the static-asset manifest, as the Razor tag helpers resolve them
/// (their table is built from the same descriptors), and the files behind them, which the static
/// export copies as the asset endpoints would send them. Read from the descriptors rather than
/// from the page endpoints: listing every endpoint builds every minimal-API handler once more.
/// </summary>
public sealed class AssetLinks(IWebHostEnvironment environment)
{
    private Dictionary<string, string> _routes = new(StringComparer.Ordinal);
    private Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public string this[string path] => _routes.GetValueOrDefault(path, path);

    /// <summary>The bytes an asset's address ("css/site.{hash}.css" or "css/site.css") answers with, null for any other address.</summary>
    public byte[]? Read(string route)
    {
        if (!_files.TryGetValue(route, out var assetFile) || environment.WebRootFileProvider.GetFileInfo(assetFile) is not { Exists: true } file)
        {
            return null;
        }
        using var stream = file.CreateReadStream();
        var bytes = new byte[file.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    internal void Use(IEnumerable<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor> assets)
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        // Descriptors with selectors are the compressed variants a client may ask for; the export writes the file itself.
        foreach (var asset in assets.Where(a => a.Selectors.Count == 0))
        {
            files[asset.Route] = asset.AssetPath;
            if (asset.Properties.FirstOrDefault(p => p.Name == "label")?.Value is { } label
                && (!routes.ContainsKey(label) || asset.Route != asset.AssetPath))
            {
                routes[label] = asset.Route;
            }
        }
        _routes = routes;
        _files = files;
    }
}
