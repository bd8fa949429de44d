using System.Text.Json;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.AnnualReports;

/// <summary>A 政府网站监管年度报表 as read: the template's lines with their values and sources.</summary>
public sealed record SupervisionReportView(Region Region, SiteInfo? Portal, int Year, SupervisionReport Report, bool IsLate, string Title,
    IReadOnlyList<ReportSectionView> Sections)
{
    public IEnumerable<ReportLine> Lines => Sections.SelectMany(s => s.Lines);

    public string Value(string key) => Lines.FirstOrDefault(l => l.Key == key)?.Value ?? "";
}

public sealed record SupervisionStepResult(SupervisionReportView? Report, ValidationErrors Errors, bool NotFound = false, bool Forbidden = false);

/// <summary>
/// Reads, fills in and moves a region's 监管年度报表 through <see cref="ReportWorkflow"/>: the office
/// (a supervisor of the region) fills in and submits; the office above it (a supervisor of the
/// parent region, or a platform administrator) returns or approves, which publishes the report on
/// the region's portal. A region with no portal cannot publish, so approval is refused with a reason.
/// </summary>
public sealed class SupervisionReportService(GovSiteDb db, SiteAccess access, SiteDirectory sites, SupervisionReportTemplate template,
    SupervisionReportCounts counts, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    public bool IsOpen(int year) => year >= 2000 && year <= Today.Year;

    public async Task<Region?> RegionAsync(string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);

    /// <summary>The office of the region and every office above it read the working copy.</summary>
    public bool CanSee(Region region) => access.CanRegisterIn(region.Id);

    public bool CanReview(Region region) => access.Unrestricted || region.ParentId is int parent && access.CanRegisterIn(parent);

    /// <summary>The region's own portal (政府门户网站), where the report is published.</summary>
    public async Task<SiteInfo?> PortalOfAsync(Region region, CancellationToken ct) =>
        await db.Sites.IgnoreQueryFilters().AsNoTracking().Where(s => s.RegionId == region.Id && s.Type == SiteType.Portal)
            .OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct) is int id ? sites.FindById(id) : null;

    public static string PublicUrl(SiteInfo portal, int year) =>
        portal.MainHost is { } host ? $"https://{host}/supervision-reports/{year}" : $"/sites/{portal.Code}/supervision-reports/{year}";

    public async Task<SupervisionReportView?> GetAsync(Region region, int year, CancellationToken ct)
    {
        if (!IsOpen(year))
        {
            return null;
        }
        var report = await db.SupervisionReports.FirstOrDefaultAsync(r => r.RegionId == region.Id && r.Year == year, ct)
            ?? await CreateDraftAsync(region.Id, year, ct);
        return await ViewAsync(region, report, ct);
    }

    public async Task<SupervisionReportView?> GetPublishedAsync(Region region, int year, CancellationToken ct) =>
        await db.SupervisionReports.AsNoTracking().FirstOrDefaultAsync(r => r.RegionId == region.Id && r.Year == year && r.Status == ReportStatus.Published, ct)
            is { } report ? await ViewAsync(region, report, ct) : null;

    /// <summary>Published reports of the regions whose portal this is, newest year first.</summary>
    public async Task<List<(Region Region, SupervisionReport Report)>> PublishedOnPortalAsync(SiteInfo portal, CancellationToken ct)
    {
        if (portal.Type != SiteType.Portal)
        {
            return [];
        }
        var regionId = await db.Sites.IgnoreQueryFilters().Where(s => s.Id == portal.Id).Select(s => s.RegionId).FirstAsync(ct);
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == regionId, ct);
        var reports = await db.SupervisionReports.AsNoTracking().Where(r => r.RegionId == region.Id && r.Status == ReportStatus.Published)
            .OrderByDescending(r => r.Year).ToListAsync(ct);
        return [.. reports.Select(r => (region, r))];
    }

    private async Task<SupervisionReport> CreateDraftAsync(int regionId, int year, CancellationToken ct)
    {
        var report = new SupervisionReport { RegionId = regionId, Year = year, Status = ReportStatus.Draft, CreatedAt = clock.GetUtcNow().UtcDateTime };
        // Another request may have made it first (unique region and year): then theirs is used.
        return await db.AddOnceAsync(report, r => r.RegionId == regionId && r.Year == year, ct);
    }

    public async Task<SupervisionReportView> ViewAsync(Region region, SupervisionReport report, CancellationToken ct)
    {
        var computed = report.ComputedJson is { } frozen
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(frozen) ?? []
            : await counts.ComputeAsync(region, report.Year, ct);
        var entered = JsonSerializer.Deserialize<Dictionary<string, string>>(report.EnteredJson) ?? [];
        var sections = ReportLines.Build(template.Template, computed.Keys.ToHashSet(), computed, entered);
        return new SupervisionReportView(region, await PortalOfAsync(region, ct), report.Year, report, ReportWorkflow.IsLate(report.Status, report.Year, Today),
            template.Template.Title, sections);
    }

    public async Task<SupervisionStepResult> SaveEnteredAsync(Region region, int year, IReadOnlyDictionary<string, string?> input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!CanSee(region))
        {
            return new SupervisionStepResult(null, errors, Forbidden: true);
        }
        if (await GetAsync(region, year, ct) is not { } view)
        {
            return new SupervisionStepResult(null, errors, NotFound: true);
        }
        var report = view.Report;
        if (!ReportWorkflow.Enter(report, view.Lines, input, errors))
        {
            return new SupervisionStepResult(view, errors);
        }
        await db.SaveChangesAsync(ct);
        return new SupervisionStepResult(await ViewAsync(region, report, ct), errors);
    }

    public async Task<SupervisionStepResult> StepAsync(Region region, int year, ReportWorkflow.Action action, string? reason, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (await GetAsync(region, year, ct) is not { } view)
        {
            return new SupervisionStepResult(null, errors, NotFound: true);
        }
        var actor = action == ReportWorkflow.Action.Submit ? ReportWorkflow.Actor.Site : ReportWorkflow.Actor.Supervisor;
        if (!(actor == ReportWorkflow.Actor.Site ? CanSee(region) : CanReview(region)))
        {
            return new SupervisionStepResult(view, errors, Forbidden: true);
        }
        var report = view.Report;
        // Published on the region's portal: a region without one cannot approve (said before anything changes).
        if (action == ReportWorkflow.Action.Approve && ReportWorkflow.Next(report.Status, action, actor) is not null && view.Portal is null)
        {
            errors.Add("portal", $"{region.Name}没有政府门户网站，报表无处发布；请先在网站登记中登记门户网站");
            return new SupervisionStepResult(view, errors);
        }
        if (!ReportWorkflow.Apply(report, action, actor, [.. view.Lines],
                l => l.Key.StartsWith("signoff.", StringComparison.Ordinal) || l.Key == "header.office", reason,
                view.Portal is { } portal ? PublicUrl(portal, year) : null, access.UserId, clock.GetUtcNow().UtcDateTime, errors))
        {
            return new SupervisionStepResult(view, errors);
        }
        await db.SaveChangesAsync(ct);
        return new SupervisionStepResult(await ViewAsync(region, report, ct), errors);
    }
}
