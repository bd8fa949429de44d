using System.Text.Json;
using GovSite.AnnualReports;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using GovSite.Visits;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>
/// The demo region's visitor figures for the past year (weekday peaks, quiet weekends, a slow
/// seasonal swing and some noise; fixed seed) and its annual reports: last year's published,
/// this year's a draft with the sign-off still to fill in; and each demo region's 监管年度报表 likewise.
/// </summary>
public static class DemoFigures
{
    private static readonly string[] Referrers = ["直接访问", "站内", "www.baidu.com", "www.so.com", "www.gov.cn", "weixin.qq.com"];
    private static readonly double[] ReferrerShares = [0.34, 0.30, 0.2, 0.06, 0.05, 0.05];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, int> sites, CancellationToken ct)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var random = new Random(20);
        var tally = new VisitTally();
        var columns = await db.Columns.IgnoreQueryFilters().AsNoTracking().Where(c => sites.Values.Contains(c.SiteId) && c.ParentId == null)
            .OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.SiteId }).ToListAsync(ct);
        foreach (var (code, siteId) in sites)
        {
            var scale = code == DemoRegion.ProvincialPortalCode ? 2400.0 : 300.0;
            var own = columns.Where(c => c.SiteId == siteId).Take(4).ToList();
            for (var day = today.AddDays(-365); day < today; day = day.AddDays(1))
            {
                var week = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.4 : day.DayOfWeek == DayOfWeek.Monday ? 1.15 : 1.0;
                var season = 1 + 0.15 * Math.Sin(day.DayOfYear / 365.0 * 2 * Math.PI);
                var views = (long)(scale * week * season * (0.85 + random.NextDouble() * 0.3));
                var visitors = (long)(views * (0.35 + random.NextDouble() * 0.1));
                // The homepage takes two fifths; the top columns share the rest.
                tally.AddSums(siteId, day, "/", null, views * 2 / 5, visitors * 2 / 5);
                for (var i = 0; i < own.Count; i++)
                {
                    tally.AddSums(siteId, day, $"/columns/{own[i].Id}", own[i].Id, views * 3 / 5 / own.Count, visitors * 3 / 5 / own.Count);
                }
                var total = tally.Sites[(siteId, day)].Views;
                for (var i = 0; i < Referrers.Length; i++)
                {
                    tally.AddFacet(siteId, day, VisitFacet.Referrer, Referrers[i], (long)(total * ReferrerShares[i]));
                }
                tally.AddFacet(siteId, day, VisitFacet.Device, "手机", total * 55 / 100);
                tally.AddFacet(siteId, day, VisitFacet.Device, "电脑", total * 42 / 100);
                tally.AddFacet(siteId, day, VisitFacet.Device, "平板", total * 3 / 100);
            }
        }
        await VisitStore.AddAsync(db, tally, ct);

        var reports = services.GetRequiredService<AnnualReportService>();
        var directory = services.GetRequiredService<SiteDirectory>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var siteId in sites.Values)
        {
            if (directory.FindById(siteId) is not { } site)
            {
                continue;
            }
            var lastYear = today.Year - 1;
            var signOff = new Dictionary<string, string>
            {
                ["signoff.head"] = "王建国", ["signoff.reviewer"] = "李明", ["signoff.filler"] = "张晓燕",
                ["signoff.phone"] = site.ContactPhone ?? "0999-88001001", ["signoff.date"] = $"{today.Year}-01-20",
                ["security.drills"] = "是", ["security.officer"] = "是", ["media.weiboName"] = $"{site.Name}微博", ["media.weiboPosts"] = "860",
            };
            var computed = await reports.ComputeAsync(site, lastYear, ct);
            var published = ChinaTime.ToUtc(new DateTime(today.Year, 1, 28, 10, 0, 0, DateTimeKind.Unspecified));
            db.AnnualReports.Add(new AnnualReport
            {
                SiteId = siteId, Year = lastYear, Status = ReportStatus.Published, EnteredJson = JsonSerializer.Serialize(signOff),
                ComputedJson = JsonSerializer.Serialize(computed), CreatedAt = published.AddDays(-20), SubmittedAt = published.AddDays(-3),
                ReviewedAt = published, PublishedAt = published, PublicUrl = AnnualReportsApi.PublicUrl(site, lastYear),
            });
            db.AnnualReports.Add(new AnnualReport
            {
                SiteId = siteId, Year = today.Year, Status = ReportStatus.Draft, CreatedAt = now,
                EnteredJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["security.officer"] = "是" }),
            });
        }
        await db.SaveChangesAsync(ct);
        await SeedSupervisionReportsAsync(services, sites, today, ct);
    }

    /// <summary>Each demo region with a portal: last year's 监管年度报表 published on it, this year's a draft.</summary>
    private static async Task SeedSupervisionReportsAsync(IServiceProvider services, IReadOnlyDictionary<string, int> sites, DateOnly today,
        CancellationToken ct)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        var counts = services.GetRequiredService<SupervisionReportCounts>();
        var directory = services.GetRequiredService<SiteDirectory>();
        var ids = sites.Values.ToList();
        var portals = await db.Sites.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id) && s.Type == SiteType.Portal)
            .Select(s => new { s.Id, s.RegionId }).ToListAsync(ct);
        var lastYear = today.Year - 1;
        var published = ChinaTime.ToUtc(new DateTime(today.Year, 1, 29, 10, 0, 0, DateTimeKind.Unspecified));
        foreach (var portal in portals.GroupBy(p => p.RegionId).Select(g => g.OrderBy(p => p.Id).First()))
        {
            if (directory.FindById(portal.Id) is not { } site || await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == portal.RegionId, ct) is not { } region)
            {
                continue;
            }
            var entered = new Dictionary<string, string>
            {
                ["header.office"] = $"{region.Name}人民政府办公室", ["training.sessions"] = "4", ["training.people"] = "236",
                ["signoff.head"] = "陈志远", ["signoff.reviewer"] = "林海", ["signoff.filler"] = "黄丽", ["signoff.phone"] = site.ContactPhone ?? "0999-88001002",
                ["signoff.date"] = $"{today.Year}-01-22",
            };
            db.SupervisionReports.Add(new SupervisionReport
            {
                RegionId = region.Id, Year = lastYear, Status = ReportStatus.Published, EnteredJson = JsonSerializer.Serialize(entered),
                ComputedJson = JsonSerializer.Serialize(await counts.ComputeAsync(region, lastYear, ct)), CreatedAt = published.AddDays(-25),
                SubmittedAt = published.AddDays(-4), ReviewedAt = published, PublishedAt = published, PublicUrl = SupervisionReportService.PublicUrl(site, lastYear),
            });
            db.SupervisionReports.Add(new SupervisionReport
            {
                RegionId = region.Id, Year = today.Year, Status = ReportStatus.Draft, CreatedAt = ChinaTime.ToUtc(new DateTime(today.Year, 1, 2, 9, 0, 0, DateTimeKind.Unspecified)),
                EnteredJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["header.office"] = $"{region.Name}人民政府办公室" }),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
