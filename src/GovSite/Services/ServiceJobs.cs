using System.Globalization;
using GovSite.Accounts;
using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Services;

/// <summary>
/// Checks hall links (网上办事大厅) of a source's items (payload: the source id) or of every item
/// with one ("all"). Only hosts in <see cref="ServicesOptions.HallHosts"/> are contacted; a link
/// elsewhere stays "not checked", which is said as such, never as working. A link that answers
/// 404 or a server error, or not at all, is broken: the guide stops showing it and staff see it.
/// </summary>
public sealed class HallLinkCheckJob(GovSiteDb db, IHttpClientFactory http, IOptions<ServicesOptions> options, ServiceChanges changes,
    TimeProvider clock) : IJobHandler
{
    public const string Type = "services.hall-links";

    public async Task HandleAsync(Job job, CancellationToken ct)
    {
        var o = options.Value;
        var query = db.ServiceItems.IgnoreQueryFilters().Where(i => i.HallUrl != null && i.Status != ServiceItemStatus.Withdrawn);
        if (int.TryParse(job.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var sourceId))
        {
            query = query.Where(i => i.SourceId == sourceId);
        }
        var items = await query.Select(i => new { i.Id, i.SiteId, i.HallUrl, i.HallBroken, i.Status }).ToListAsync(ct);
        var urls = items.Select(i => i.HallUrl!).Distinct(StringComparer.Ordinal)
            .Where(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && o.MayCheck(uri)).ToList();
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, (bool Broken, string? Error)>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (url, token) => results[url] = await ProbeAsync(url, token));
        var now = clock.GetUtcNow().UtcDateTime;
        var changedSites = new HashSet<int>();
        foreach (var group in items.Where(i => results.ContainsKey(i.HallUrl!)).GroupBy(i => i.HallUrl!))
        {
            var (broken, error) = results[group.Key];
            var ids = group.Select(i => i.Id).ToList();
            await db.ServiceItems.IgnoreQueryFilters().Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.HallBroken, broken).SetProperty(i => i.HallError, error).SetProperty(i => i.HallCheckedAt, now), ct);
            changedSites.UnionWith(group.Where(i => i.HallBroken != broken && i.Status == ServiceItemStatus.Published).Select(i => i.SiteId));
        }
        if (changedSites.Count > 0)
        {
            // The guide shows the hall link only while it works.
            await changes.SitesChangedAsync(changedSites, ct);
        }
    }

    private async Task<(bool Broken, string? Error)> ProbeAsync(string url, CancellationToken ct)
    {
        var client = http.CreateClient(ServicesOptions.HallHttpClient);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.HallLinkTimeout);
        try
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = await client.SendAsync(head, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is 405 or 501 or 400 or 403)
            {
                using var get = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)get.StatusCode;
            }
            // A hall page behind a login or a redirect to it is there; "not found" and server failures are not.
            return status >= 400 && status is not (401 or 403 or 429)
                ? (true, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"))
                : (false, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (true, string.Create(CultureInfo.InvariantCulture, $"超过{options.Value.HallLinkTimeout.TotalSeconds:0}秒无响应"));
        }
        catch (HttpRequestException e)
        {
            return (true, e.HttpRequestError == HttpRequestError.NameResolutionError ? "域名无法解析" : "无法连接");
        }
    }
}

/// <summary>A source's scheduled import (payload: the source id).</summary>
public sealed class ServiceImportJob(GovSiteDb db, ServiceImporter importer) : IJobHandler
{
    public const string Type = "services.import";

    public async Task HandleAsync(Job job, CancellationToken ct)
    {
        var id = int.Parse(job.Payload!, NumberStyles.None, CultureInfo.InvariantCulture);
        var source = await db.ServiceImportSources.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is { IsActive: true })
        {
            var run = await importer.RunAsync(source, ct: ct);
            if (run.Error is not null && run.Rows == 0)
            {
                // Kept as a run with its error for the back office; the job fails too, so the queue retries a passing outage.
                throw new InvalidOperationException(run.Error);
            }
        }
    }
}

/// <summary>
/// Puts imports that are due into the job queue, and the daily hall-link check. Every node runs
/// it; the jobs' keys (source and time slot) make each slot one job in all.
/// </summary>
public sealed class ServiceImportScheduler(IServiceScopeFactory scopes, IOptions<ServicesOptions> options, TimeProvider clock,
    ILogger<ServiceImportScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Scheduling service imports failed; trying again next interval");
            }
            await Task.Delay(options.Value.SchedulerInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<int> TickAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteAccess>().BecomeSystem();
        var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        var sources = await db.ServiceImportSources.AsNoTracking().Where(s => s.IsActive && s.IntervalHours > 0 && s.Location != null)
            .Select(s => new { s.Id, s.IntervalHours }).ToListAsync(ct);
        foreach (var source in sources)
        {
            var slot = (long)(now - DateTime.UnixEpoch).TotalHours / source.IntervalHours;
            var id = source.Id.ToString(CultureInfo.InvariantCulture);
            if (await queue.EnqueueAsync(ServiceImportJob.Type, id, now, string.Create(CultureInfo.InvariantCulture, $"{ServiceImportJob.Type}:{id}:{slot}"), ct: ct))
            {
                added++;
            }
        }
        if (options.Value.HallHosts.Count > 0)
        {
            var day = GovSite.Common.ChinaTime.ToLocal(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            if (await queue.EnqueueAsync(HallLinkCheckJob.Type, "all", now, $"{HallLinkCheckJob.Type}:all:{day}", maxAttempts: 1, ct: ct))
            {
                added++;
            }
        }
        return added;
    }
}
