using GovSite.Calendar;
using GovSite.Data;
using GovSite.Accounts;
using GovSite.Notifications;
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

/// <summary>When an open deadline turns "due soon" and when it reaches the supervising office.</summary>
public sealed record DeadlinePolicy(int ReminderWorkingDays, int SupervisorAfterWorkingDays);

/// <summary>Countdowns and overdue state: pure arithmetic over the working-day calendar.</summary>
public static class Deadlines
{
    /// <summary>The alerts an open item in <paramref name="state"/> is owed: a reminder, the site's overdue alert, and the supervisor's too once escalated.</summary>
    public static AlertKind[] AlertsFor(DeadlineState state) => state switch
    {
        DeadlineState.DueSoon => [AlertKind.Reminder],
        DeadlineState.Overdue => [AlertKind.OverdueSiteAdmin],
        DeadlineState.Escalated => [AlertKind.OverdueSiteAdmin, AlertKind.OverdueSupervisor],
        _ => [],
    };

    public static bool IsOpen(MessageStatus status) =>
        status is MessageStatus.Received or MessageStatus.Handling or MessageStatus.Transferred or MessageStatus.Replied;

    /// <summary>Working days left until the due date: 0 on the due date, negative when overdue.</summary>
    public static int Remaining(WorkingCalendar calendar, DateOnly due, DateOnly today) =>
        today <= due ? calendar.WorkingDaysAfter(today, due) : -Math.Max(1, calendar.WorkingDaysAfter(due, today));

    public static DeadlineState StateOf(WorkingCalendar calendar, MessageStatus status, DateOnly due, DateOnly today, InteractionOptions options) =>
        StateOf(calendar, IsOpen(status), due, today, options.Policy);

    /// <summary>The state of any piece of work with a due date (a message, an information request, an error report).</summary>
    public static DeadlineState StateOf(WorkingCalendar calendar, bool open, DateOnly due, DateOnly today, DeadlinePolicy policy)
    {
        if (!open)
        {
            return DeadlineState.OnTrack;
        }
        if (today > due)
        {
            return calendar.WorkingDaysAfter(due, today) >= policy.SupervisorAfterWorkingDays ? DeadlineState.Escalated : DeadlineState.Overdue;
        }
        return calendar.WorkingDaysAfter(today, due) <= policy.ReminderWorkingDays ? DeadlineState.DueSoon : DeadlineState.OnTrack;
    }

    public static (DateOnly EscalatedBefore, DateOnly DueSoonUntil) Boundaries(WorkingCalendar calendar, DateOnly today, InteractionOptions options) =>
        Boundaries(calendar, today, options.Policy);

    /// <summary>
    /// The due dates where an open item's state changes on a given day, so a database can sort
    /// every item into its state with one query: due before <c>EscalatedBefore</c> → escalated,
    /// before today → overdue, up to <c>DueSoonUntil</c> → due soon, later → on track.
    /// </summary>
    public static (DateOnly EscalatedBefore, DateOnly DueSoonUntil) Boundaries(WorkingCalendar calendar, DateOnly today, DeadlinePolicy policy)
    {
        // Overdue by N working days ⇔ at least N working days in (due, today]: due before the N-th working day back.
        var escalatedBefore = today;
        for (var found = 0; found < policy.SupervisorAfterWorkingDays; escalatedBefore = escalatedBefore.AddDays(-1))
        {
            found += calendar.IsWorkingDay(escalatedBefore) ? 1 : 0;
        }
        escalatedBefore = escalatedBefore.AddDays(1);
        // Due soon ⇔ at most R working days in (today, due]: up to the day before the (R+1)-th working day ahead.
        var ahead = policy.ReminderWorkingDays + 1;
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

/// <summary>One open piece of work on a working-day deadline, as the alert sweep sees it.</summary>
public sealed record DeadlineItem(int Id, int SiteId, DateOnly DueDate, string Title, string Number);

/// <summary>
/// The seam between the reminder and escalation machinery and the work it watches: messages,
/// information requests (依申请公开) and error reports (找错) each say which of their items are
/// open and due soon, and keep their alerts under a unique key so that each exists once.
/// Registered as scoped services; <see cref="DeadlineAlerts"/> runs every one of them.
/// </summary>
/// <summary>
/// Work on a working-day clock that keeps its own alerts and notices (rectification orders, whose
/// alerts go to the site and then up the supervising regions): <see cref="DeadlineAlerts"/> runs
/// its sweep on the same interval as the watches.
/// </summary>
public interface IDeadlineSweep
{
    /// <summary>One pass; returns the alerts written.</summary>
    Task<int> SweepAsync(WorkingCalendar calendar, DateOnly today, CancellationToken ct);
}

public interface IDeadlineWatch
{
    DeadlinePolicy Policy { get; }

    /// <summary>Open items whose clock runs and that are due on or before <paramref name="horizon"/>.</summary>
    Task<IReadOnlyList<DeadlineItem>> OpenDueByAsync(DateOnly horizon, CancellationToken ct);

    /// <summary>The alerts already written for these items.</summary>
    Task<IReadOnlySet<(int Id, AlertKind Kind, DateOnly DueDate)>> AlertsOfAsync(IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>Writes one alert; false when another node wrote the same one first.</summary>
    Task<bool> AddAlertAsync(DeadlineItem item, AlertKind kind, DateTime now, CancellationToken ct);

    /// <summary>
    /// Tells the people who answer, in the back office and by e-mail, that an item is due soon
    /// (once per item and due date: the notice key carries both).
    /// </summary>
    Task RemindAsync(DeadlineItem item, Notifier notifier, CancellationToken ct);
}

/// <summary>Messages (留言) on their deadlines: alerts in <see cref="MessageAlert"/>.</summary>
public sealed class MessageDeadlines(GovSiteDb db, IOptions<InteractionOptions> options) : IDeadlineWatch
{
    public DeadlinePolicy Policy => options.Value.Policy;

    public async Task<IReadOnlyList<DeadlineItem>> OpenDueByAsync(DateOnly horizon, CancellationToken ct) =>
        // The open statuses written out become constants, so the (Status, DueDate) index serves the query.
        await db.Messages.AsNoTracking()
            .Where(m => (m.Status == MessageStatus.Received || m.Status == MessageStatus.Handling
                || m.Status == MessageStatus.Transferred || m.Status == MessageStatus.Replied) && m.DueDate <= horizon)
            .Select(m => new DeadlineItem(m.Id, m.HandlingSiteId, m.DueDate, m.Subject, m.Ticket))
            .ToListAsync(ct);

    public async Task<IReadOnlySet<(int Id, AlertKind Kind, DateOnly DueDate)>> AlertsOfAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.MessageAlerts.AsNoTracking().Where(a => ids.Contains(a.MessageId))
            .Select(a => new { a.MessageId, a.Kind, a.DueDate }).ToListAsync(ct))
            .Select(a => (a.MessageId, a.Kind, a.DueDate)).ToHashSet();

    public async Task<bool> AddAlertAsync(DeadlineItem item, AlertKind kind, DateTime now, CancellationToken ct)
    {
        var alert = new MessageAlert { MessageId = item.Id, SiteId = item.SiteId, Kind = kind, DueDate = item.DueDate, CreatedAt = now };
        db.MessageAlerts.Add(alert);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(alert).State = EntityState.Detached;
            return false;
        }
    }

    public Task RemindAsync(DeadlineItem m, Notifier notifier, CancellationToken ct) =>
        notifier.ToRolesAsync(m.SiteId, [Role.Editor, Role.SiteAdmin],
            NoticeKind.MessageDue, $"message-due:{m.Id}:{m.DueDate:yyyy-MM-dd}",
            $"留言即将到期：{m.Title}", $"留言「{m.Title}」（编号 {m.Number}）须在 {m.DueDate:yyyy-MM-dd} 前答复。",
            $"/admin/messages/{m.Id}", [], ct);
}

/// <summary>
/// 督办提醒 of the work that keeps its alerts in the shared <see cref="DeadlineAlert"/> table
/// (information requests, error reports): <paramref name="work"/> names the kind of work.
/// </summary>
public abstract class SharedAlertDeadlines(GovSiteDb db, string work) : IDeadlineWatch
{
    protected GovSiteDb Db => db;

    public abstract DeadlinePolicy Policy { get; }

    /// <summary>The back-office address of one item, shown beside its alert.</summary>
    protected abstract string LinkOf(int id);

    /// <summary>What the work is called in a reminder (依申请公开, 网站找错).</summary>
    protected abstract string Noun { get; }

    public abstract Task<IReadOnlyList<DeadlineItem>> OpenDueByAsync(DateOnly horizon, CancellationToken ct);

    public async Task<IReadOnlySet<(int Id, AlertKind Kind, DateOnly DueDate)>> AlertsOfAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.DeadlineAlerts.AsNoTracking().Where(a => a.Work == work && ids.Contains(a.ItemId))
            .Select(a => new { a.ItemId, a.Kind, a.DueDate }).ToListAsync(ct))
            .Select(a => (a.ItemId, a.Kind, a.DueDate)).ToHashSet();

    public async Task<bool> AddAlertAsync(DeadlineItem item, AlertKind kind, DateTime now, CancellationToken ct)
    {
        var alert = new DeadlineAlert
        {
            Work = work, ItemId = item.Id, SiteId = item.SiteId, Kind = kind, DueDate = item.DueDate, CreatedAt = now,
            Number = item.Number, Title = item.Title.Length > 200 ? item.Title[..200] : item.Title, Link = LinkOf(item.Id),
        };
        db.DeadlineAlerts.Add(alert);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(alert).State = EntityState.Detached;
            return false;
        }
    }

    public Task RemindAsync(DeadlineItem item, Notifier notifier, CancellationToken ct) =>
        notifier.ToRolesAsync(item.SiteId, [Role.Editor, Role.SiteAdmin], NoticeKind.WorkDue,
            $"{work}-due:{item.Id}:{item.DueDate:yyyy-MM-dd}",
            $"{Noun}即将到期：{item.Title}", $"{Noun}「{item.Title}」（编号 {item.Number}）须在 {item.DueDate:yyyy-MM-dd} 前办结。",
            LinkOf(item.Id), [], ct);
}

/// <summary>
/// Writes reminders and escalations for every <see cref="IDeadlineWatch"/>. Every node runs it;
/// each watch's unique key on (item, kind, due date) lets exactly one insert of each alert
/// succeed, so two nodes never alert twice.
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
                await RunWatchesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Deadline alerts failed; retrying at the next interval");
            }
            await Task.Delay(options.Value.AlertInterval, clock, stoppingToken);
        }
    }

    /// <summary>One pass of every <see cref="IDeadlineSweep"/> (rectification orders …); returns the alerts written.</summary>
    public async Task<int> RunWatchesAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var today = MessageService.LocalDate(clock.GetUtcNow().UtcDateTime);
        var written = 0;
        foreach (var sweep in scope.ServiceProvider.GetServices<IDeadlineSweep>())
        {
            written += await sweep.SweepAsync(calendar.Current, today, ct);
        }
        return written;
    }

    /// <summary>One pass over the open work near or past its deadline; returns the alerts written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var cal = calendar.Current;
        var today = MessageService.LocalDate(clock.GetUtcNow().UtcDateTime);
        // Reminders look at most a few weeks ahead; anything due later cannot need one yet.
        var horizon = today.AddDays(31);
        var now = clock.GetUtcNow().UtcDateTime;
        var written = 0;
        foreach (var watch in scope.ServiceProvider.GetServices<IDeadlineWatch>())
        {
            var candidates = await watch.OpenDueByAsync(horizon, ct);
            var existing = await watch.AlertsOfAsync([.. candidates.Select(c => c.Id)], ct);
            foreach (var item in candidates)
            {
                var kinds = Deadlines.AlertsFor(Deadlines.StateOf(cal, true, item.DueDate, today, watch.Policy));
                foreach (var kind in kinds.Where(k => !existing.Contains((item.Id, k, item.DueDate))))
                {
                    if (!await watch.AddAlertAsync(item, kind, now, ct))
                    {
                        continue;
                    }
                    written++;
                    if (kind == AlertKind.Reminder)
                    {
                        await watch.RemindAsync(item, scope.ServiceProvider.GetRequiredService<Notifier>(), ct);
                    }
                }
            }
        }
        return written;
    }
}
