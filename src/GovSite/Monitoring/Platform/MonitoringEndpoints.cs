using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Monitoring.Platform;

public static class MonitoringEndpoints
{
    /// <summary>A run's report exactly as the checker's JSON contract, for download or other tools.</summary>
    public static async Task<IResult> ReportAsync(int id, GovSiteDb db, SiteAccess access, CancellationToken ct)
    {
        var run = await db.CheckRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var site = run is null ? null : await db.MonitoredSites.AsNoTracking().FirstOrDefaultAsync(m => m.Id == run.MonitoredSiteId, ct);
        if (run is null || site is null || !MonitoringAccess.CanView(access, site))
        {
            return Results.NotFound();
        }
        return Results.Text(run.Report, "application/json; charset=utf-8");
    }
}
