using GovSite.Data;
using GovSite.Publishing;
using GovSite.PublicSite;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

/// <summary>/search on a site searches that site; on the platform host it searches every site.</summary>
[Security.PublicFormLimit(Security.RateLimitOptions.Search, Reads = true)]
public sealed class SearchPageModel(CurrentSite current, SiteContent content, SearchService search, SiteDirectory directory, GovSiteDb db)
    : PublicPageModel(current, content)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "site")] public string? SiteFilter { get; set; }
    [BindProperty(SupportsGet = true)] public ColumnType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Issuer { get; set; }
    [BindProperty(SupportsGet = true)] public PolicyValidity? Validity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public bool IsPlatform { get; private set; }
    public SearchResponse? Results { get; private set; }
    public List<string> HotTerms { get; private set; } = [];
    public List<SelectListItem> SiteOptions { get; private set; } = [];
    public List<string> Subjects { get; private set; } = [];
    public List<string> Issuers { get; private set; } = [];
    public List<int> Years { get; private set; } = [];

    /// <summary>The site code the suggestions API is asked about, empty on the platform page.</summary>
    public string ScopeCode => IsPlatform ? SiteFilter ?? "" : Site.Code;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        int? siteId;
        if (await LoadSiteAsync(ct))
        {
            siteId = Site.Id;
            PageTitle = $"搜索 - {Site.Name}";
        }
        else
        {
            IsPlatform = true;
            siteId = SiteFilter is { Length: > 0 } code ? directory.FindByCode(code)?.Id : null;
            SiteOptions = [.. directory.All.Select(s => new SelectListItem(s.Name, s.Code, s.Code == SiteFilter))];
            PageTitle = "全平台搜索 - GovSite 政府网站集约化平台";
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await search.SearchAsync(new SearchRequest(Q, siteId, Type, Subject, Year, Issuer, Validity, Sort == "date", PageNumber,
                HttpContext.Connection.RemoteIpAddress), ct: ct);
            PageTitle = $"“{Results.Query}”的搜索结果 - " + PageTitle;
        }
        HotTerms = await search.HotTermsAsync(siteId, ct);
        var scope = db.SearchDocuments.AsNoTracking().Where(d => siteId == null || d.SiteId == siteId);
        Subjects = await scope.Where(d => d.SubjectCategory != null).Select(d => d.SubjectCategory!).Distinct().OrderBy(s => s).Take(50).ToListAsync(ct);
        Issuers = await scope.Where(d => d.Issuer != null).Select(d => d.Issuer!).Distinct().OrderBy(s => s).Take(50).ToListAsync(ct);
        Years = await scope.Select(d => d.Year).Distinct().OrderByDescending(y => y).Take(20).ToListAsync(ct);
        return Page();
    }

    /// <summary>This search with one parameter changed, for paging, sorting and the suggestions.</summary>
    public string SearchLink(string? q = null, int? page = null, string? sort = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = q ?? Q,
            ["site"] = IsPlatform ? SiteFilter : null,
            ["type"] = Type?.ToString(),
            ["subject"] = Subject,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["issuer"] = Issuer,
            ["validity"] = Validity?.ToString(),
            ["sort"] = sort ?? Sort,
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        var path = IsPlatform ? "/search" : Link("/search");
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path,
            query.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value));
    }
}
