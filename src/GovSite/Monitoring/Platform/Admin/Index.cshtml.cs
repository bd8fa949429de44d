using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Monitoring.Platform.Admin;

/// <summary>
/// 监测总览: a supervisor's region dashboard (sites by verdict, vetoes, trends, open tamper
/// alerts); for a site's own admin, the list of that admin's sites.
/// </summary>
public sealed class IndexModel(SiteAccess access, GovSiteDb db, TimeProvider clock) : AdminPageModel(access)
{
    public const int TrendDays = 30;

    public sealed record SiteRow(int Id, string Name, string Url, string? Verdict, double? Score, DateTime? CheckedAt, string[] Vetoes, bool Hosted);

    public sealed record TrendPoint(string Date, int Pass, int Fail, double? AverageScore);

    public sealed record AlertRow(int Id, int SiteId, string SiteName, string Path, DateTime DetectedAt);

    public bool IsSupervisor => MonitoringAccess.Supervises(Access);
    public List<Region> Regions { get; private set; } = [];
    public Region? Region { get; private set; }
    public List<SiteRow> Sites { get; private set; } = [];
    public Dictionary<string, int> ByVerdict { get; } = [];
    public Dictionary<string, int> VetoCounts { get; } = [];
    public List<TrendPoint> Trend { get; private set; } = [];
    public List<AlertRow> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? region, CancellationToken ct)
    {
        var allRegions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        IQueryable<MonitoredSite> query = db.MonitoredSites.AsNoTracking();
        if (IsSupervisor)
        {
            Regions = Access.Unrestricted ? allRegions : [.. allRegions.Where(r => Access.RegionIds.Contains(r.Id))];
            var visible = Regions.Select(r => r.Id).ToHashSet();
            Region = region is int id
                ? Regions.FirstOrDefault(r => r.Id == id)
                : Regions.FirstOrDefault(r => r.ParentId is null || !visible.Contains(r.ParentId.Value));
            if (region is not null && Region is null)
            {
                return NotFound();
            }
            if (Region is not null)
            {
                var scope = Descendants(allRegions, Region.Id);
                query = query.Where(m => scope.Contains(m.RegionId));
            }
        }
        else
        {
            // A site's own admins: their hosted sites, nothing else (the query filter also holds this).
            var own = Access.SitesWithRole(Role.SiteAdmin).ToArray();
            query = query.Where(m => m.SiteId != null && own.Contains(m.SiteId.Value));
        }

        var sites = await query.OrderBy(m => m.Name).ToListAsync(ct);
        var ids = sites.Select(s => s.Id).ToArray();
        var latest = await db.CheckRuns.AsNoTracking().Where(r => ids.Contains(r.MonitoredSiteId))
            .GroupBy(r => r.MonitoredSiteId).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        var vetoesBySite = await db.CheckRuns.AsNoTracking().Where(r => latest.Contains(r.Id))
            .ToDictionaryAsync(r => r.MonitoredSiteId, r => r.VetoCodes, ct);
        Sites = [.. sites.Select(s => new SiteRow(s.Id, s.Name, s.Url, s.LastVerdict, s.LastScore, s.LastCheckedAt,
            vetoesBySite.TryGetValue(s.Id, out var codes) && codes.Length > 0 ? codes.Split(',') : [], s.SiteId is not null))];
        foreach (var verdict in new[] { "pass", "fail", "error", "none" })
        {
            ByVerdict[verdict] = Sites.Count(s => (s.Verdict ?? "none") == verdict);
        }
        foreach (var code in MonitoringLabels.AllVetoes)
        {
            VetoCounts[code] = Sites.Count(s => s.Vetoes.Contains(code));
        }

        var today = DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var from = today.AddDays(-(TrendDays - 1));
        var runs = await db.CheckRuns.AsNoTracking().Where(r => ids.Contains(r.MonitoredSiteId) && r.AsOf >= from)
            .Select(r => new { r.Id, r.MonitoredSiteId, r.AsOf, r.Verdict, r.Score }).ToListAsync(ct);
        // One result per site and day: the last run of that day.
        var daily = runs.GroupBy(r => (r.MonitoredSiteId, r.AsOf)).Select(g => g.MaxBy(r => r.Id)!).ToLookup(r => r.AsOf);
        Trend = [.. Enumerable.Range(0, TrendDays).Select(i => from.AddDays(i)).Where(d => daily[d].Any()).Select(d =>
        {
            var day = daily[d].ToList();
            var scores = day.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
            return new TrendPoint(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                day.Count(r => r.Verdict == "pass"), day.Count(r => r.Verdict == "fail"),
                scores.Count == 0 ? null : Math.Round(scores.Average(), 1));
        })];

        var names = sites.ToDictionary(s => s.Id, s => s.Name);
        Alerts = [.. (await db.TamperAlerts.AsNoTracking().Where(a => ids.Contains(a.MonitoredSiteId) && a.ResolvedAt == null)
            .OrderByDescending(a => a.DetectedAt).Take(100).ToListAsync(ct))
            .Select(a => new AlertRow(a.Id, a.MonitoredSiteId, names[a.MonitoredSiteId], a.Path, a.DetectedAt))];
        return Page();
    }

    private static int[] Descendants(List<Region> regions, int rootId)
    {
        var children = regions.ToLookup(r => r.ParentId);
        var all = new List<int>();
        var stack = new Stack<int>([rootId]);
        while (stack.TryPop(out var id))
        {
            all.Add(id);
            foreach (var child in children[id])
            {
                stack.Push(child.Id);
            }
        }
        return [.. all];
    }
}
