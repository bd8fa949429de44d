using GovSite.Data;
using GovSite.PublicSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Supervision.Pages;

/// <summary>One 通报 as published on this portal, with its PDF.</summary>
public sealed class NoticeModel(CurrentSite current, SiteContent content, GovSiteDb db, PdfPrinter printer) : PublicPageModel(current, content)
{
    public SupervisionNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        var notice = await db.SupervisionNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.PortalSiteId == Site.Id && n.PublishedAt != null, ct);
        if (notice is null)
        {
            return NotFound();
        }
        Notice = notice;
        PageTitle = $"{notice.Title} - {Site.Name}";
        AddMeta("ArticleTitle", notice.Title);
        AddMeta("PubDate", GovSite.Common.ChinaTime.Format(notice.PublishedAt));
        AddMeta("ContentSource", Site.Name);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        if (!await LoadSiteAsync(ct))
        {
            return NotFound();
        }
        var notice = await db.SupervisionNotices.FirstOrDefaultAsync(n => n.Id == id && n.PortalSiteId == Site.Id && n.PublishedAt != null, ct);
        if (notice is null)
        {
            return NotFound();
        }
        // Published before a PDF could be made (the demo, or Chromium missing then): made now, once, and kept.
        if (notice.Pdf is null)
        {
            notice.Pdf = await printer.PrintAsync(Notices.Document(notice, Site.Name), ct);
            await db.SaveChangesAsync(ct);
        }
        return File(notice.Pdf, "application/pdf", $"通报-{id}.pdf");
    }
}
