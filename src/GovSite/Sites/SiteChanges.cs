using System.Globalization;
using GovSite.Data;
using GovSite.PublicSite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovSite.Sites;

/// <summary>
/// One announced change to what the public sees of a site. <see cref="Kind"/> is "content" (every
/// page may have changed: theme, navigation, topics, mourning mode), "registry" (as content, and
/// the site's registry entry: name, domains, codes in the footer, lifecycle) or "pages" (only the
/// cached pages carrying <see cref="Tags"/>). <see cref="ArticleId"/> names the published article
/// a "pages" change is about, <see cref="ReExportSite"/> asks for the whole static export again.
/// </summary>
public sealed record SiteChange(string Kind, int SiteId, IReadOnlyCollection<string> Tags, int ArticleId = 0, bool ReExportSite = false)
{
    public bool WholeSite => Kind != "pages";

    /// <summary>As sent to the other nodes: "kind:siteId[:tag tag …]" (what they follow: caches, not exports).</summary>
    public string Payload => $"{Kind}:{SiteId.ToString(CultureInfo.InvariantCulture)}" + (Tags.Count == 0 ? "" : ":" + string.Join(' ', Tags));

    /// <summary>Reads another node's <see cref="Payload"/>; null for anything malformed.</summary>
    public static SiteChange? Parse(string payload)
    {
        var parts = payload.Split(':', 3);
        if (parts.Length < 2 || parts[0] is not ("content" or "registry" or "pages")
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var siteId))
        {
            return null;
        }
        var tags = parts.Length == 3 ? parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        return parts[0] == "pages" && tags.Length == 0 ? null : new SiteChange(parts[0], siteId, tags);
    }
}

/// <summary>
/// Something that must follow every <see cref="SiteChange"/>: the page cache, the site directory,
/// the static re-export, the service answer cards. Followers are registered in DI
/// (<c>AddScoped&lt;ISiteChangeFollower, …&gt;</c>). Followers whose state is in the database
/// (search index, monitoring's publish record, near-duplicate index, disclosure catalogue counts)
/// are <see cref="Publishing.IArticleObserver"/>s instead, called in the writer's transaction.
/// </summary>
public interface ISiteChangeFollower
{
    /// <param name="here">
    /// True on the node where the change was made, in the writer's scope (inside its transaction
    /// if it holds one); false when another node announced it (or this node's own announcement
    /// coming back through PostgreSQL after the commit).
    /// </param>
    Task FollowAsync(SiteChange change, bool here, CancellationToken ct);
}

/// <summary>
/// The one way to say that what the public sees of a site changed. Every writer of public
/// content calls it after saving (library items and placements, messages and replies,
/// consultations, surveys, interviews, services, themes, topics, registry, lifecycle, mourning
/// mode, the disclosure catalogue, error-report answers); every <see cref="ISiteChangeFollower"/>
/// follows it here, and on PostgreSQL a NOTIFY, delivered when the writer's transaction commits,
/// makes every node's <see cref="SiteChangeListener"/> follow it too. On SQLite there is one process.
/// </summary>
public sealed class SiteChanges(GovSiteDb db, IEnumerable<ISiteChangeFollower> followers)
{
    public const string Channel = "govsite_site_changes";

    /// <summary>
    /// Every page of the site may have changed (theme, navigation, topics): evict them all on every
    /// node, and export the whole site again where it is exported.
    /// </summary>
    public Task ContentChangedAsync(int siteId, CancellationToken ct = default) =>
        AnnounceAsync(new SiteChange("content", siteId, []), ct);

    /// <summary>The site's registry entry changed (name, domains, codes in the footer): as <see cref="ContentChangedAsync"/>.</summary>
    public Task RegistryChangedAsync(int siteId, CancellationToken ct = default) =>
        AnnounceAsync(new SiteChange("registry", siteId, []), ct);

    /// <summary>An article was published, edited or withdrawn: evict the pages that show it, re-export it.</summary>
    public async Task ArticleChangedAsync(Publishing.Article article, int previousColumnId, int? previousInterpretsId,
        CancellationToken ct = default)
    {
        var columns = await db.Columns.AsNoTracking().IgnoreQueryFilters().Where(c => c.SiteId == article.SiteId).ToListAsync(ct);
        var interpretations = await db.Articles.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.SiteId == article.SiteId && a.InterpretsId == article.Id).Select(a => a.Id).ToListAsync(ct);
        var linked = interpretations.Concat(new[] { article.InterpretsId, previousInterpretsId }.OfType<int>());
        var tags = PageTags.ForArticle(columns, article.SiteId, article.Id,
            previousColumnId == 0 ? [article.ColumnId] : [article.ColumnId, previousColumnId], linked);
        await AnnounceAsync(Pages(article.SiteId, tags, article.Id, false), ct);
    }

    /// <summary>
    /// Only some of a site's pages changed (a reply published, a consultation opened): evict just
    /// the cached pages carrying these <see cref="PageTags"/>, here and on every node; with
    /// <paramref name="reExportSite"/> the site's static export is made again too (its pages show it).
    /// </summary>
    public Task PagesChangedAsync(int siteId, IReadOnlyCollection<string> tags, bool reExportSite, CancellationToken ct = default) =>
        AnnounceAsync(Pages(siteId, tags, 0, reExportSite), ct);

    /// <summary>As above, for pages that are not exported (or are exported with the article that changed).</summary>
    public Task PagesChangedAsync(int siteId, IReadOnlyCollection<string> tags, CancellationToken ct = default) =>
        PagesChangedAsync(siteId, tags, reExportSite: false, ct);

    // NOTIFY payloads stop at 8000 bytes; a change touching that many pages evicts the whole site.
    private static SiteChange Pages(int siteId, IReadOnlyCollection<string> tags, int articleId, bool reExportSite) =>
        tags.Count == 0 || tags.Sum(t => t.Length + 1) >= 7000
            ? new SiteChange("content", siteId, [])
            : new SiteChange("pages", siteId, tags, articleId, reExportSite);

    private async Task AnnounceAsync(SiteChange change, CancellationToken ct)
    {
        foreach (var follower in followers)
        {
            await follower.FollowAsync(change, here: true, ct);
        }
        if (db.Database.IsNpgsql())
        {
            // Inside a transaction PostgreSQL holds the notification until the commit, so other
            // nodes never re-render from data they cannot see yet.
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {change.Payload})", ct);
        }
    }
}

/// <summary>Drops the cached public pages a change touches (on every node).</summary>
public sealed class PageCacheFollower(PublicPageCache pages) : ISiteChangeFollower
{
    public Task FollowAsync(SiteChange change, bool here, CancellationToken ct)
    {
        if (change.WholeSite)
        {
            pages.Evict(PublicPageCachePolicy.SiteTag(change.SiteId));
        }
        else
        {
            foreach (var tag in change.Tags)
            {
                pages.Evict(tag);
            }
        }
        return Task.CompletedTask;
    }
}

/// <summary>Reloads the host → site directory after a registry change (on every node).</summary>
public sealed class SiteDirectoryFollower(SiteDirectory directory) : ISiteChangeFollower
{
    public Task FollowAsync(SiteChange change, bool here, CancellationToken ct)
    {
        if (change.Kind == "registry")
        {
            directory.Invalidate();
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Makes every node follow other nodes' <see cref="SiteChanges"/> announcements (PostgreSQL only).
/// A lost connection (a database restart) is reopened; as anything announced meanwhile is
/// unknown, the node then starts clean: every cached page and the site directory are dropped.
/// </summary>
public sealed class SiteChangeListener(DataOptions options, IServiceScopeFactory scopes, SiteDirectory directory,
    PublicPageCache pages, ILogger<SiteChangeListener> log) : BackgroundService
{
    /// <summary>True while the LISTEN connection is open (the readiness check and tests read it).</summary>
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.UsesPostgres)
        {
            return;
        }
        var delay = TimeSpan.FromMilliseconds(250);
        var everListened = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(options.PostgresConnection);
                await connection.OpenAsync(stoppingToken);
                var received = new List<string>();
                connection.Notification += (_, e) => received.Add(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {SiteChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (everListened)
                {
                    // Back after a loss: connections opened while the database was still going
                    // down may have gone back to the pool broken.
                    NpgsqlConnection.ClearAllPools();
                }
                directory.Invalidate();
                pages.Clear();
                Listening = true;
                everListened = true;
                delay = TimeSpan.FromMilliseconds(250);
                log.LogInformation("Following site changes of every node");
                while (!stoppingToken.IsCancellationRequested)
                {
                    // Wakes at least every 30 s to find out that a silent connection has died.
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                    foreach (var payload in received)
                    {
                        await FollowAsync(payload, stoppingToken);
                    }
                    received.Clear();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (Listening)
                {
                    // The database went away (a restart, a failover): every idle connection in the
                    // pool is as dead as this one, and the first request to take one after the
                    // database is back would fail with it. Dropping them now means new ones then.
                    NpgsqlConnection.ClearAllPools();
                }
                Listening = false;
                log.LogWarning(ex, "Lost the site change feed; reconnecting in {Delay} ms", (int)delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                // At most a second between attempts: a change made once the database is back
                // reaches this node's cache no later than that (the reconnection drops the cache).
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
            }
        }
    }

    private async Task FollowAsync(string payload, CancellationToken ct)
    {
        if (SiteChange.Parse(payload) is not { } change)
        {
            log.LogWarning("Ignored a malformed site change announcement: {Payload}", payload);
            return;
        }
        using var scope = scopes.CreateScope();
        foreach (var follower in scope.ServiceProvider.GetServices<ISiteChangeFollower>())
        {
            try
            {
                await follower.FollowAsync(change, here: false, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One follower's failure must not keep the others (the page cache) from following.
                log.LogError(ex, "{Follower} could not follow {Payload}", follower.GetType().Name, payload);
            }
        }
    }
}
