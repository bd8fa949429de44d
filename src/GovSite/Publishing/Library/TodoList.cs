using GovSite.Calendar;
using GovSite.Common;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Library;

/// <summary>
/// A site's to-do list: policies it published that still have no interpretation (解读) after the
/// site's allowance of working days (default 3), and placement requests waiting for it.
/// </summary>
public sealed class TodoList(GovSiteDb db, CalendarService calendar, TimeProvider clock)
{
    public sealed record Entry(string Kind, int ItemId, int? ArticleId, string Title, string Since, string? Due, bool Overdue, int? RequestId);

    public async Task<List<Entry>> ForSiteAsync(int siteId, CancellationToken ct = default)
    {
        var days = await db.PublishingSettings.Where(s => s.SiteId == siteId).Select(s => (int?)s.InterpretationDays).FirstOrDefaultAsync(ct) ?? 3;
        var today = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var policies = await (from a in db.Articles.AsNoTracking()
                              join i in db.LibraryItems on a.ItemId equals i.Id
                              where a.SiteId == siteId && a.Status == ArticleStatus.Published
                                    && (i.DocNumber != null || i.Issuer != null) && i.Status == ItemStatus.Published
                                    && !db.LibraryItems.Any(x => x.InterpretsItemId == i.Id && x.Status == ItemStatus.Published)
                              orderby a.PublishedAt
                              select new { a.Id, ItemId = i.Id, a.Title, a.PublishedAt }).ToListAsync(ct);
        var entries = new List<Entry>();
        var working = calendar.Current;
        foreach (var p in policies)
        {
            var published = DateOnly.FromDateTime(ChinaTime.ToLocal(p.PublishedAt!.Value));
            var due = working.AddWorkingDays(published, days);
            if (today > due)
            {
                entries.Add(new Entry("policy_without_interpretation", p.ItemId, p.Id, p.Title, published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true, null));
            }
        }
        var requests = await (from r in db.PlacementRequests.AsNoTracking()
                              join i in db.LibraryItems.IgnoreQueryFilters() on r.ItemId equals i.Id
                              join o in db.ReprintOrders.IgnoreQueryFilters() on r.OrderId equals o.Id into orders
                              from o in orders.DefaultIfEmpty()
                              where r.SiteId == siteId && r.Status == PlacementRequestStatus.Pending
                              orderby r.RequestedAt
                              select new { r.Id, r.ItemId, r.Kind, i.Title, r.RequestedAt, Deadline = o == null ? (DateTime?)null : o.DeadlineUtc })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        entries.AddRange(requests.Select(r => new Entry(r.Kind == PlacementKind.Order ? "reprint_order" : "placement_request", r.ItemId, null,
            r.Title, ChinaTime.Format(r.RequestedAt) ?? "", r.Deadline is null ? null : ChinaTime.Format(r.Deadline),
            r.Deadline is DateTime d && now > d, r.Id)));
        return entries;
    }
}
