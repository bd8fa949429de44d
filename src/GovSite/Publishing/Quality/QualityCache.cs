using System.Collections.Concurrent;

namespace GovSite.Publishing.Quality;

/// <summary>
/// Built matchers, kept per key (the platform's lists, one site's lists, the serious-error
/// dictionary) together with the stamp of the rows they were built from. A gate passes the
/// stamp it just read from the database; a different stamp means another node (or this one)
/// changed a list, and the matcher is rebuilt. No messages between nodes are needed: the
/// versions in the shared database are the message.
/// </summary>
public sealed class QualityCache(TimeProvider clock)
{
    private sealed record Entry(string Stamp, object Value, DateTime BuiltAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // One build at a time: two requests that both find a stale 100,000-term matcher build it once.
    private readonly SemaphoreSlim _building = new(1, 1);

    public async Task<T> GetAsync<T>(string key, string stamp, Func<CancellationToken, Task<T>> build, CancellationToken ct,
        TimeSpan? maxAge = null)
        where T : class
    {
        if (Fresh(key, stamp, maxAge) is T cached)
        {
            return cached;
        }
        await _building.WaitAsync(ct);
        try
        {
            if (Fresh(key, stamp, maxAge) is T again)
            {
                return again;
            }
            var value = await build(ct);
            _entries[key] = new Entry(stamp, value, clock.GetUtcNow().UtcDateTime);
            return value;
        }
        finally
        {
            _building.Release();
        }
    }

    private object? Fresh(string key, string stamp, TimeSpan? maxAge) =>
        _entries.TryGetValue(key, out var e) && e.Stamp == stamp &&
        (maxAge is null || clock.GetUtcNow().UtcDateTime - e.BuiltAt < maxAge)
            ? e.Value
            : null;
}
