using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Notifications.Admin;

/// <summary>通知: what waits for the signed-in person, newest first; unread ones first in count.</summary>
public sealed class NoticesModel(SiteAccess access, GovSiteDb db, TimeProvider clock) : AdminPageModel(access)
{
    public const int PageSize = 30;

    public List<Notice> Notices { get; private set; } = [];
    public int Unread { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        // The query filter shows each person only their own; a platform admin reads their own here too.
        var mine = db.Notices.AsNoTracking().Where(n => n.UserId == Access.UserId);
        Unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        Pager = new Pager(Pager.Clamp(page), PageSize, await mine.CountAsync(ct), "/admin/notices", Request.Query);
        Notices = await mine.OrderByDescending(n => n.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    /// <summary>Marks one notice read and goes where it points.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long noticeId, CancellationToken ct)
    {
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId && n.UserId == Access.UserId, ct);
        if (notice is null)
        {
            return NotFound();
        }
        notice.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return LocalRedirect(LocalOr(notice.Link, "/admin/notices"));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notices.Where(n => n.UserId == Access.UserId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        Notice = "已全部标为已读";
        return LocalRedirect("/admin/notices");
    }
}
