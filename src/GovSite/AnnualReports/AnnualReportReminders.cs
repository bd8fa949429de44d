using GovSite.Accounts;
using GovSite.Data;
using GovSite.Notifications;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.AnnualReports;

/// <summary>
/// In January, each online site's admins are told once that last year's report is due by 31
/// January, and once more from 25 January while it is still unsent (the same day the back office
/// flags it); each supervising office's supervisors likewise for its 监管年度报表. Keys make each notice
/// exist once however often and on however many nodes the sweep runs.
/// </summary>
public sealed class AnnualReportReminders(GovSiteDb db, Notifier notifier, TimeProvider clock)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        if (today.Month != 1)
        {
            return 0;
        }
        var year = today.Year - 1;
        var late = ReportWorkflow.IsLate(ReportStatus.Draft, year, today);
        var sent = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Year == year && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Published))
            .Select(r => r.SiteId).ToListAsync(ct);
        var sites = await db.Sites.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status == SiteStatus.Online && !sent.Contains(s.Id)).Select(s => new { s.Id, s.Code }).ToListAsync(ct);
        foreach (var site in sites)
        {
            await notifier.ToRolesAsync(site.Id, [Role.SiteAdmin], NoticeKind.AnnualReportDue,
                late ? $"annual-report-late:{year}:{site.Id}" : $"annual-report:{year}:{site.Id}",
                late ? $"{year}年政府网站工作年度报表尚未报送" : $"请填报{year}年政府网站工作年度报表",
                late ? "距 1 月 31 日的报送期限已不足一周，请尽快填写并报送主管单位。"
                     : "平台已统计各项数字，请补充需人工填报的内容和签发信息，于 1 月 31 日前报送主管单位。",
                $"/admin/annual-reports/{site.Code}/{year}", [], ct);
        }
        return sites.Count + await RemindOfficesAsync(year, late, ct);
    }

    /// <summary>The same for each supervising office's 监管年度报表: its supervisors are told, once and once more when late.</summary>
    private async Task<int> RemindOfficesAsync(int year, bool late, CancellationToken ct)
    {
        var sent = await db.SupervisionReports.AsNoTracking()
            .Where(r => r.Year == year && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Published))
            .Select(r => r.RegionId).ToListAsync(ct);
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.Role == Role.Supervisor && g.RegionId != null && !sent.Contains(g.RegionId!.Value))
            .Select(g => new { RegionId = g.RegionId!.Value, g.UserId }).ToListAsync(ct);
        var regions = grants.Select(g => g.RegionId).Distinct().ToList();
        var codes = await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        foreach (var office in grants.GroupBy(g => g.RegionId))
        {
            await notifier.ToUsersAsync([.. office.Select(g => g.UserId).Distinct()], null, NoticeKind.AnnualReportDue,
                late ? $"supervision-report-late:{year}:{office.Key}" : $"supervision-report:{year}:{office.Key}",
                late ? $"{year}年政府网站监管年度报表尚未报送" : $"请填报{year}年政府网站监管年度报表",
                late ? "距 1 月 31 日的报送期限已不足一周，请尽快填写培训情况和签发信息并报送。"
                     : "平台已统计抽查、问责、安全检查、网站开设整合、找错和假冒网站等数字，请补充培训情况和签发信息，于 1 月 31 日前报送并公开。",
                $"/admin/supervision-reports/{codes[office.Key]}/{year}", ct);
        }
        return regions.Count;
    }
}
