using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.AnnualReports.Pages;

/// <summary>A published 政府网站工作年度报表 on its site; a portal's list of its region's reports is <see cref="ReportListModel"/>.</summary>
public sealed class ReportPageModel(CurrentSite current, SiteContent content, AnnualReportService reports) : PublicPageModel(current, content)
{
    public AnnualReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || await reports.GetPublishedAsync(Site, year, ct) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        PageTitle = $"{year}年{report.Title} - {Site.Name}";
        return Page();
    }
}

public sealed class ReportListModel(CurrentSite current, SiteContent content, AnnualReportService reports, SupervisionReportService supervision)
    : PublicPageModel(current, content)
{
    public List<(Sites.SiteInfo Site, AnnualReport Report)> Reports { get; private set; } = [];

    /// <summary>On a portal, its region's published 监管年度报表 too.</summary>
    public List<(Sites.Region Region, SupervisionReport Report)> SupervisionReports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        Reports = await reports.PublishedForPortalAsync(Site, ct);
        SupervisionReports = await supervision.PublishedOnPortalAsync(Site, ct);
        PageTitle = $"政府网站工作年度报表 - {Site.Name}";
        return Page();
    }
}
