using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Notifications.Admin;

/// <summary>
/// 发件箱: every outgoing e-mail (and, later, SMS) with its state, for platform administrators.
/// Without SMTP settings the messages wait here, shown, never dropped.
/// </summary>
public sealed class OutboxModel(SiteAccess access, GovSiteDb db, IEnumerable<IOutboxSender> senders) : AdminPageModel(access)
{
    public const int PageSize = 50;

    public List<OutboxMessage> Messages { get; private set; } = [];
    public Dictionary<OutboxStatus, int> Counts { get; private set; } = [];
    public List<(OutboxChannel Channel, bool Configured)> Channels { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    [FromQuery(Name = "status")]
    public OutboxStatus? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        if (!Access.Unrestricted)
        {
            return Forbid();
        }
        Channels = [.. Enum.GetValues<OutboxChannel>().Select(c => (c, senders.Any(s => s.Channel == c && s.IsConfigured)))];
        Counts = (await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        var query = db.OutboxMessages.AsNoTracking();
        if (Status is OutboxStatus s)
        {
            query = query.Where(m => m.Status == s);
        }
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), "/admin/outbox", Request.Query);
        Messages = await query.OrderByDescending(m => m.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public static string Label(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "待发送",
        OutboxStatus.Sending => "发送中",
        OutboxStatus.Sent => "已发送",
        _ => "发送失败",
    };

    public static string Label(OutboxChannel channel) => channel == OutboxChannel.Email ? "电子邮件" : "短信";
}
