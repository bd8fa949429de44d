using System.Threading.Channels;
using GovSite.Publishing;
using GovSite.Sites;

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

/// <summary>After each publish, edit or withdrawal, re-exports the affected pages of an exported site.</summary>
public sealed class StaticExportObserver(StaticExportOptions options, StaticExportQueue queue) : IArticleObserver
{
    public Task ArticleChangedAsync(Article article, CancellationToken ct)
    {
        if (options.Root is not null)
        {
            queue.Enqueue(article.SiteId, article.Id);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Runs re-exports outside the writer's request: the observer is called inside the writer's
/// transaction, and pages rendered before the commit would not show the change yet.
/// </summary>
public sealed class StaticExportQueue : BackgroundService
{
    private readonly Channel<(int SiteId, int ArticleId)> _work = Channel.CreateUnbounded<(int, int)>();
    private readonly IServiceScopeFactory _scopes;
    private readonly StaticExportOptions _options;
    private readonly ILogger<StaticExportQueue> _log;
    private int _pending;

    public StaticExportQueue(IServiceScopeFactory scopes, StaticExportOptions options, ILogger<StaticExportQueue> log)
    {
        _scopes = scopes;
        _options = options;
        _log = log;
    }

    /// <summary>Re-exports queued or running; tests wait for zero.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(int siteId, int articleId)
    {
        Interlocked.Increment(ref _pending);
        _work.Writer.TryWrite((siteId, articleId));
    }

    /// <summary>The whole site is exported again (a theme or the navigation shows on every page).</summary>
    public void EnqueueSite(int siteId)
    {
        if (_options.Root is not null)
        {
            Enqueue(siteId, WholeSite);
        }
    }

    private const int WholeSite = 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var first in _work.Reader.ReadAllAsync(stoppingToken))
        {
            // A short pause lets the writer's transaction commit and gathers a burst of saves into one pass.
            await Task.Delay(200, stoppingToken);
            var batch = new List<(int SiteId, int ArticleId)> { first };
            while (_work.Reader.TryRead(out var more))
            {
                batch.Add(more);
            }
            try
            {
                using var scope = _scopes.CreateScope();
                var directory = scope.ServiceProvider.GetRequiredService<SiteDirectory>();
                var exporter = scope.ServiceProvider.GetRequiredService<StaticExporter>();
                var renderer = scope.ServiceProvider.GetRequiredService<PageRenderer>();
                foreach (var site in batch.GroupBy(b => b.SiteId))
                {
                    if (directory.FindById(site.Key) is { MainHost: not null } info
                        && Directory.Exists(_options.DirectoryFor(info)))
                    {
                        var whole = site.Any(b => b.ArticleId == WholeSite);
                        await using var session = renderer.For(info, _options.Scheme, allArticles: whole);
                        var report = whole
                            ? await exporter.ExportAllAsync(info, _options.DirectoryFor(info), session, stoppingToken)
                            : await exporter.ExportArticlesAsync(info, _options.DirectoryFor(info), session,
                                site.Select(b => b.ArticleId).Distinct(), stoppingToken);
                        _log.LogInformation("Static export of {Site}: {Written} files rewritten, {Deleted} deleted in {Ms} ms",
                            info.Code, report.Written, report.Deleted, (int)report.Elapsed.TotalMilliseconds);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogError(ex, "Static re-export failed; run `govsite publish-static --incremental` to catch up");
            }
            finally
            {
                Interlocked.Add(ref _pending, -batch.Count);
            }
        }
    }
}
