using GovSite.Accounts;
using GovSite.PublicSite.Themes;
using GovSite.PublicSite.Topics;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovSite.PublicSite;

/// <summary>What every public page shares: its site, the navigation and the national meta tags.</summary>
public abstract class PublicPageModel(CurrentSite current, SiteContent content) : PageModel
{
    public SiteInfo Site { get; private set; } = null!;
    public List<Column> Columns { get; private set; } = [];
    public string PageTitle { get; protected set; } = "";
    public List<KeyValuePair<string, string>> Meta { get; } = [];

    /// <summary>The site's live theme, or its draft when an admin previews (?preview=theme).</summary>
    public ThemeSettings Theme { get; private set; } = new();
    public bool IsPreview { get; private set; }

    /// <summary>哀悼日: the page shows grey (see <see cref="Mourning.MourningService"/>).</summary>
    public bool InMourning { get; private set; }
    public List<SpecialTopic> Topics { get; private set; } = [];

    protected SiteContent Queries => content;

    /// <summary>False when the request names no known site.</summary>
    protected async Task<bool> LoadSiteAsync(CancellationToken ct)
    {
        if (current.Site is not { } site)
        {
            return false;
        }
        Site = site;
        Columns = await content.ColumnsAsync(site.Id, ct);
        IsPreview = Request.Query.ContainsKey("preview")
            && HttpContext.RequestServices.GetRequiredService<SiteAccess>().CanAdministerSite(site.Id);
        Theme = await content.ThemeAsync(site.Id, IsPreview, ct);
        Topics = await content.TopicsAsync(site.Id, ct);
        InMourning = await content.MourningAsync(site.Id, ct);
        PageTitle = site.Name;
        Meta.AddRange(PageShell.SiteMeta(site));
        return true;
    }

    protected void AddMeta(string name, string? value) => Meta.Add(new(name, value ?? ""));

    protected void AddColumnMeta(Column column)
    {
        Meta.AddRange(PageShell.ColumnMeta(Site, column));
        _columnId = column.Id;
    }

    private int? _columnId;

    /// <summary>The page's RSS feed (a path inside the site), announced in the head by the layout.</summary>
    public string? FeedUrl { get; protected set; }
    public string FeedTitle { get; protected set; } = "RSS";

    /// <summary>A path inside this site, keeping /sites/{code} when the site is addressed that way.</summary>
    public string Link(string path) => $"{Request.PathBase}{path}";

    /// <summary>The main navigation: the theme's choice, else every top column except topic roots.</summary>
    public IEnumerable<Column> NavColumns => PageShell.NavColumnsOf(Theme, Columns, Topics);

    /// <summary>Marks the cached copy of this page with what it shows (see <see cref="PageTags"/>).</summary>
    protected void CacheTags(params IEnumerable<string> tags) => PageTags.Add(HttpContext, tags);

    private PageShell? _shell;

    /// <summary>What the layout writes around the page (see <see cref="PublicLayout"/>), as the handler left it.</summary>
    public PageShell Shell => _shell ??= CreateShell();

    private PageShell CreateShell()
    {
        var shell = new PageShell
        {
            Site = Site, Columns = Columns, Theme = Theme, Topics = Topics, IsPreview = IsPreview, Mourning = InMourning,
            PathBase = Request.PathBase.ToString(), Origin = $"{Request.Scheme}://{Request.Host}", Path = Request.Path.ToString(),
            Assets = HttpContext.RequestServices.GetRequiredService<AssetLinks>(),
            PageTitle = PageTitle,
            CountVisits = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Visits.VisitOptions>>().Value.Enabled,
            ColumnId = _columnId,
            FeedUrl = FeedUrl,
            FeedTitle = FeedTitle,
        };
        shell.Meta.AddRange(Meta);
        return shell;
    }
}
