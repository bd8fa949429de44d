using System.Globalization;
using GovSite.Data;
using GovSite.PublicSite;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovSite.Sites;

/// <summary>
/// Announces that a site's content or registry entry changed, so that every GovSite node drops
/// what it cached: the site's rendered pages and, for registry changes, the site snapshot.
/// Call it after the change is committed. On PostgreSQL the announcement is a NOTIFY that the
/// other nodes LISTEN for (see <see cref="SiteChangeListener"/>); on SQLite there is one
/// process and only the local step.
/// </summary>
public sealed class SiteChanges(GovSiteDb db, SiteDirectory directory, IOutputCacheStore cache,
    PublicSite.StaticExport.StaticExportQueue exports)
{
    public const string Channel = "govsite_site_changes";

    /// <summary>
    /// Every page of the site may have changed (theme, navigation, topics): evict them all on every
    /// node, and export the whole site again where it is exported. Only the node where the change
    /// was made exports; the others only evict.
    /// </summary>
    public Task ContentChangedAsync(int siteId, CancellationToken ct = default)
    {
        exports.EnqueueSite(siteId);
        return AnnounceAsync("content", siteId, ct);
    }

    /// <summary>The site's registry entry changed (name, domains, codes in the footer): as <see cref="ContentChangedAsync"/>.</summary>
    public Task RegistryChangedAsync(int siteId, CancellationToken ct = default)
    {
        exports.EnqueueSite(siteId);
        return AnnounceAsync("registry", siteId, ct);
    }

    /// <summary>An article was published, edited or withdrawn: evict the pages that show it.</summary>
    public async Task ArticleChangedAsync(Publishing.Article article, int previousColumnId, int? previousInterpretsId,
        CancellationToken ct = default)
    {
        var columns = await db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => c.SiteId == article.SiteId).ToListAsync(ct);
        var interpretations = await db.Articles.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.SiteId == article.SiteId && a.InterpretsId == article.Id).Select(a => a.Id).ToListAsync(ct);
        var linked = interpretations.Concat(new[] { article.InterpretsId, previousInterpretsId }.OfType<int>());
        var tags = PageTags.ForArticle(columns, article.SiteId, article.Id,
            previousColumnId == 0 ? [article.ColumnId] : [article.ColumnId, previousColumnId], linked);
        await PagesChangedAsync(article.SiteId, tags, ct);
    }

    /// <summary>
    /// Only some of a site's pages changed (an article published, edited or withdrawn): evict
    /// just the cached pages carrying these <see cref="PageTags"/>, here and on every node.
    /// </summary>
    public Task PagesChangedAsync(int siteId, IReadOnlyCollection<string> tags, CancellationToken ct = default) =>
        // NOTIFY payloads stop at 8000 bytes; a change touching that many pages evicts the whole site.
        AnnounceAsync("pages", siteId, ct, string.Join(' ', tags) is { Length: < 7000 } joined ? joined : null);

    private async Task AnnounceAsync(string kind, int siteId, CancellationToken ct, string? tags = null)
    {
        if (kind == "pages" && tags is null)
        {
            kind = "content";
        }
        await ApplyAsync(directory, cache, kind, siteId, tags, ct);
        if (db.Database.IsNpgsql())
        {
            var payload = $"{kind}:{siteId.ToString(CultureInfo.InvariantCulture)}" + (tags is null ? "" : ":" + tags);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    internal static async Task ApplyAsync(SiteDirectory directory, IOutputCacheStore cache, string kind, int siteId, string? tags,
        CancellationToken ct)
    {
        if (kind == "registry")
        {
            directory.Invalidate();
        }
        if (kind == "pages" && tags is not null)
        {
            foreach (var tag in tags.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                await cache.EvictByTagAsync(tag, ct);
            }
            return;
        }
        await cache.EvictByTagAsync(PublicPageCachePolicy.SiteTag(siteId), ct);
    }

    /// <summary>Applies an announcement received from another node: "kind:siteId[:tags]".</summary>
    internal static void ApplyPayload(SiteDirectory directory, IOutputCacheStore cache, string payload)
    {
        var parts = payload.Split(':', 3);
        if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var siteId))
        {
            ApplyAsync(directory, cache, parts[0], siteId, parts.Length == 3 ? parts[2] : null, CancellationToken.None)
                .GetAwaiter().GetResult();
        }
    }
}

/// <summary>Applies other nodes' <see cref="SiteChanges"/> announcements on this node (PostgreSQL only).</summary>
public sealed class SiteChangeListener(DataOptions options, SiteDirectory directory, IOutputCacheStore cache,
    PublicPageCache pages, ILogger<SiteChangeListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.UsesPostgres)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(options.PostgresConnection);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => SiteChanges.ApplyPayload(directory, cache, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {SiteChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Anything announced while we were not listening is unknown: start clean.
                directory.Invalidate();
                pages.Clear();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Lost the change feed connection; retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
