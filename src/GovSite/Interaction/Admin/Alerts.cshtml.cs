using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction.Admin;

/// <summary>督办提醒: reminders and escalations for every site the user may see (supervisors: their regions).</summary>
public sealed class AlertsModel(SiteAccess access, GovSiteDb db, SiteDirectory directory) : AdminPageModel(access)
{
    public sealed record Row(int MessageId, string Ticket, string Subject, string Site, AlertKind Kind, DateOnly DueDate, DateTime CreatedAt, MessageStatus Status);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await (from a in db.MessageAlerts.AsNoTracking()
                          join m in db.Messages.AsNoTracking() on a.MessageId equals m.Id
                          orderby a.CreatedAt descending
                          select new { a.MessageId, m.Ticket, m.Subject, a.SiteId, a.Kind, a.DueDate, a.CreatedAt, m.Status })
            .Take(500).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.MessageId, r.Ticket, r.Subject, directory.FindById(r.SiteId)?.Name ?? "", r.Kind, r.DueDate, r.CreatedAt, r.Status))];
    }
}
