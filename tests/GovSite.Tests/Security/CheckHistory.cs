using GovSite.Data;
using GovSite.Monitoring;
using GovSite.Monitoring.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Security;

/// <summary>
/// A few days of check results for every monitored site, so the monitoring pages draw their trend
/// chart: the one inline script GovSite ships (it runs by the request's nonce).
/// </summary>
internal static class CheckHistory
{
    public static Task<int> SeedAsync(GovSiteFactory app) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<GovSiteDb>();
        var site = await db.MonitoredSites.OrderBy(m => m.Id).FirstOrDefaultAsync();
        if (site is null)
        {
            // Hosted sites are registered by a background job; the test does not wait for it.
            site = new MonitoredSite
            {
                Url = "https://www.example.gov.cn/", Name = "检测历史测试网站", RegionId = await db.Regions.Select(r => r.Id).FirstAsync(),
                CreatedAt = DateTime.UtcNow,
            };
            db.MonitoredSites.Add(site);
            await db.SaveChangesAsync();
        }
        if (!await db.CheckRuns.AnyAsync(r => r.MonitoredSiteId == site.Id))
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 2; i >= 0; i--)
            {
                var run = new CheckRun { MonitoredSiteId = site.Id, StartedAt = DateTime.UtcNow.AddDays(-i), AsOf = today.AddDays(-i) };
                CheckSiteJob.Fill(run, new SiteReport { Url = site.Url, Verdict = "pass", Score = 80 + i });
                run.FinishedAt = run.StartedAt;
                db.CheckRuns.Add(run);
                site.LastVerdict = run.Verdict;
                site.LastScore = run.Score;
                site.LastCheckedAt = run.FinishedAt;
            }
            await db.SaveChangesAsync();
        }
        return site.Id;
    });
}
