using GovSite.Accounts;
using GovSite.Admin;
using GovSite.Calendar;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Interaction.Admin;

/// <summary>A site's messages: received, handled, or handed to it; with countdowns and the overdue list.</summary>
public sealed class MessagesModel(SiteAccess access, GovSiteDb db, SiteDirectory directory, CalendarService calendar,
    MessageService messages, IOptions<InteractionOptions> options) : AdminPageModel(access)
{
    public const int PageSize = 30;

    public sealed record Row(int Id, string Ticket, string Subject, MessageStatus Status, DateTime ReceivedAt, DateOnly DueDate,
        int Remaining, DeadlineState State, bool Incoming, bool Boilerplate);

    [FromRoute]
    public int Id { get; set; }

    [FromQuery]
    public string? Filter { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public List<SelectListItem> FilterChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        WorkingSite = directory.FindById(Id);
        if (WorkingSite is null)
        {
            return NotFound();
        }
        if (!Access.CanSee(Id))
        {
            return Forbid();
        }
        FilterChoices =
        [
            new("全部", ""), new("未办结", "open"), new("已超期", "overdue"), new("待接收转办", "incoming"), new("已办结", "closed"),
        ];
        FilterChoices.ForEach(f => f.Selected = f.Value == (Filter ?? ""));
        var open = new[] { MessageStatus.Received, MessageStatus.Handling, MessageStatus.Transferred, MessageStatus.Replied };
        var query = db.Messages.AsNoTracking().Where(m => m.SiteId == Id || m.HandlingSiteId == Id || m.TransferSiteId == Id);
        var today = messages.Today;
        query = Filter switch
        {
            "open" => query.Where(m => open.Contains(m.Status)),
            "overdue" => query.Where(m => open.Contains(m.Status) && m.DueDate < today),
            "incoming" => query.Where(m => m.TransferSiteId == Id),
            "closed" => query.Where(m => !open.Contains(m.Status)),
            _ => query,
        };
        Pager = new Pager(Pager.Clamp(page), PageSize, await query.CountAsync(ct), $"/admin/sites/{Id}/messages", Request.Query);
        var cal = calendar.Current;
        var rows = await query.OrderBy(m => m.DueDate).ThenBy(m => m.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(m => new { m.Id, m.Ticket, m.Subject, m.Status, m.ReceivedAt, m.DueDate, m.TransferSiteId, m.ReplyIsBoilerplate })
            .ToListAsync(ct);
        Rows = [.. rows.Select(m => new Row(m.Id, m.Ticket, m.Subject, m.Status, m.ReceivedAt, m.DueDate,
            Deadlines.Remaining(cal, m.DueDate, today), Deadlines.StateOf(cal, m.Status, m.DueDate, today, options.Value),
            m.TransferSiteId == Id, m.ReplyIsBoilerplate))];
        return Page();
    }
}
