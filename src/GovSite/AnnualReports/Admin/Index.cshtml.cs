using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.AnnualReports.Admin;

/// <summary>年度报表: every site this person works on or supervises, with its report's state for a year; late ones flagged from 25 January.</summary>
public sealed class AnnualReportsIndexModel(SiteAccess access, SiteDirectory sites, AnnualReportService reports, Supervision.SupervisorDesk desk)
    : AdminPageModel(access)
{
    /// <summary>The regions whose 监管年度报表 this person fills in or reviews (supervisors: theirs; platform administrators: all).</summary>
    public List<Region> Regions { get; private set; } = [];

    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public List<(SiteInfo Site, AnnualReport? Report, bool Late)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Today = reports.Today;
        Year = year is int y && y >= 2000 && y <= Today.Year ? y : Today.Year - 1;
        var existing = (await reports.ForYearAsync(Year, ct)).ToDictionary(r => r.SiteId);
        Regions = Access.Unrestricted || Access.RegionIds.Length > 0 ? [.. (await desk.RegionsAsync(ct)).Take(50)] : [];
        Rows = [.. sites.All.Where(s => Access.CanSee(s.Id)).OrderBy(s => s.Code).Take(2000).Select(s =>
        {
            var report = existing.GetValueOrDefault(s.Id);
            return (s, report, ReportWorkflow.IsLate(report?.Status ?? ReportStatus.Draft, Year, Today));
        })];
        return Page();
    }
}
