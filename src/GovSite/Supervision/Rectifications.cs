using System.Globalization;
using GovSite.Accounts;
using GovSite.Calendar;
using GovSite.Common;
using GovSite.Data;
using GovSite.Interaction;
using GovSite.Monitoring.Platform;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Supervision;

public sealed class RectificationInput
{
    public string? Text { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>
/// 整改: orders with findings and a due date in working days; the site answers, the checker
/// re-checks on every answer and when the due date has passed; only a passing re-check closes an
/// order. A date deadline ends with that day in China time. Late orders are reminded and
/// escalated by the interaction deadline sweep (<see cref="RectificationDeadlines"/>).
/// </summary>
public sealed class Rectifications(GovSiteDb db, SiteAccess access, Assessments sheets, CalendarService calendar, JobQueue queue, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(Now));

    /// <summary>Orders a failing score sheet's site to fix what the sheet found.</summary>
    public async Task<RectificationOrder> IssueForAsync(Assessment a, int workingDays, CancellationToken ct)
    {
        var existing = await db.RectificationOrders.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.AssessmentId == a.Id, ct);
        if (existing is not null)
        {
            return existing;
        }
        var view = await sheets.ViewAsync(a, ct);
        var problems = SpotChecks.ProblemsOf(view).ToList();
        return await IssueAsync(a.MonitoredSiteId, a.SiteId, a.RegionId, view.SiteName, a.Id, a.RoundId,
            problems.Count > 0 ? string.Join('\n', problems) : "本轮抽查不合格，请对照考评表逐项整改", workingDays, ct);
    }

    public async Task<RectificationOrder> IssueAsync(int monitoredSiteId, int? siteId, int regionId, string siteName, int? assessmentId, int? roundId,
        string findings, int workingDays, CancellationToken ct)
    {
        var due = calendar.Current.AddWorkingDays(Today, workingDays);
        var order = new RectificationOrder
        {
            MonitoredSiteId = monitoredSiteId, SiteId = siteId, RegionId = regionId, SiteName = siteName, AssessmentId = assessmentId,
            RoundId = roundId, Findings = findings.Length > 20000 ? findings[..20000] : findings, IssuedAt = Now,
            IssuedBy = access.UserName ?? "系统", WorkingDays = workingDays, DueDate = due, State = RectificationState.Open,
        };
        db.RectificationOrders.Add(order);
        await db.SaveChangesAsync(ct);
        // When the due date has ended (China time), the checker looks again.
        await queue.EnqueueAsync(RectificationDueJob.Type, order.Id.ToString(CultureInfo.InvariantCulture), Deadline.EndOfDay(due),
            string.Create(CultureInfo.InvariantCulture, $"{RectificationDueJob.Type}:{order.Id}:{due:yyyyMMdd}"), ct: ct);
        return order;
    }

    /// <summary>The site answers: what it changed, with evidence; the checker re-checks at once.</summary>
    public async Task<SaveResult<RectificationOrder>> RespondAsync(int id, RectificationInput input, CancellationToken ct = default)
    {
        var order = await db.RectificationOrders.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return SaveResult<RectificationOrder>.Missing();
        }
        if (!CanAnswer(order))
        {
            return SaveResult<RectificationOrder>.Denied();
        }
        var errors = new ValidationErrors();
        var text = TypedText.Block(input.Text);
        var evidence = TypedText.Block(input.Evidence);
        if (order.State == RectificationState.Closed)
        {
            errors.Add("State", "该整改通知已办结");
        }
        if (text is null)
        {
            errors.Add(nameof(input.Text), "请写明整改了哪些问题、怎样整改的");
        }
        else if (text.Length > 4000)
        {
            errors.Add(nameof(input.Text), "整改情况不能超过4000个字");
        }
        if (evidence is { Length: > 2000 })
        {
            errors.Add(nameof(input.Evidence), "佐证材料说明不能超过2000个字");
        }
        if (!errors.IsValid)
        {
            return SaveResult<RectificationOrder>.Invalid(errors);
        }
        db.RectificationResponses.Add(new RectificationResponse { OrderId = id, Text = text!, Evidence = evidence, By = access.UserName ?? "系统", At = Now });
        order.State = RectificationState.Submitted;
        order.Rechecks++;
        await db.SaveChangesAsync(ct);
        await EnqueueRecheckAsync(order, "answer", ct);
        return SaveResult<RectificationOrder>.Ok(order);
    }

    public Task<bool> EnqueueRecheckAsync(RectificationOrder order, string why, CancellationToken ct) =>
        queue.EnqueueAsync(MonitoringJobTypes.Check, MonitoringJobTypes.CheckPayload(order.MonitoredSiteId, $"rectification:{order.Id}:{why}"), Now,
            string.Create(CultureInfo.InvariantCulture, $"{MonitoringJobTypes.Check}:{order.MonitoredSiteId}:rectification:{order.Id}:{why}:{order.Rechecks}:{Now.Ticks}"), ct: ct);

    /// <summary>A re-check arrived: a pass closes the order, a fail sends it back to the site.</summary>
    public async Task RecheckArrivedAsync(int id, CheckRun run, CancellationToken ct)
    {
        var order = await db.RectificationOrders.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || order.State == RectificationState.Closed || run.Verdict == "error")
        {
            return;
        }
        order.LastCheckRunId = run.Id;
        order.LastCheckVerdict = run.Verdict;
        order.LastCheckedAt = run.FinishedAt;
        if (run.Verdict == "pass")
        {
            order.State = RectificationState.Closed;
            order.ClosedAt = run.FinishedAt;
        }
        else
        {
            order.State = RectificationState.Open;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The due date passed: re-check an order that is not closed.</summary>
    public async Task DueAsync(int id, CancellationToken ct)
    {
        var order = await db.RectificationOrders.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || order.State == RectificationState.Closed)
        {
            return;
        }
        order.Rechecks++;
        await db.SaveChangesAsync(ct);
        await EnqueueRecheckAsync(order, "deadline", ct);
    }

    public bool CanAnswer(RectificationOrder order) =>
        access.Unrestricted || access.RegionIds.Contains(order.RegionId) || order.SiteId is int site && access.CanAdministerSite(site);

    /// <summary>Orders of a region (and below) in a state: open, submitted, closed, late; newest first.</summary>
    public async Task<List<RectificationOrder>?> ListAsync(string? regionCode, string? state, CancellationToken ct = default)
    {
        var query = db.RectificationOrders.AsNoTracking();
        if (regionCode is { Length: > 0 })
        {
            var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, ct);
            if (region is null)
            {
                return null;
            }
            var scope = await RegionScope.WithDescendantsAsync(db, region.Id, ct);
            query = query.Where(o => scope.Contains(o.RegionId));
        }
        var today = Today;
        query = state switch
        {
            "open" => query.Where(o => o.State == RectificationState.Open),
            "submitted" => query.Where(o => o.State == RectificationState.Submitted),
            "closed" => query.Where(o => o.State == RectificationState.Closed),
            "late" => query.Where(o => o.State != RectificationState.Closed && o.DueDate < today),
            _ => query,
        };
        return await query.OrderByDescending(o => o.IssuedAt).ThenByDescending(o => o.Id).Take(1000).ToListAsync(ct);
    }

    /// <summary>Late: still open after its due date, or closed after it.</summary>
    public static bool IsLate(RectificationOrder o, DateOnly today) =>
        o.State != RectificationState.Closed ? today > o.DueDate : DateOnly.FromDateTime(ChinaTime.ToLocal(o.ClosedAt!.Value)) > o.DueDate;

    public static string StateLabel(RectificationOrder o, DateOnly today) => o.State switch
    {
        RectificationState.Closed => IsLate(o, today) ? "已整改（逾期）" : "已整改",
        RectificationState.Submitted => "已提交，待复查",
        _ => today > o.DueDate ? "逾期未整改" : "整改中",
    };

    public DeadlineState DeadlineOf(RectificationOrder o, SupervisionOptions options) =>
        Deadlines.StateOf(calendar.Current, o.State != RectificationState.Closed, o.DueDate, Today,
            new DeadlinePolicy(options.ReminderWorkingDays, options.EscalateAfterWorkingDays));
}

/// <summary>
/// Reminders and escalations of rectification orders, on the interaction deadline sweep (same
/// arithmetic, same once-only writing): due soon → reminder, late → the site's overdue alert, late by
/// the escalation threshold → the supervising office too.
/// </summary>
public sealed class RectificationDeadlines(GovSiteDb db, IOptions<SupervisionOptions> options, TimeProvider clock, Notifications.Notifier notifier) : IDeadlineSweep
{
    public async Task<int> SweepAsync(WorkingCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(31);
        var open = await db.RectificationOrders.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.State != RectificationState.Closed && o.DueDate <= horizon)
            .Select(o => new { o.Id, o.DueDate, o.SiteId, o.RegionId, o.SiteName }).ToListAsync(ct);
        var ids = open.Select(o => o.Id).ToList();
        var existing = (await db.RectificationAlerts.AsNoTracking().Where(a => ids.Contains(a.OrderId))
            .Select(a => new { a.OrderId, a.Kind, a.DueDate }).ToListAsync(ct)).Select(a => (a.OrderId, a.Kind, a.DueDate)).ToHashSet();
        var policy = new DeadlinePolicy(options.Value.ReminderWorkingDays, options.Value.EscalateAfterWorkingDays);
        var written = 0;
        foreach (var o in open)
        {
            foreach (var kind in Deadlines.AlertsFor(Deadlines.StateOf(calendar, true, o.DueDate, today, policy)))
            {
                if (existing.Contains((o.Id, kind, o.DueDate)))
                {
                    continue;
                }
                var alert = new RectificationAlert { OrderId = o.Id, Kind = kind, DueDate = o.DueDate, CreatedAt = clock.GetUtcNow().UtcDateTime };
                db.RectificationAlerts.Add(alert);
                try
                {
                    await db.SaveChangesAsync(ct);
                    written++;
                }
                catch (DbUpdateException)
                {
                    // Another node wrote it first.
                    db.Entry(alert).State = EntityState.Detached;
                    continue;
                }
                await NotifyAsync(o.Id, o.SiteId, o.RegionId, o.SiteName, o.DueDate, kind, ct);
            }
        }
        return written;
    }

    /// <summary>
    /// The alert reaches people through the platform's notices and outbox: the site's
    /// administrators for a reminder or a late order, the supervisors of its region (and the
    /// regions above) once it is late past the escalation threshold. An external site has no
    /// administrators on the platform, so its reminders go to the supervisors.
    /// </summary>
    private async Task NotifyAsync(int orderId, int? siteId, int regionId, string siteName, DateOnly due, AlertKind kind, CancellationToken ct)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"rectification:{orderId}:{kind}:{due:yyyy-MM-dd}");
        var link = string.Create(CultureInfo.InvariantCulture, $"/admin/supervision/rectifications/{orderId}");
        var (title, text) = kind switch
        {
            AlertKind.Reminder => ($"整改即将到期：{siteName}", $"{siteName}的整改通知须在 {due:yyyy-MM-dd} 前完成整改并提交整改情况。"),
            AlertKind.OverdueSiteAdmin => ($"整改已逾期：{siteName}", $"{siteName}的整改通知已于 {due:yyyy-MM-dd} 到期，仍未整改到位，请尽快整改并提交整改情况。"),
            _ => ($"整改逾期未办结（督办）：{siteName}", $"{siteName}的整改通知于 {due:yyyy-MM-dd} 到期，逾期仍未整改到位，请督办。"),
        };
        if (siteId is int site && kind != AlertKind.OverdueSupervisor)
        {
            await notifier.ToRolesAsync(site, [Role.SiteAdmin], Notifications.NoticeKind.RectificationDue, key, title, text, link, [], ct);
            return;
        }
        var regions = new List<int>();
        for (int? r = regionId; r is int id && !regions.Contains(id);)
        {
            regions.Add(id);
            r = await db.Regions.AsNoTracking().Where(x => x.Id == id).Select(x => x.ParentId).FirstOrDefaultAsync(ct);
        }
        var supervisors = await db.RoleGrants.AsNoTracking()
            .Where(g => g.Role == Role.Supervisor && g.RegionId != null && regions.Contains(g.RegionId.Value))
            .Select(g => g.UserId).Distinct().ToListAsync(ct);
        await notifier.ToUsersAsync(supervisors, siteId, Notifications.NoticeKind.RectificationDue, key, title, text, link, ct);
    }
}

/// <summary>The end of an order's due date: the checker re-checks it (a job, so it happens once on whichever node).</summary>
public sealed class RectificationDueJob(Rectifications rectifications) : IJobHandler
{
    public const string Type = "supervision.rectification-due";

    public Task HandleAsync(Job job, CancellationToken ct) =>
        rectifications.DueAsync(int.Parse(job.Payload!, CultureInfo.InvariantCulture), ct);
}
