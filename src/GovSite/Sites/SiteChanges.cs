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
public sealed class SiteChanges(GovSiteDb db, SiteDirectory directory, IOutputCacheStore cache)
{
    public const string Channel = "govsite_site_changes";

    public Task ContentChangedAsync(int siteId, CancellationToken ct = default) => AnnounceAsync("content", siteId, ct);

    public Task RegistryChangedAsync(int siteId, CancellationToken ct = default) => AnnounceAsync("registry", siteId, ct);

    private async Task AnnounceAsync(string kind, int siteId, CancellationToken ct)
    {
        await ApplyAsync(directory, cache, kind, siteId, ct);
        if (db.Database.IsNpgsql())
        {
            var payload = $"{kind}:{siteId.ToString(CultureInfo.InvariantCulture)}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    internal static async Task ApplyAsync(SiteDirectory directory, IOutputCacheStore cache, string kind, int siteId, CancellationToken ct)
    {
        if (kind == "registry")
        {
            directory.Invalidate();
        }
        await cache.EvictByTagAsync(PublicPageCachePolicy.SiteTag(siteId), ct);
    }
}

/// <summary>Applies other nodes' <see cref="SiteChanges"/> announcements on this node (PostgreSQL only).</summary>
public sealed class SiteChangeListener(DataOptions options, SiteDirectory directory, IOutputCacheStore cache,
    ILogger<SiteChangeListener> log) : BackgroundService
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
                connection.Notification += (_, e) =>
                {
                    var parts = e.Payload.Split(':');
                    if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var siteId))
                    {
                        SiteChanges.ApplyAsync(directory, cache, parts[0], siteId, CancellationToken.None).GetAwaiter().GetResult();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {SiteChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Anything announced while we were not listening is unknown: start clean.
                directory.Invalidate();
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
