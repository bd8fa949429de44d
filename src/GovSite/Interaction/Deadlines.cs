using GovSite.Calendar;
using GovSite.Data;
using GovSite.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Interaction;

public enum DeadlineState
{
    /// <summary>Closed, or open with time left.</summary>
    OnTrack,

    /// <summary>Open, within the reminder window (or due today).</summary>
    DueSoon,

    /// <summary>Open after its due date.</summary>
    Overdue,

    /// <summary>Open and overdue long enough to go to the supervising office.</summary>
    Escalated,
}

/// <summary>Countdowns and overdue state: pure arithmetic over the working-day calendar.</summary>
public static class Deadlines
{
    public static bool IsOpen(MessageStatus status) =>
        status is MessageStatus.Received or MessageStatus.Handling or MessageStatus.Transferred or MessageStatus.Replied;

    /// <summary>Working days left until the due date: 0 on the due date, negative when overdue.</summary>
    public static int Remaining(WorkingCalendar calendar, DateOnly due, DateOnly today) =>
        today <= due ? calendar.WorkingDaysAfter(today, due) : -Math.Max(1, calendar.WorkingDaysAfter(due, today));

    public static DeadlineState StateOf(WorkingCalendar calendar, MessageStatus status, DateOnly due, DateOnly today, InteractionOptions options)
    {
        if (!IsOpen(status))
        {
            return DeadlineState.OnTrack;
        }
        if (today > due)
        {
            return calendar.WorkingDaysAfter(due, today) >= options.SupervisorAfterWorkingDays ? DeadlineState.Escalated : DeadlineState.Overdue;
        }
        return calendar.WorkingDaysAfter(today, due) <= options.ReminderWorkingDays ? DeadlineState.DueSoon : DeadlineState.OnTrack;
    }

    /// <summary>
    /// The due dates where an open message's state changes on a given day, so a database can sort
    /// every message into its state with one query: due before <c>EscalatedBefore</c> → escalated,
    /// before today → overdue, up to <c>DueSoonUntil</c> → due soon, later → on track.
    /// </summary>
    public static (DateOnly EscalatedBefore, DateOnly DueSoonUntil) Boundaries(WorkingCalendar calendar, DateOnly today, InteractionOptions options)
    {
        // Overdue by N working days ⇔ at least N working days in (due, today]: due before the N-th working day back.
        var escalatedBefore = today;
        for (var found = 0; found < options.SupervisorAfterWorkingDays; escalatedBefore = escalatedBefore.AddDays(-1))
        {
            found += calendar.IsWorkingDay(escalatedBefore) ? 1 : 0;
        }
        escalatedBefore = escalatedBefore.AddDays(1);
        // Due soon ⇔ at most R working days in (today, due]: up to the day before the (R+1)-th working day ahead.
        var ahead = options.ReminderWorkingDays + 1;
        var date = today;
        for (var found = 0; found < ahead;)
        {
            date = date.AddDays(1);
            found += calendar.IsWorkingDay(date) ? 1 : 0;
        }
        return (escalatedBefore, date.AddDays(-1));
    }

    /// <summary>Answered on time: closed on or before the due date (China time).</summary>
    public static bool ClosedOnTime(DateTime closedAtUtc, DateOnly due) => MessageService.LocalDate(closedAtUtc) <= due;
}

/// <summary>
/// Writes reminders and escalations. Every node runs it; the unique key on (message, kind, due
/// date) lets exactly one insert of each alert succeed, so two nodes never alert twice.
/// </summary>
public sealed class DeadlineAlerts(IServiceScopeFactory scopes, TimeProvider clock, CalendarService calendar,
    IOptions<InteractionOptions> options, ILogger<DeadlineAlerts> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Deadline alerts failed; retrying at the next interval");
            }
            await Task.Delay(options.Value.AlertInterval, clock, stoppingToken);
        }
    }

    /// <summary>One pass over the open messages near or past their deadline; returns the alerts written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        var cal = calendar.Current;
        var today = MessageService.LocalDate(clock.GetUtcNow().UtcDateTime);
        // Reminders look at most a few weeks ahead; anything due later cannot need one yet.
        var horizon = today.AddDays(31);
        // The open statuses written out become constants, so the (Status, DueDate) index serves the query.
        var candidates = await db.Messages.AsNoTracking()
            .Where(m => (m.Status == MessageStatus.Received || m.Status == MessageStatus.Handling
                || m.Status == MessageStatus.Transferred || m.Status == MessageStatus.Replied) && m.DueDate <= horizon)
            .Select(m => new { m.Id, m.HandlingSiteId, m.DueDate, m.Status, m.Subject, m.Ticket })
            .ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var existing = (await db.MessageAlerts.AsNoTracking().Where(a => ids.Contains(a.MessageId))
            .Select(a => new { a.MessageId, a.Kind, a.DueDate }).ToListAsync(ct))
            .Select(a => (a.MessageId, a.Kind, a.DueDate)).ToHashSet();
        var written = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in candidates)
        {
            var state = Deadlines.StateOf(cal, m.Status, m.DueDate, today, options.Value);
            var kinds = state switch
            {
                DeadlineState.DueSoon => [AlertKind.Reminder],
                DeadlineState.Overdue => [AlertKind.OverdueSiteAdmin],
                DeadlineState.Escalated => new[] { AlertKind.OverdueSiteAdmin, AlertKind.OverdueSupervisor },
                _ => [],
            };
            foreach (var kind in kinds)
            {
                if (existing.Contains((m.Id, kind, m.DueDate)))
                {
                    continue;
                }
                var alert = new MessageAlert { MessageId = m.Id, SiteId = m.HandlingSiteId, Kind = kind, DueDate = m.DueDate, CreatedAt = now };
                db.MessageAlerts.Add(alert);
                try
                {
                    await db.SaveChangesAsync(ct);
                    written++;
                    if (kind == AlertKind.Reminder)
                    {
                        // The people who answer are told too, in the back office and by e-mail: the message is due tomorrow.
                        await scope.ServiceProvider.GetRequiredService<Notifications.Notifier>().ToRolesAsync(m.HandlingSiteId, [Role.Editor, Role.SiteAdmin],
                            Notifications.NoticeKind.MessageDue, $"message-due:{m.Id}:{m.DueDate:yyyy-MM-dd}",
                            $"留言即将到期：{m.Subject}", $"留言「{m.Subject}」（编号 {m.Ticket}）须在 {m.DueDate:yyyy-MM-dd} 前答复。",
                            $"/admin/messages/{m.Id}", [], ct);
                    }
                }
                catch (DbUpdateException)
                {
                    // Another node wrote the same alert first: that one stands.
                    db.Entry(alert).State = EntityState.Detached;
                }
            }
        }
        return written;
    }
}
