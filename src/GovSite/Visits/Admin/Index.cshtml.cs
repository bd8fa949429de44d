using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Visits.Admin;

/// <summary>
/// 访问统计: one site, or every site the person works on or supervises (a region's figures) —
/// visits over time, top pages and columns, search queries and those that found nothing, referrers, devices.
/// </summary>
public sealed class VisitsIndexModel(SiteAccess access, SiteDirectory sites, VisitFigures figures, VisitCounter counter) : AdminPageModel(access)
{
    public const int Top = 20;

    public List<SiteInfo> Sites { get; private set; } = [];
    public SiteInfo? Site { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public VisitTotals Totals { get; private set; } = new(0, 0);
    public List<DayVisits> Days { get; private set; } = [];
    public List<PageVisits> Pages { get; private set; } = [];
    public List<ColumnVisits> Columns { get; private set; } = [];
    public List<FacetVisits> Referrers { get; private set; } = [];
    public List<FacetVisits> Devices { get; private set; } = [];
    public List<QueryCount> Queries { get; private set; } = [];
    public List<QueryCount> ZeroResults { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? site, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!await LoadAsync(site, from, to, ct))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string? site, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!await LoadAsync(site, from, to, ct))
        {
            return NotFound();
        }
        var name = Site?.Code ?? "all";
        var bytes = VisitsXlsx.Write(
        [
            new("每日访问", ["日期", "浏览量", "独立访客"], Days.Select(d => new object[] { VisitsApi.Day(d.Day), d.Views, d.Visitors })),
            new("热门页面", ["网站", "页面", "浏览量", "独立访客"], Pages.Select(p => new object[] { SiteName(p.SiteId), p.Path, p.Views, p.Visitors })),
            new("热门栏目", ["网站", "栏目", "浏览量", "独立访客"], Columns.Select(c => new object[] { SiteName(c.SiteId), c.ColumnName, c.Views, c.Visitors })),
            new("来源", ["来源", "浏览量"], Referrers.Select(r => new object[] { r.Value, r.Views })),
            new("设备", ["设备", "浏览量"], Devices.Select(r => new object[] { r.Value, r.Views })),
            new("搜索词", ["搜索词", "搜索次数", "结果数"], Queries.Select(q => new object[] { q.Query, q.Searches, q.Results })),
            new("无结果搜索词", ["搜索词", "搜索次数"], ZeroResults.Select(q => new object[] { q.Query, q.Searches })),
        ]);
        return File(bytes, AnnualReports.AnnualReportsApi.XlsxType, $"访问统计-{name}-{VisitsApi.Day(From)}-{VisitsApi.Day(To)}.xlsx");
    }

    public string SiteName(int id) => sites.FindById(id)?.Name ?? "";

    private async Task<bool> LoadAsync(string? site, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        Sites = [.. sites.All.Where(s => Access.CanSee(s.Id)).OrderBy(s => s.Code).Take(5000)];
        if (site is { Length: > 0 })
        {
            Site = Sites.FirstOrDefault(s => s.Code == site);
            if (Site is null)
            {
                return false;
            }
            WorkingSite = Site;
        }
        To = to ?? counter.Today;
        From = from is { } f && f <= To && To.DayNumber - f.DayNumber <= 3660 ? f : To.AddDays(-29);
        int[] ids = Site is { } one ? [one.Id] : [.. Sites.Select(s => s.Id)];
        Totals = await figures.TotalsAsync(ids, From, To, ct);
        Days = await figures.ByDayAsync(ids, From, To, ct);
        Pages = await figures.TopPagesAsync(ids, From, To, Top, ct);
        Columns = await figures.TopColumnsAsync(ids, From, To, Top, ct);
        Referrers = await figures.FacetAsync(ids, From, To, VisitFacet.Referrer, Top, ct);
        Devices = await figures.FacetAsync(ids, From, To, VisitFacet.Device, Top, ct);
        Queries = await figures.QueriesAsync(ids, From, To, zeroResults: false, Top, ct);
        ZeroResults = await figures.QueriesAsync(ids, From, To, zeroResults: true, Top, ct);
        return true;
    }
}
