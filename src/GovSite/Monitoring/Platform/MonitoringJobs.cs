using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Monitoring.Platform;

public static class MonitoringJobTypes
{
    public const string Check = "monitoring.check";
    public const string Probe = "monitoring.probe";
    public const string Tamper = "monitoring.tamper";

    /// <summary>The monitored site's id: the payload, or its part before '|'.</summary>
    public static int SiteId(Job job) => int.Parse(job.Payload!.Split('|')[0], CultureInfo.InvariantCulture);

    /// <summary>
    /// Who asked for a check outside the daily schedule (a spot check's score sheet, a
    /// rectification's re-check): the payload's part after '|', kept on the run. Null for the daily check.
    /// </summary>
    public static string? RequestedFor(Job job) => job.Payload?.IndexOf('|', StringComparison.Ordinal) is int bar and >= 0 ? job.Payload[(bar + 1)..] : null;

    /// <summary>The payload of a check asked for by <paramref name="requestedFor"/> (e.g. "assessment:12").</summary>
    public static string CheckPayload(int monitoredSiteId, string? requestedFor) =>
        requestedFor is null ? monitoredSiteId.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{monitoredSiteId}|{requestedFor}");
}

/// <summary>
/// Told after every check run is saved, with who asked for it (<see cref="CheckRun.RequestedFor"/>):
/// the seam through which supervision reads the runs it asked for (score sheets, re-checks) without
/// a second way of running the checker.
/// </summary>
public interface ICheckRunObserver
{
    Task CheckRunSavedAsync(CheckRun run, CancellationToken ct);
}

/// <summary>The daily check of one site: runs the checker, applies the weekly availability, keeps the run.</summary>
public sealed class CheckSiteJob(GovSiteDb db, IServiceProvider services, TimeProvider clock, MonitoringOptions options, HostedSiteRoute route,
    IEnumerable<ICheckRunObserver> observers) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken ct)
    {
        var site = await db.MonitoredSites.FirstOrDefaultAsync(m => m.Id == MonitoringJobTypes.SiteId(job), ct);
        var requestedFor = MonitoringJobTypes.RequestedFor(job);
        // A paused site skips its daily check; a check someone asked for (a spot check) still runs.
        if (site is null || (!site.IsActive && requestedFor is null))
        {
            return;
        }
        var started = clock.GetUtcNow().UtcDateTime;
        var asOf = DateOnly.FromDateTime(ChinaTime.ToLocal(started));
        var run = new CheckRun { MonitoredSiteId = site.Id, StartedAt = started, AsOf = asOf, RequestedFor = requestedFor };
        try
        {
            // The checker is written elsewhere and registered by its own feature; the monitor only uses the seam.
            var checker = services.GetService<ISiteChecker>()
                ?? throw new InvalidOperationException("未注册网站检测程序（ISiteChecker），无法执行检测");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.CheckTimeout);
            // A hosted site's kind is known; an external one's is read from its name by the checker.
            var hosted = site.SiteId is { } siteId
                ? await db.Sites.IgnoreQueryFilters().Where(x => x.Id == siteId).Select(x => new { x.Type, x.Code }).FirstOrDefaultAsync(ct)
                : null;
            var kind = hosted?.Type switch { Sites.SiteType.Portal => SiteKind.Portal, null => (SiteKind?)null, _ => SiteKind.Department };
            // A hosted site is checked through this node, and its report written in its public address.
            var fetchUrl = route.FetchUrl(site, hosted?.Code);
            var report = await checker.CheckAsync(fetchUrl, new CheckOptions(asOf, options.MaxPages)
            {
                Kind = kind,
                ExternalLinks = site.CheckExternalLinks,
                AllowedHosts = options.AllowedHosts,
            }, null, timeout.Token);
            report = HostedSiteRoute.Rebase(report, fetchUrl, site.Url);
            var probes = await db.ProbeResults.AsNoTracking()
                .Where(p => p.MonitoredSiteId == site.Id && p.At > started - Availability.Week)
                .Select(p => new { p.At, p.Ok, p.Milliseconds }).ToListAsync(ct);
            var week = Availability.EvaluateWeek(probes.Select(p => AvailabilityProbe.ToResult(p.At, p.Ok, p.Milliseconds)),
                new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc)));
            report = Availability.ApplyWeek(report, week, site.Url);
            Fill(run, report);
            run.ProbeCount = week.Probes;
            run.ProbeFailures = week.Failed;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && job.Attempts >= job.MaxAttempts)
        {
            // Last attempt: keep the failure in the history so the dashboard shows it, and fail
            // the job so the queue keeps the error too. Earlier attempts just fail and are retried.
            run.Verdict = "error";
            run.Error = ex.Message;
            run.Report = "{}";
            await SaveAsync(site, run, ct);
            throw;
        }
        await SaveAsync(site, run, ct);
    }

    private async Task SaveAsync(MonitoredSite site, CheckRun run, CancellationToken ct)
    {
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.CheckRuns.Add(run);
        site.LastCheckedAt = run.FinishedAt;
        site.LastVerdict = run.Verdict;
        site.LastScore = run.Score;
        await db.SaveChangesAsync(ct);
        foreach (var observer in observers)
        {
            await observer.CheckRunSavedAsync(run, ct);
        }
    }

    internal static void Fill(CheckRun run, SiteReport report)
    {
        run.Verdict = report.Verdict == "fail" ? "fail" : "pass";
        run.Score = report.Score;
        run.VetoCodes = string.Join(',', report.Vetoes.Select(v => v.Code).Distinct());
        run.VetoCount = report.Vetoes.Count;
        run.FindingCount = report.Findings.Count;
        run.BrokenLinkCount = report.BrokenLinks.Count;
        run.ColumnCount = report.Columns.Count;
        run.StaleColumnCount = report.Columns.Count(c => c.Stale);
        run.Report = JsonSerializer.Serialize(report, CheckReport.Json);
    }
}

/// <summary>One availability probe of a homepage: loaded completely with 2xx within 15 s, or not.</summary>
public sealed class ProbeSiteJob(GovSiteDb db, IHttpClientFactory http, TimeProvider clock, MonitoringOptions options, HostedSiteRoute route) : IJobHandler
{
    public async Task HandleAsync(Job job, CancellationToken ct)
    {
        var site = await db.MonitoredSites.AsNoTracking().FirstOrDefaultAsync(m => m.Id == MonitoringJobTypes.SiteId(job), ct);
        if (site is null || !site.IsActive)
        {
            return;
        }
        var code = site.SiteId is { } siteId ? await db.Sites.IgnoreQueryFilters().Where(s => s.Id == siteId).Select(s => s.Code).FirstOrDefaultAsync(ct) : null;
        db.ProbeResults.Add(await ProbeAsync(http.CreateClient(MonitoringOptions.HttpClientName), site, route.FetchUrl(site, code), clock, options.ProbeTimeout, ct));
        await db.SaveChangesAsync(ct);
    }

    public static Task<AvailabilityProbe> ProbeAsync(HttpClient client, MonitoredSite site, TimeProvider clock, TimeSpan limit, CancellationToken ct) =>
        ProbeAsync(client, site, site.Url, clock, limit, ct);

    public static async Task<AvailabilityProbe> ProbeAsync(HttpClient client, MonitoredSite site, string url, TimeProvider clock, TimeSpan limit, CancellationToken ct)
    {
        var result = new AvailabilityProbe { MonitoredSiteId = site.Id, At = clock.GetUtcNow().UtcDateTime };
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            result.StatusCode = (int)response.StatusCode;
            // "Loaded" means the whole page arrived, not just the headers.
            await response.Content.CopyToAsync(Stream.Null, timeout.Token);
            result.Ok = response.IsSuccessStatusCode;
            if (!result.Ok)
            {
                result.Error = $"HTTP {result.StatusCode}";
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result.Error = $"超过{limit.TotalSeconds:0}秒未能打开";
        }
        catch (HttpRequestException ex)
        {
            result.Error = ex.Message;
        }
        result.Milliseconds = (int)watch.ElapsedMilliseconds;
        return result;
    }
}

/// <summary>Re-fetches a hosted site's monitored pages and compares them with their baselines.</summary>
public sealed class TamperCheckJob(TamperWatch watch) : IJobHandler
{
    public Task HandleAsync(Job job, CancellationToken ct) => watch.CheckSiteAsync(MonitoringJobTypes.SiteId(job), ct);
}
