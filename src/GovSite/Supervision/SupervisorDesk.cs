using GovSite.Accounts;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision;

public sealed record RoundRow(int Id, string Period, string Status, int SitesRunning, int Sampled, int Checked, int Confirmed, int Passed, int Failed,
    double SampledRatio, double PassRate, bool NoticePublished, int Year, int Quarter);

public sealed record OrderRow(int Id, string SiteName, string DueDate, string State, bool Late, int LateWorkingDays);

/// <summary>The region at a glance: everything on the supervisor's 工作台 and in its exports.</summary>
public sealed record DeskFigures(
    string RegionCode, string RegionName, string Period,
    Dictionary<SiteStatus, int> SitesByStatus, Dictionary<string, int> SitesByVerdict,
    List<RoundRow> Rounds, RoundRow? ThisQuarter,
    int OpenRectifications, List<OrderRow> LateRectifications,
    int LateMessages, int? LateErrorReports,
    Dictionary<CounterfeitStatus, int> Counterfeits, int NewMediaAccounts, int StaleNewMediaAccounts,
    List<AccountabilityCounts> Accountability);

/// <summary>Reads the figures of the supervisor's desk from the supervision tables, the registry, monitoring and messages.</summary>
public sealed class SupervisorDesk(GovSiteDb db, SiteAccess access, NewMedia newMedia,
    Calendar.CalendarService calendar, TimeProvider clock)
{
    /// <summary>The regions a person may open a desk for: platform admins all, supervisors theirs.</summary>
    public async Task<List<Region>> RegionsAsync(CancellationToken ct = default)
    {
        var all = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        return access.Unrestricted ? all : [.. all.Where(r => access.RegionIds.Contains(r.Id))];
    }

    public async Task<DeskFigures?> FiguresAsync(string regionCode, CancellationToken ct = default)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, ct);
        if (region is null || !(access.Unrestricted || access.RegionIds.Contains(region.Id)))
        {
            return null;
        }
        var scope = await RegionScope.WithDescendantsAsync(db, region.Id, ct);
        var today = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var (year, quarter) = Quarters.Of(today);

        var statuses = await db.Sites.AsNoTracking().Where(s => scope.Contains(s.RegionId)).GroupBy(s => s.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byStatus = Enum.GetValues<SiteStatus>().ToDictionary(s => s, s => statuses.FirstOrDefault(x => x.Key == s)?.Count ?? 0);
        var verdicts = await db.MonitoredSites.IgnoreQueryFilters().AsNoTracking().Where(m => scope.Contains(m.RegionId) && m.IsActive)
            .GroupBy(m => m.LastVerdict).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byVerdict = new[] { "pass", "fail", "error", "none" }.ToDictionary(v => v, v => verdicts.Where(x => (x.Key ?? "none") == v).Sum(x => x.Count));

        var rounds = await RoundsAsync(scope, ct);
        var thisQuarter = rounds.FirstOrDefault(r => r.Period == Quarters.Label(year, quarter));

        var open = await db.RectificationOrders.AsNoTracking().Where(o => scope.Contains(o.RegionId) && o.State != RectificationState.Closed)
            .OrderBy(o => o.DueDate).ToListAsync(ct);
        var late = open.Where(o => o.DueDate < today).Select(o => new OrderRow(o.Id, o.SiteName, SpotChecks.Format(o.DueDate),
            Rectifications.StateLabel(o, today), true, calendar.Current.WorkingDaysAfter(o.DueDate, today))).ToList();

        var sites = await db.Sites.AsNoTracking().Where(s => scope.Contains(s.RegionId)).Select(s => s.Id).ToListAsync(ct);
        var lateMessages = await db.Messages.IgnoreQueryFilters().AsNoTracking().CountAsync(m => sites.Contains(m.HandlingSiteId)
            && (m.Status == MessageStatus.Received || m.Status == MessageStatus.Handling || m.Status == MessageStatus.Transferred || m.Status == MessageStatus.Replied)
            && m.DueDate < today, ct);

        // 逾期找错: past its due date and not closed, on any site of the region (wherever it is being handled now).
        var lateErrorReports = await db.ErrorReports.IgnoreQueryFilters().AsNoTracking()
            .CountAsync(r => (sites.Contains(r.SiteId) || sites.Contains(r.HandlingSiteId)) && r.ClosedOn == null && r.DueDate < today, ct);

        var cases = await db.CounterfeitCases.AsNoTracking().Where(c => scope.Contains(c.RegionId)).GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var accounts = await db.NewMediaAccounts.AsNoTracking().Where(a => scope.Contains(a.RegionId)).ToListAsync(ct);
        var records = await db.AccountabilityRecords.AsNoTracking()
            .Where(r => scope.Contains(r.RegionId) && r.Date >= new DateOnly(year, 1, 1) && r.Date <= new DateOnly(year, 12, 31)).ToListAsync(ct);

        return new DeskFigures(region.Code, region.Name, Quarters.Label(year, quarter), byStatus, byVerdict, rounds, thisQuarter,
            open.Count, late, lateMessages,
            lateErrorReports,
            Enum.GetValues<CounterfeitStatus>().ToDictionary(s => s, s => cases.FirstOrDefault(c => c.Key == s)?.Count ?? 0),
            accounts.Count(a => a.Status != NewMediaStatus.Closed), accounts.Count(a => newMedia.IsStale(a, today)),
            AccountabilityCounting.Count(records));
    }

    /// <summary>
    /// The spot-check rounds opened by the offices of these regions, oldest first, with their sampling
    /// figures (a sampled site passes or fails by its sheet's verdict); the desk and the 监管年度报表 count them so.
    /// </summary>
    public async Task<List<RoundRow>> RoundsAsync(int[] scope, CancellationToken ct)
    {
        var rounds = await db.SpotCheckRounds.AsNoTracking().Where(r => scope.Contains(r.RegionId))
            .OrderBy(r => r.Year).ThenBy(r => r.Quarter).ThenBy(r => r.Id).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var sheets = (await db.Assessments.AsNoTracking().Where(a => a.RoundId != null && ids.Contains(a.RoundId.Value))
            .Select(a => new { a.RoundId, a.Status, a.Verdict }).ToListAsync(ct)).ToLookup(a => a.RoundId!.Value);
        var published = (await db.SupervisionNotices.AsNoTracking().Where(n => ids.Contains(n.RoundId) && n.PublishedAt != null)
            .Select(n => n.RoundId).ToListAsync(ct)).ToHashSet();
        return [.. rounds.Select(r =>
        {
            var s = sheets[r.Id].ToList();
            var passed = s.Count(a => a.Verdict == "pass");
            var failed = s.Count(a => a.Verdict == "fail");
            return new RoundRow(r.Id, Quarters.Label(r.Year, r.Quarter), r.Status == RoundStatus.Closed ? "已结束" : "检查中", r.SitesRunning, s.Count,
                s.Count(a => a.Status != AssessmentStatus.Waiting), s.Count(a => a.Status == AssessmentStatus.Confirmed), passed, failed,
                r.SitesRunning == 0 ? 0 : Math.Round((double)s.Count / r.SitesRunning, 4), passed + failed == 0 ? 0 : Math.Round((double)passed / (passed + failed), 4),
                published.Contains(r.Id), r.Year, r.Quarter);
        })];
    }
}
