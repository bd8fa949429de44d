using System.Globalization;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Monitoring.Platform.Admin;

/// <summary>One monitored site: the newest report's vetoes and findings with evidence, history, availability, tamper alerts.</summary>
public sealed class SiteModel(SiteAccess access, GovSiteDb db, TimeProvider clock) : AdminPageModel(access)
{
    public MonitoredSite Site { get; private set; } = null!;
    public CheckRun? Latest { get; private set; }
    public SiteReport? Report { get; private set; }
    public List<CheckRun> History { get; private set; } = [];
    public AvailabilityWeek Week { get; private set; } = null!;
    public List<AvailabilityProbe> FailedProbes { get; private set; } = [];
    public List<TamperAlert> Alerts { get; private set; } = [];

    public TrendChart Chart => new("trend-site", "历次检测得分与单项否决数",
        [.. History.Select(r => r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
        [
            new TrendSeries("单项否决数", "bar", [.. History.Select(r => (double?)r.VetoCount)], "#b3261e"),
            new TrendSeries("得分", "line", [.. History.Select(r => r.Score)], "#0b57d0"),
        ]);

    private async Task<MonitoredSite?> FindAsync(int id, CancellationToken ct)
    {
        var site = await db.MonitoredSites.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return site is not null && MonitoringAccess.CanView(Access, site) ? site : null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } site)
        {
            return NotFound();
        }
        Site = site;
        History = await db.CheckRuns.AsNoTracking().Where(r => r.MonitoredSiteId == id)
            .OrderByDescending(r => r.Id).Take(30).ToListAsync(ct);
        History.Reverse();
        Latest = History.LastOrDefault();
        if (Latest is { Verdict: not "error" })
        {
            Report = JsonSerializer.Deserialize<SiteReport>(Latest.Report, CheckReport.Json);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now - Availability.Week;
        var probes = await db.ProbeResults.AsNoTracking().Where(p => p.MonitoredSiteId == id && p.At > from).ToListAsync(ct);
        Week = Availability.EvaluateWeek(probes.Select(p => AvailabilityProbe.ToResult(p.At, p.Ok, p.Milliseconds)),
            new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)));
        FailedProbes = [.. probes.Where(p => !p.Ok).OrderByDescending(p => p.At).Take(20)];
        Alerts = await db.TamperAlerts.AsNoTracking().Where(a => a.MonitoredSiteId == id)
            .OrderBy(a => a.ResolvedAt != null).ThenByDescending(a => a.DetectedAt).Take(50).ToListAsync(ct);
        return Page();
    }

    /// <summary>立即检测: queues a check ahead of the daily schedule.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, [FromServices] JobQueue queue, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } site)
        {
            return NotFound();
        }
        await queue.EnqueueAsync(MonitoringJobTypes.Check, site.Id.ToString(CultureInfo.InvariantCulture), ct: ct);
        Notice = "已加入检测队列，检测完成后刷新本页即可看到结果。";
        return LocalRedirect($"/admin/monitoring/sites/{id}");
    }

    /// <summary>Supervisors of the site's region (and platform admins) choose whether checks leave the platform.</summary>
    public bool CanManage => Access.Unrestricted || Access.RegionIds.Contains(Site.RegionId);

    public async Task<IActionResult> OnPostExternalAsync(int id, bool on, CancellationToken ct)
    {
        var site = await db.MonitoredSites.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (site is null || !MonitoringAccess.CanView(Access, site))
        {
            return NotFound();
        }
        Site = site;
        if (!CanManage)
        {
            return Forbid();
        }
        site.CheckExternalLinks = on;
        await db.SaveChangesAsync(ct);
        Notice = on ? "已开启外部链接检查：下次检测起，本站链向其他网站的地址各检查一次。" : "已关闭外部链接检查：检测不再访问其他网站。";
        return LocalRedirect($"/admin/monitoring/sites/{id}");
    }

    public async Task<IActionResult> OnPostResolveAsync(int id, int alertId, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return NotFound();
        }
        var alert = await db.TamperAlerts.FirstOrDefaultAsync(a => a.Id == alertId && a.MonitoredSiteId == id, ct);
        if (alert is null)
        {
            return NotFound();
        }
        alert.ResolvedAt ??= clock.GetUtcNow().UtcDateTime;
        alert.ResolvedBy ??= Access.UserName;
        await db.SaveChangesAsync(ct);
        Notice = "告警已标记为已处理。";
        return LocalRedirect($"/admin/monitoring/sites/{id}#tamper");
    }

    public static string Link(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? url : "";
}
