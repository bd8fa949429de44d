using System.Globalization;
using GovSite.Data;
using GovSite.ErrorReports;
using GovSite.Publishing;
using GovSite.Sites;
using GovSite.Supervision;
using Microsoft.EntityFrameworkCore;

namespace GovSite.AnnualReports;

/// <summary>
/// Every figure of a region's 政府网站监管年度报表 for a calendar year, read through the features that
/// own them rather than counted again here:
/// <list type="bullet">
/// <item>抽查: the office's own rounds (<see cref="SupervisorDesk.RoundsAsync"/>, the desk's figures). Per
/// quarter: the running sites of its round (the largest, when there were several), sampled, passed and
/// failed summed. For the year: the running sites of the last round, and the sums; the year's sampling
/// ratio is sampled over the quarters' running sites (the average share sampled per quarter).</item>
/// <item>问责: <see cref="AccountabilityCounting.Count"/> over the region's records (and below): per quarter
/// one count per person under the heaviest form; the year is the quarters' sum.</item>
/// <item>安全检查: the monitoring platform's check runs of the region's monitored sites in the year, the
/// sites checked, tamper alerts found and resolved.</item>
/// <item>开设/整合/关停: sites of the region that went online from 已批准; sites integrated or migrated into
/// another (completed in the year); sites closed in the year other than those.</item>
/// <item>找错: <see cref="ErrorReportFigures"/> over the region's sites; <see cref="Counterfeits.FiguresAsync"/>.</item>
/// </list>
/// </summary>
public sealed class SupervisionReportCounts(GovSiteDb db, SupervisorDesk desk, Counterfeits counterfeits, ErrorReportFigures errors)
{
    public static readonly IReadOnlyList<(string Key, string Column)> Forms =
    [
        ("talk", "约谈"), ("written", "书面检查"), ("criticism", "通报批评"), ("warning", "警告或记过处分"),
        ("transfer", "调离岗位或免职"), ("dismissal", "辞退"), ("other", "其他"),
    ];

    public async Task<Dictionary<string, string>> ComputeAsync(Region region, int year, CancellationToken ct)
    {
        var scope = await RegionScope.WithDescendantsAsync(db, region.Id, ct);
        var start = ChinaTime.ToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var end = ChinaTime.ToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var values = new Dictionary<string, string>
        {
            ["header.region"] = region.Name,
            ["header.regionCode"] = region.Code,
        };

        var rounds = (await desk.RoundsAsync([region.Id], ct)).Where(r => r.Year == year).ToList();
        var quarters = Enumerable.Range(1, 4).Select(q => rounds.Where(r => r.Quarter == q).ToList()).ToList();
        for (var q = 1; q <= 4; q++)
        {
            var these = quarters[q - 1];
            Spot(values, $"q{q}", these.Count == 0 ? 0 : these.Max(r => r.SitesRunning), these.Sum(r => r.Sampled), these.Sum(r => r.Passed),
                these.Sum(r => r.Failed), these.Count == 0 ? 0 : these.Max(r => r.SitesRunning));
        }
        Spot(values, "year", rounds.Count == 0 ? 0 : rounds[^1].SitesRunning, rounds.Sum(r => r.Sampled), rounds.Sum(r => r.Passed),
            rounds.Sum(r => r.Failed), quarters.Sum(these => these.Count == 0 ? 0 : these.Max(r => r.SitesRunning)));

        var records = await db.AccountabilityRecords.AsNoTracking()
            .Where(r => scope.Contains(r.RegionId) && r.Date >= new DateOnly(year, 1, 1) && r.Date <= new DateOnly(year, 12, 31)).ToListAsync(ct);
        var counted = AccountabilityCounting.Count(records);
        foreach (var (key, column) in Forms)
        {
            for (var q = 1; q <= 4; q++)
            {
                values[$"account.q{q}.{key}"] = Number(counted.Where(c => c.Quarter == q).Sum(c => c.Report.GetValueOrDefault(column)));
            }
            values[$"account.year.{key}"] = Number(counted.Sum(c => c.Report.GetValueOrDefault(column)));
        }

        var monitored = db.MonitoredSites.IgnoreQueryFilters().AsNoTracking().Where(m => scope.Contains(m.RegionId)).Select(m => m.Id);
        var runs = db.CheckRuns.IgnoreQueryFilters().AsNoTracking().Where(r => monitored.Contains(r.MonitoredSiteId) && r.StartedAt >= start && r.StartedAt < end);
        values["security.checks"] = Number(await runs.CountAsync(ct));
        values["security.sites"] = Number(await runs.Select(r => r.MonitoredSiteId).Distinct().CountAsync(ct));
        var alerts = db.TamperAlerts.IgnoreQueryFilters().AsNoTracking().Where(a => monitored.Contains(a.MonitoredSiteId) && a.DetectedAt >= start && a.DetectedAt < end);
        values["security.problems"] = Number(await alerts.CountAsync(ct));
        values["security.fixed"] = Number(await alerts.CountAsync(a => a.ResolvedAt != null, ct));

        var sites = await db.Sites.IgnoreQueryFilters().AsNoTracking().Where(s => scope.Contains(s.RegionId)).Select(s => s.Id).ToListAsync(ct);
        var events = db.SiteLifecycleEvents.AsNoTracking().Where(e => sites.Contains(e.SiteId) && e.At >= start && e.At < end);
        var moved = await db.SiteMigrations.AsNoTracking()
            .Where(m => sites.Contains(m.SourceSiteId) && m.Status == MigrationStatus.Done && m.CompletedAt >= start && m.CompletedAt < end)
            .Select(m => m.SourceSiteId).Distinct().ToListAsync(ct);
        values["sites.opened"] = Number(await events.Where(e => e.From == SiteStatus.Approved && e.To == SiteStatus.Online).Select(e => e.SiteId).Distinct().CountAsync(ct));
        values["sites.integrated"] = Number(moved.Count);
        values["sites.closed"] = Number(await events.Where(e => e.To == SiteStatus.Closed && !moved.Contains(e.SiteId)).Select(e => e.SiteId).Distinct().CountAsync(ct));

        var (found, _) = await errors.ForSitesAsync(sites, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
        values["errors.received"] = Number(found.Received);
        values["errors.forwardedOnTime"] = ReportNumbers.Percent(found.ForwardedOnTimeShare);
        values["errors.closedOnTime"] = ReportNumbers.Percent(found.ClosedOnTimeShare);

        var fakes = await counterfeits.FiguresAsync(scope, year, ct);
        values["counterfeit.found"] = Number(fakes.Reported);
        values["counterfeit.reported"] = Number(fakes.ReportedToAuthorities);
        values["counterfeit.shutDown"] = Number(fakes.ShutDown);
        values["counterfeit.closed"] = Number(fakes.Closed);
        return values;
    }

    private static void Spot(Dictionary<string, string> values, string period, int total, int sampled, int passed, int failed, int sampledOf)
    {
        values[$"spot.{period}.total"] = Number(total);
        values[$"spot.{period}.ratio"] = ReportNumbers.Percent(sampledOf == 0 ? 0 : (double)sampled / sampledOf);
        values[$"spot.{period}.sampled"] = Number(sampled);
        values[$"spot.{period}.passed"] = Number(passed);
        values[$"spot.{period}.passRate"] = ReportNumbers.Percent(passed + failed == 0 ? 0 : (double)passed / (passed + failed));
        values[$"spot.{period}.failed"] = Number(failed);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

public static class ReportNumbers
{
    /// <summary>0.66666 → "66.67": a percentage with at most two decimals, as the reports' % lines are written.</summary>
    public static string Percent(double share) => Math.Round(share * 100, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
