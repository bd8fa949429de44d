using GovSite.Calendar;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Interaction;

/// <summary>
/// A site's message figures for a period (by date of receipt, China time): what 来信选登 shows and
/// what the annual report needs.
/// </summary>
public sealed record MessageFigures(
    int Received,
    int Closed,
    int ClosedOnTime,
    double OnTimeShare,
    double AverageWorkingDays,
    int PublishedReplies,
    int Replies,
    int BoilerplateReplies,
    double BoilerplateRate);

public sealed class MessageStatistics(GovSiteDb db, CalendarService calendar)
{
    /// <summary>Figures for messages a site received between two dates (inclusive); null dates are open-ended.</summary>
    public async Task<MessageFigures> ForSiteAsync(int siteId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var query = db.Messages.IgnoreQueryFilters().AsNoTracking().Where(m => m.SiteId == siteId);
        if (from is { } f)
        {
            var start = GovSite.Common.ChinaTime.ToUtc(f.ToDateTime(TimeOnly.MinValue));
            query = query.Where(m => m.ReceivedAt >= start);
        }
        if (to is { } t)
        {
            var end = GovSite.Common.ChinaTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(m => m.ReceivedAt < end);
        }
        var rows = await query.Select(m => new { m.ReceivedAt, m.ClosedAt, m.DueDate, m.Status, m.Reply, m.ReplyIsBoilerplate })
            .ToListAsync(ct);
        var cal = calendar.Current;
        var closed = rows.Where(r => r.ClosedAt is not null && !Deadlines.IsOpen(r.Status)).ToList();
        var onTime = closed.Count(r => Deadlines.ClosedOnTime(r.ClosedAt!.Value, r.DueDate));
        var average = closed.Count == 0 ? 0 : closed.Average(r =>
            Math.Max(0, cal.WorkingDaysAfter(MessageService.LocalDate(r.ReceivedAt), MessageService.LocalDate(r.ClosedAt!.Value))));
        var replies = rows.Count(r => r.Reply is not null);
        var boilerplate = rows.Count(r => r.Reply is not null && r.ReplyIsBoilerplate);
        return new MessageFigures(
            rows.Count,
            closed.Count,
            onTime,
            closed.Count == 0 ? 0 : Math.Round((double)onTime / closed.Count, 4),
            Math.Round(average, 2),
            rows.Count(r => r.Status == MessageStatus.Published),
            replies,
            boilerplate,
            replies == 0 ? 0 : Math.Round((double)boilerplate / replies, 4));
    }
}
