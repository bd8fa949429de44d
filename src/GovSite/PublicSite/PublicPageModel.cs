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
    public string? FeedUrl { get; protected set; }

    /// <summary>The site's live theme, or its draft when an admin previews (?preview=theme).</summary>
    public ThemeSettings Theme { get; private set; } = new();
    public bool IsPreview { get; private set; }
    public List<SpecialTopic> Topics { get; private set; } = [];

    /// <summary>Set on pages of a closed topic: they stay reachable, marked as archived.</summary>
    public SpecialTopic? ArchivedTopic { get; protected set; }

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
        PageTitle = site.Name;
        AddMeta("SiteName", site.Name);
        AddMeta("SiteDomain", site.MainHost ?? "");
        AddMeta("SiteIDCode", site.Code);
        return true;
    }

    protected void AddMeta(string name, string? value) => Meta.Add(new(name, value ?? ""));

    protected void AddColumnMeta(Column column)
    {
        AddMeta("ColumnName", column.Name);
        AddMeta("ColumnDescription", column.Description ?? $"{Site.Name}{column.Name}");
        AddMeta("ColumnKeywords", column.Keywords ?? column.Name);
        AddMeta("ColumnType", StandardColumns.Label(column.Type));
    }

    /// <summary>A path inside this site, keeping /sites/{code} when the site is addressed that way.</summary>
    public string Link(string path) => $"{Request.PathBase}{path}";

    public string AbsoluteLink(string path) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";

    public IEnumerable<Column> TopColumns => Columns.Where(c => c.ParentId is null);

    /// <summary>The main navigation: the theme's choice, else every top column except topic roots.</summary>
    public IEnumerable<Column> NavColumns => Theme.NavColumnIds is { } ids
        ? ids.Select(id => Columns.FirstOrDefault(c => c.Id == id)).OfType<Column>()
        : TopColumns.Where(c => !Topics.Any(t => t.ColumnId == c.Id));

    public string DisplayName => Theme.DisplayName ?? Site.Name;

    public SpecialTopic? TopicOf(int columnId) =>
        Trail(columnId).FirstOrDefault() is { } root ? Topics.FirstOrDefault(t => t.ColumnId == root.Id) : null;

    /// <summary>Marks the cached copy of this page with what it shows (see <see cref="PageTags"/>).</summary>
    protected void CacheTags(params IEnumerable<string> tags) => PageTags.Add(HttpContext, tags);

    public IEnumerable<Column> ChildrenOf(int id) => Columns.Where(c => c.ParentId == id);

    /// <summary>The column and its ancestors, root first, for the breadcrumb.</summary>
    public List<Column> Trail(int columnId)
    {
        var byId = Columns.ToDictionary(c => c.Id);
        var trail = new List<Column>();
        for (int? id = columnId; id is int i && byId.TryGetValue(i, out var c) && trail.Count < 20; id = c.ParentId)
        {
            trail.Insert(0, c);
        }
        return trail;
    }

    public string ErrorReportUrl =>
        $"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={Uri.EscapeDataString(Site.Code)}&url={Uri.EscapeDataString(AbsoluteLink(Request.Path))}";
}
