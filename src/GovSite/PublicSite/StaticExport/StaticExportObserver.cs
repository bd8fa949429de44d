using System.Globalization;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.PublicSite.StaticExport;

/// <summary>
/// Where sites are exported to: GOVSITE_EXPORT_DIR (each site in a folder named by its code).
/// Unset means no static export follows publishing. Absolute URLs in exported pages and feeds
/// use the site's main domain with GOVSITE_EXPORT_SCHEME (https unless set to http).
/// </summary>
public sealed class StaticExportOptions(IConfiguration configuration)
{
    public string? Root { get; } = configuration["GOVSITE_EXPORT_DIR"] is { Length: > 0 } dir ? Path.GetFullPath(dir) : null;

    public string Scheme { get; } = SchemeFrom(configuration["GOVSITE_EXPORT_SCHEME"]);

    public static string SchemeFrom(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "https" => "https",
        "http" => "http",
        _ => throw new InvalidOperationException($"GOVSITE_EXPORT_SCHEME 只能是 https 或 http，而不是 {value}"),
    };

    public string DirectoryFor(SiteInfo site) => Path.Combine(Root!, site.Code);
}

/// <summary>
/// Re-exports what a <see cref="SiteChange"/> touched, through the durable job queue: the job is
/// written in the writer's transaction, so a change that commits is exported even if this node
/// dies a moment later, and a change that rolls back is not. Only the node where the change was
/// made enqueues; any node's worker runs the job.
/// </summary>
public sealed class StaticExportFollower(StaticExportOptions options, JobQueue jobs) : ISiteChangeFollower
{
    public const string JobType = "static-export";

    public async Task FollowAsync(SiteChange change, bool here, CancellationToken ct)
    {
        if (!here || options.Root is null)
        {
            return;
        }
        if (change.WholeSite || change.ReExportSite)
        {
            await jobs.EnqueueAsync(JobType, StaticExportJob.Payload(change.SiteId, StaticExportJob.WholeSite), ct: ct);
        }
        else if (change.ArticleId > 0)
        {
            await jobs.EnqueueAsync(JobType, StaticExportJob.Payload(change.SiteId, change.ArticleId), ct: ct);
        }
    }
}

/// <summary>
/// Exports one site's changed articles, or the whole site, into its export folder. Other pending
/// re-exports of the same site are folded into the same pass (a burst of saves, an import) and
/// marked done after it. Files are written to a temporary name and renamed, so a crash mid-export
/// leaves the previous file, and the job's lease expires and the export runs again.
/// </summary>
public sealed class StaticExportJob(GovSiteDb db, SiteDirectory directory, StaticExportOptions options, StaticExporter exporter,
    PageRenderer renderer, TimeProvider clock, ILogger<StaticExportJob> log) : IJobHandler
{
    public const int WholeSite = 0;

    public static string Payload(int siteId, int articleId) =>
        string.Create(CultureInfo.InvariantCulture, $"{siteId}:{articleId}");

    private static (int SiteId, int ArticleId)? Parse(string? payload) =>
        payload?.Split(':') is [var s, var a]
        && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var site)
        && int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var article)
            ? (site, article) : null;

    public async Task HandleAsync(Job job, CancellationToken ct)
    {
        if (Parse(job.Payload) is not var (siteId, articleId) || options.Root is null
            || directory.FindById(siteId) is not { MainHost: not null } info || !Directory.Exists(options.DirectoryFor(info)))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{siteId}:");
        var others = await db.Set<Job>().AsNoTracking()
            .Where(j => j.Type == StaticExportFollower.JobType && j.Status == JobStatus.Pending && j.RunAt <= now
                        && j.Payload != null && j.Payload.StartsWith(prefix) && j.Id != job.Id)
            .OrderBy(j => j.Id).Take(1000).ToListAsync(ct);
        var articles = others.Select(j => Parse(j.Payload)?.ArticleId ?? WholeSite).Append(articleId).Distinct().ToList();
        var whole = articles.Contains(WholeSite);
        await using var session = renderer.For(info, options.Scheme, allArticles: whole);
        var report = whole
            ? await exporter.ExportAllAsync(info, options.DirectoryFor(info), session, ct)
            : await exporter.ExportArticlesAsync(info, options.DirectoryFor(info), session, articles, ct);
        log.LogInformation("Static export of {Site}: {Written} files rewritten, {Deleted} deleted in {Ms} ms",
            info.Code, report.Written, report.Deleted, (int)report.Elapsed.TotalMilliseconds);
        // Only the ones still pending: a job another worker leased meanwhile runs again, harmlessly.
        var ids = others.Select(j => j.Id).ToArray();
        await db.Set<Job>().Where(j => ids.Contains(j.Id) && j.Status == JobStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Succeeded).SetProperty(j => j.CompletedAt, now), ct);
    }
}
