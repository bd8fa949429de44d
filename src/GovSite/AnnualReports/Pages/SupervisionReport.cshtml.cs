using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.AnnualReports.Pages;

/// <summary>A published 政府网站监管年度报表 on the portal of its region (only there: a department site has none).</summary>
public sealed class SupervisionReportPageModel(CurrentSite current, SiteContent content, SupervisionReportService reports, Data.GovSiteDb db)
    : PublicPageModel(current, content)
{
    public SupervisionReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct) || Site.Type != Sites.SiteType.Portal)
        {
            return NotFound();
        }
        var regionId = await db.Sites.IgnoreQueryFilters().Where(s => s.Id == Site.Id).Select(s => s.RegionId).FirstAsync(ct);
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == regionId, ct);
        if (await reports.GetPublishedAsync(region, year, ct) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        PageTitle = $"{year}年{report.Title} - {Site.Name}";
        return Page();
    }
}
