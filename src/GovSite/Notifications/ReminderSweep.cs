using System.Globalization;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Publishing.Library;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Notifications;

/// <summary>
/// Reminders nobody's action triggers: a reprint order due within a day at a site that has not
/// reprinted. Each has a key, so a reminder exists once per person however often and on however
/// many nodes the sweep runs. (A message due tomorrow is told by the deadline alerts, which already
/// decide that day on the working-day calendar.)
/// </summary>
public sealed class ReminderSweep(GovSiteDb db, SiteAccess access, Notifier notifier, TimeProvider clock,
    AnnualReports.AnnualReportReminders annualReports)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        access.BecomeSystem();
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = now.AddDays(1);
        var due = await (from r in db.PlacementRequests.AsNoTracking()
                         join o in db.ReprintOrders.AsNoTracking() on r.OrderId equals o.Id
                         join i in db.LibraryItems.AsNoTracking() on r.ItemId equals i.Id
                         where r.Status == PlacementRequestStatus.Pending && o.DeadlineUtc > now && o.DeadlineUtc <= soon
                         select new { r.Id, r.SiteId, i.Title, o.DeadlineUtc }).ToListAsync(ct);
        foreach (var r in due)
        {
            await notifier.ToRolesAsync(r.SiteId, [Role.Editor, Role.SiteAdmin], NoticeKind.ReprintDue,
                string.Create(CultureInfo.InvariantCulture, $"order-due:{r.Id}"),
                $"转载要求即将到期：{r.Title}", $"转载「{r.Title}」的期限为 {GovSite.Common.ChinaTime.Format(r.DeadlineUtc)}，本网站尚未转载。",
                $"/admin/sites/{r.SiteId}/library/requests", [], ct);
        }
        return due.Count + await annualReports.RunOnceAsync(ct);
    }
}
