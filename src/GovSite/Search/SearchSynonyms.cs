using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovSite.Search;

/// <summary>
/// The synonym table in the database feeds the one <see cref="SearchText"/> of this process.
/// After a platform admin's change, <see cref="ChangedAsync"/> reloads it here and, on
/// PostgreSQL, NOTIFYs the other nodes, whose <see cref="SearchSynonymListener"/> reloads theirs.
/// </summary>
public sealed class SearchSynonyms(GovSiteDb db, SearchText text)
{
    public const string Channel = "govsite_search_synonyms";

    public async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.SearchSynonyms.AsNoTracking().ToListAsync(ct);
        text.Use(SearchVocabulary.FromTable(rows));
    }

    /// <summary>Call after the change is committed.</summary>
    public async Task ChangedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", ct);
        }
    }
}

/// <summary>Reloads the synonym table when another node announces a change (PostgreSQL only).</summary>
public sealed class SearchSynonymListener(DataOptions options, IServiceScopeFactory scopes, ILogger<SearchSynonymListener> log)
    : BackgroundService
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
                var changed = 0;
                connection.Notification += (_, _) => changed = 1;
                await using (var listen = new NpgsqlCommand($"LISTEN {SearchSynonyms.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Changes announced while we were not listening are unknown: load now.
                await ReloadAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    // Notifications arrive inside WaitAsync; reload outside the handler, once per burst.
                    if (Interlocked.Exchange(ref changed, 0) == 1)
                    {
                        await ReloadAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Lost the synonym change feed; retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SearchSynonyms>().LoadAsync(ct);
    }
}
