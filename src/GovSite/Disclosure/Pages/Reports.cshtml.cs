using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Disclosure.Pages;

/// <summary>The site's published annual disclosure reports, each in the official table format.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ReportsPageModel(CurrentSite current, SiteContent content, ReportService reports, Data.GovSiteDb db) : PublicPageModel(current, content)
{
    public ReportContent? Report { get; private set; }
    public List<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"政府信息公开年度报告 - {Site.Name}";
        AddMeta("ColumnName", "政府信息公开年度报告");
        AddMeta("ColumnType", "信息公开");
        CacheTags(ReportTag(Site.Id));
        if (year is int y)
        {
            Report = await reports.ContentAsync(Site.Id, y, draftAllowed: false, ct);
            if (Report is null)
            {
                return NotFound();
            }
            PageTitle = $"{Report.Title} - {Site.Name}";
            return Page();
        }
        Years = await db.DisclosureReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.SiteId == Site.Id && r.Status == ReportStatus.Published).OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync(ct);
        return Page();
    }

    public static string ReportTag(int siteId) => $"site:{siteId}:disclosure-reports";
}
