using System.Globalization;
using GovSite.Accounts;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Monitoring.Platform;

/// <summary>
/// Puts the monitor's work into the shared job queue: one check per site per day, probes at a
/// fixed interval (at least 20 a day), and for hosted sites a tamper check each hour. Every
/// node runs it; the jobs' keys make enqueueing idempotent, so each slot is queued once in all.
/// </summary>
public sealed class MonitoringScheduler(IServiceScopeFactory scopes, TimeProvider clock, MonitoringOptions options,
    ILogger<MonitoringScheduler> log) : BackgroundService
{
    private string? _scheduledSlot;
    private int _scheduledUpTo;
    private DateTime _lastReconcile = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Monitoring scheduling failed; trying again next minute");
            }
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One pass: reconcile hosted sites now and then, and enqueue the current slot's jobs.</summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastReconcile >= options.ReconcileInterval)
        {
            await scope.ServiceProvider.GetRequiredService<MonitoredSiteRegistry>().ReconcileHostedAsync(ct);
            await CleanUpAsync(db, queue, now, ct);
            _lastReconcile = now;
        }
        var slot = SlotKey(now);
        // Within one slot only sites registered since the last pass need jobs; a new slot needs all.
        var fromId = slot == _scheduledSlot ? _scheduledUpTo : 0;
        var sites = await db.MonitoredSites.AsNoTracking().Where(m => m.IsActive && m.Id > fromId)
            .OrderBy(m => m.Id).Select(m => new { m.Id, Hosted = m.SiteId != null }).ToListAsync(ct);
        var added = 0;
        foreach (var site in sites)
        {
            added += await ScheduleAsync(queue, site.Id, site.Hosted, now, ct);
        }
        if (slot != _scheduledSlot)
        {
            _scheduledSlot = slot;
            _scheduledUpTo = 0;
        }
        _scheduledUpTo = Math.Max(_scheduledUpTo, sites.Count > 0 ? sites[^1].Id : 0);
        return added;
    }

    /// <summary>The jobs of one site for the slot containing <paramref name="nowUtc"/>.</summary>
    public async Task<int> ScheduleAsync(JobQueue queue, int siteId, bool hosted, DateTime nowUtc, CancellationToken ct)
    {
        var local = ChinaTime.ToLocal(nowUtc);
        var day = local.Date;
        var dayText = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var id = siteId.ToString(CultureInfo.InvariantCulture);
        // Spread sites over the day and over each interval so 10,000 sites do not all start at once.
        var spread = (int)((uint)(siteId * 2654435761u) % 1440);
        var added = 0;
        var checkAt = ChinaTime.ToUtc(day.AddMinutes(spread));
        if (await queue.EnqueueAsync(MonitoringJobTypes.Check, id, checkAt, $"{MonitoringJobTypes.Check}:{id}:{dayText}", ct: ct))
        {
            added++;
        }
        var interval = (int)options.ProbeInterval.TotalMinutes;
        var probeSlot = (int)(local - day).TotalMinutes / interval;
        var probeAt = ChinaTime.ToUtc(day.AddMinutes(probeSlot * interval + spread % interval));
        // Probes are not retried: a failed probe is a result, not an error.
        if (await queue.EnqueueAsync(MonitoringJobTypes.Probe, id, probeAt, $"{MonitoringJobTypes.Probe}:{id}:{dayText}:{probeSlot}", maxAttempts: 1, ct: ct))
        {
            added++;
        }
        if (hosted)
        {
            var hour = local.Hour;
            var tamperAt = ChinaTime.ToUtc(day.AddHours(hour).AddMinutes(spread % 60));
            if (await queue.EnqueueAsync(MonitoringJobTypes.Tamper, id, tamperAt, $"{MonitoringJobTypes.Tamper}:{id}:{dayText}:{hour}", maxAttempts: 1, ct: ct))
            {
                added++;
            }
        }
        return added;
    }

    private string SlotKey(DateTime nowUtc)
    {
        var local = ChinaTime.ToLocal(nowUtc);
        var minutes = Math.Min(60, (int)options.ProbeInterval.TotalMinutes);
        return local.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ":" +
               ((int)(local - local.Date).TotalMinutes / minutes).ToString(CultureInfo.InvariantCulture);
    }

    private async Task CleanUpAsync(GovSiteDb db, JobQueue queue, DateTime now, CancellationToken ct)
    {
        await queue.CleanUpAsync(ct);
        var probesBefore = now - options.KeepProbes;
        await db.ProbeResults.Where(p => p.At < probesBefore).ExecuteDeleteAsync(ct);
        await db.PublishEvents.Where(e => e.EffectiveAt < probesBefore).ExecuteDeleteAsync(ct);
    }
}
