using GovSite.Data;
using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Pages;

/// <summary>通报 published on this portal: the list, newest first.</summary>
public sealed class NoticesModel(CurrentSite current, SiteContent content, GovSiteDb db) : PublicPageModel(current, content)
{
    public sealed record Row(int Id, string Title, DateTime PublishedAt);

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        PageTitle = $"政府网站监管通报 - {Site.Name}";
        AddMeta("ColumnName", "政府网站监管通报");
        AddMeta("ColumnType", "通知公告");
        Rows = await db.SupervisionNotices.AsNoTracking().Where(n => n.PortalSiteId == Site.Id && n.PublishedAt != null)
            .OrderByDescending(n => n.PublishedAt).Select(n => new Row(n.Id, n.Title, n.PublishedAt!.Value)).Take(200).ToListAsync(ct);
        return Page();
    }
}
