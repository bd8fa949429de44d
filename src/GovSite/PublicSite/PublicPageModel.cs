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
