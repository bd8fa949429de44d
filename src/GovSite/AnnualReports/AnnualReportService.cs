using System.Text.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.AnnualReports;

public enum FieldSource
{
    /// <summary>Counted by the platform.</summary>
    Computed,

    /// <summary>Entered by the site's staff (the template says so).</summary>
    Entered,

    /// <summary>Meant to be computed by a feature not on this platform yet: 手工填报 until it is.</summary>
    Manual,
}

public sealed record ReportLine(string Key, string Label, FieldType Type, FieldSource Source, string Value);

public sealed record ReportSectionView(string Key, string Title, IReadOnlyList<ReportLine> Lines);

/// <summary>A report as read: the template's lines with their values and where each comes from.</summary>
public sealed record AnnualReportView(SiteInfo Site, int Year, AnnualReport Report, bool IsLate, string Title, IReadOnlyList<ReportSectionView> Sections)
{
    public IEnumerable<ReportLine> Lines => Sections.SelectMany(s => s.Lines);

    public string Value(string key) => Lines.FirstOrDefault(l => l.Key == key)?.Value ?? "";
}

public sealed record ReportStepResult(AnnualReportView? Report, ValidationErrors Errors, bool NotFound = false, bool Forbidden = false);

/// <summary>Reads, fills in and moves annual reports through their workflow (site: fill in and submit; office: return or approve).</summary>
public sealed class AnnualReportService(GovSiteDb db, SiteAccess access, SiteDirectory sites, AnnualReportTemplate template,
    IEnumerable<IAnnualReportFigures> sources, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// A report exists for any year up to the current one: a site may prepare this year's as it goes
    /// (figures so far); the reminder comes on 1 January and the deadline is 31 January of the next year.
    /// </summary>
    public bool IsOpen(int year) => year >= 2000 && year <= Today.Year;

    public bool CanSeeSite(int siteId) => access.CanSee(siteId);

    public bool CanFillIn(int siteId) => access.CanAdministerSite(siteId) || access.CanEditContent(siteId);

    public async Task<bool> CanReviewAsync(int siteId, CancellationToken ct)
    {
        if (access.Unrestricted)
        {
            return true;
        }
        var regionId = await db.Sites.IgnoreQueryFilters().Where(s => s.Id == siteId).Select(s => s.RegionId).FirstAsync(ct);
        return access.CanRegisterIn(regionId);
    }

    /// <summary>The report, made as a draft on first read; null for a year still to come.</summary>
    public async Task<AnnualReportView?> GetAsync(SiteInfo site, int year, CancellationToken ct)
    {
        if (!IsOpen(year))
        {
            return null;
        }
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.SiteId == site.Id && r.Year == year, ct)
            ?? await CreateDraftAsync(site.Id, year, ct);
        return await ViewAsync(site, report, ct);
    }

    /// <summary>The published report only (for the public and anonymous callers).</summary>
    public async Task<AnnualReportView?> GetPublishedAsync(SiteInfo site, int year, CancellationToken ct) =>
        await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.SiteId == site.Id && r.Year == year && r.Status == ReportStatus.Published, ct)
            is { } report ? await ViewAsync(site, report, ct) : null;

    private async Task<AnnualReport> CreateDraftAsync(int siteId, int year, CancellationToken ct)
    {
        var report = new AnnualReport { SiteId = siteId, Year = year, Status = ReportStatus.Draft, CreatedAt = clock.GetUtcNow().UtcDateTime };
        // Another request may have made it first (unique site and year): then theirs is used.
        return await db.AddOnceAsync(report, r => r.SiteId == siteId && r.Year == year, ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> ComputeAsync(SiteInfo site, int year, CancellationToken ct)
    {
        var values = new Dictionary<string, string>();
        foreach (var source in sources)
        {
            foreach (var (key, value) in await source.ComputeAsync(new ReportPeriod(site, year), ct))
            {
                values[key] = value;
            }
        }
        return values;
    }

    private HashSet<string> ComputedKeys => [.. sources.SelectMany(s => s.Keys)];

    public async Task<AnnualReportView> ViewAsync(SiteInfo site, AnnualReport report, CancellationToken ct)
    {
        var computed = report.ComputedJson is { } frozen
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(frozen) ?? []
            : await ComputeAsync(site, report.Year, ct);
        var entered = JsonSerializer.Deserialize<Dictionary<string, string>>(report.EnteredJson) ?? [];
        var sections = ReportLines.Build(template, ComputedKeys, computed, entered);
        return new AnnualReportView(site, report.Year, report, ReportWorkflow.IsLate(report.Status, report.Year, Today), template.Title, sections);
    }

    /// <summary>Saves what the site entered; every field checked, each problem named in Chinese, nothing saved on a problem.</summary>
    public async Task<ReportStepResult> SaveEnteredAsync(SiteInfo site, int year, IReadOnlyDictionary<string, string?> input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!CanFillIn(site.Id))
        {
            return new ReportStepResult(null, errors, Forbidden: true);
        }
        if (await GetAsync(site, year, ct) is not { } view)
        {
            return new ReportStepResult(null, errors, NotFound: true);
        }
        var report = view.Report;
        if (!ReportWorkflow.Enter(report, view.Lines, input, errors))
        {
            return new ReportStepResult(view, errors);
        }
        await db.SaveChangesAsync(ct);
        return new ReportStepResult(await ViewAsync(site, report, ct), errors);
    }

    public async Task<ReportStepResult> StepAsync(SiteInfo site, int year, ReportWorkflow.Action action, string? reason, string publicUrl, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (await GetAsync(site, year, ct) is not { } view)
        {
            return new ReportStepResult(null, errors, NotFound: true);
        }
        var actor = action == ReportWorkflow.Action.Submit ? ReportWorkflow.Actor.Site : ReportWorkflow.Actor.Supervisor;
        var allowed = actor == ReportWorkflow.Actor.Site ? access.CanAdministerSite(site.Id) : await CanReviewAsync(site.Id, ct);
        if (!allowed)
        {
            return new ReportStepResult(view, errors, Forbidden: true);
        }
        var report = view.Report;
        if (!ReportWorkflow.Apply(report, action, actor, [.. view.Lines], l => l.Key.StartsWith("signoff.", StringComparison.Ordinal), reason, publicUrl,
                access.UserId, clock.GetUtcNow().UtcDateTime, errors))
        {
            return new ReportStepResult(view, errors);
        }
        await db.SaveChangesAsync(ct);
        return new ReportStepResult(await ViewAsync(site, report, ct), errors);
    }

    /// <summary>Published reports of a portal's region (its own and every site below it), newest year first, for the portal's 专栏.</summary>
    public async Task<List<(SiteInfo Site, AnnualReport Report)>> PublishedForPortalAsync(SiteInfo portal, CancellationToken ct)
    {
        var regionId = await db.Sites.IgnoreQueryFilters().Where(s => s.Id == portal.Id).Select(s => s.RegionId).FirstAsync(ct);
        var regionCode = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Code).FirstAsync(ct);
        var prefix = RegionPrefix(regionCode);
        var siteIds = portal.Type == SiteType.Portal
            ? await db.Sites.IgnoreQueryFilters().Where(s => s.Region!.Code.StartsWith(prefix)).Select(s => s.Id).ToListAsync(ct)
            : [portal.Id];
        var reports = await db.AnnualReports.AsNoTracking().Where(r => siteIds.Contains(r.SiteId) && r.Status == ReportStatus.Published)
            .OrderByDescending(r => r.Year).ThenBy(r => r.SiteId).ToListAsync(ct);
        return [.. reports.Select(r => (sites.FindById(r.SiteId), r)).Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.r))];
    }

    /// <summary>"350200" → "3502": a region's code without its trailing zero pairs covers every region below it (GB/T 2260).</summary>
    internal static string RegionPrefix(string code)
    {
        var prefix = code;
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal))
        {
            prefix = prefix[..^2];
        }
        return prefix;
    }

    /// <summary>Every report of the sites this person works on or supervises for one year (made as drafts when missing).</summary>
    public async Task<List<AnnualReport>> ForYearAsync(int year, CancellationToken ct)
    {
        var visible = access.Unrestricted ? [.. sites.All.Select(s => s.Id)] : access.SiteIds;
        return await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && visible.Contains(r.SiteId)).ToListAsync(ct);
    }
}
