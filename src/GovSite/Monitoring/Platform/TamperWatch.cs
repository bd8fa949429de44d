using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Monitoring.Platform;

/// <summary>
/// Tamper detection for hosted sites (篡改监测). Each watched public page has a baseline hash of
/// its main content. A later fetch with a different hash is explained by a publish event of the
/// page's article (or, for listing pages, of any article of the site) since the baseline; with
/// none, the change did not come through the publishing workflow and raises an alert.
/// </summary>
public sealed partial class TamperWatch(GovSiteDb db, IHttpClientFactory http, TimeProvider clock, MonitoringOptions options,
    HostedSiteRoute route, ILogger<TamperWatch> log)
{
    public sealed record Outcome(int Pages, int Alerts);

    public async Task<Outcome> CheckSiteAsync(int monitoredSiteId, CancellationToken ct = default)
    {
        var site = await db.MonitoredSites.AsNoTracking().FirstOrDefaultAsync(m => m.Id == monitoredSiteId, ct);
        if (site?.SiteId is not int siteId || !site.IsActive)
        {
            return new(0, 0);
        }
        var pages = await WatchedPagesAsync(siteId, ct);
        var baselines = await db.PageBaselines.Where(b => b.MonitoredSiteId == site.Id).ToDictionaryAsync(b => b.Path, ct);
        var client = http.CreateClient(MonitoringOptions.HttpClientName);
        // The pages are read through this node, as the public would see them, without a round trip through the internet.
        var code = await db.Sites.IgnoreQueryFilters().Where(s => s.Id == siteId).Select(s => s.Code).FirstAsync(ct);
        var homepage = route.FetchUrl(site, code);
        var alerts = 0;
        foreach (var (path, articleId) in pages)
        {
            var content = await FetchMainContentAsync(client, homepage, path, ct);
            if (content is null)
            {
                continue;
            }
            var hash = Hash(content);
            var now = clock.GetUtcNow().UtcDateTime;
            if (!baselines.TryGetValue(path, out var baseline))
            {
                db.PageBaselines.Add(new PageBaseline
                {
                    MonitoredSiteId = site.Id, Path = path, ArticleId = articleId, Hash = hash, TakenAt = now, CheckedAt = now,
                });
                continue;
            }
            baseline.CheckedAt = now;
            if (baseline.Hash == hash)
            {
                continue;
            }
            var explained = await db.PublishEvents.AnyAsync(e => e.SiteId == siteId && e.EffectiveAt > baseline.TakenAt && e.EffectiveAt <= now &&
                (baseline.ArticleId == null || e.ArticleId == baseline.ArticleId), ct);
            if (!explained)
            {
                alerts++;
                log.LogWarning("Possible tampering: {Url}{Path} changed with no publish event since {Baseline}", site.Url, path, baseline.TakenAt);
                db.TamperAlerts.Add(new TamperAlert
                {
                    MonitoredSiteId = site.Id, Path = path, ArticleId = baseline.ArticleId, DetectedAt = now,
                    BaselineAt = baseline.TakenAt, OldHash = baseline.Hash, NewHash = hash,
                    Excerpt = content.Length > 500 ? content[..500] : content,
                });
            }
            // The alert stays open until a person resolves it; the new content becomes the
            // baseline so the same change is not reported again every hour.
            baseline.Hash = hash;
            baseline.TakenAt = now;
        }
        // Pages no longer watched (an article dropped out of the newest N) lose their baseline.
        var watched = pages.Select(p => p.Path).ToHashSet();
        db.PageBaselines.RemoveRange(baselines.Values.Where(b => !watched.Contains(b.Path)));
        await db.SaveChangesAsync(ct);
        return new(pages.Count, alerts);
    }

    /// <summary>The homepage, the top-level columns and the newest published articles.</summary>
    private async Task<List<(string Path, int? ArticleId)>> WatchedPagesAsync(int siteId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var columns = await db.Columns.AsNoTracking()
            .Where(c => c.SiteId == siteId && c.ParentId == null && c.IsVisible && !c.IsSubSite)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var articles = await ArticleService.Visible(db.Articles.AsNoTracking().Where(a => a.SiteId == siteId), now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(options.TamperArticles)
            .Select(a => a.Id).ToListAsync(ct);
        var pages = new List<(string, int?)> { ("/", null) };
        pages.AddRange(columns.Select(id => ($"/columns/{id}", (int?)null)));
        pages.AddRange(articles.Select(id => ($"/articles/{id}", (int?)id)));
        return pages;
    }

    private async Task<string?> FetchMainContentAsync(HttpClient client, string homepage, string path, CancellationToken ct)
    {
        var url = new Uri(new Uri(homepage), path.TrimStart('/'));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.ProbeTimeout);
            using var response = await client.GetAsync(url, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            return MainContent(await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // Unreachable pages are the availability probes' business, not tampering.
            log.LogInformation(ex, "Tamper check could not fetch {Url}", url);
            return null;
        }
    }

    /// <summary>The page's main region as normalised HTML: markup counts (an injected link is tampering), spacing does not.</summary>
    public static string MainContent(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var main = document.QuerySelector("main") ?? document.Body;
        return Spaces().Replace(main?.InnerHtml ?? "", " ").Trim();
    }

    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
