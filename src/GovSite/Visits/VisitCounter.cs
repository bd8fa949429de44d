using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Visits;

public sealed class VisitOptions
{
    /// <summary>False: no counting script on public pages and the counting endpoint ignores what it gets.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a node writes what it counted to the database.</summary>
    public int FlushSeconds { get; set; } = 5;

    /// <summary>A "visitor" viewing more pages than this in a day is a script: the rest of its views are not counted.</summary>
    public int MaxViewsPerVisitorPerDay { get; set; } = 300;

    /// <summary>Views held between flushes at most (a database that is down must not exhaust memory).</summary>
    public int MaxPending { get; set; } = 1_000_000;
}

/// <summary>One counted page view, already keyed: the visitor and (visitor, page) keys under the day's salt.</summary>
public readonly record struct PageView(int SiteId, DateOnly Day, string Path, int? ColumnId, long VisitorKey, long PageKey,
    string Referrer, string Device);

/// <summary>
/// Counts page views in memory and writes them as daily aggregates (<see cref="VisitTally"/>) every
/// few seconds. Unique visitors are keyed hashes under a salt that lives for one day
/// (<see cref="VisitSalt"/>, shared by the nodes); whether a key is new today is decided by the
/// database (<see cref="VisitorMark"/>), so two nodes seeing the same visitor count it once.
/// </summary>
public sealed class VisitCounter(IServiceScopeFactory scopes, TimeProvider clock, IOptions<VisitOptions> options, ILogger<VisitCounter> logger)
{
    public const int MaxPathLength = 300;

    private readonly ConcurrentQueue<PageView> _pending = new();
    private int _pendingCount;
    private readonly SemaphoreSlim _saltLock = new(1, 1);
    private readonly SemaphoreSlim _flushLock = new(1, 1);
    private volatile DaySalt? _salt;
    private ConcurrentDictionary<long, int> _viewsPerVisitor = new();
    private DateOnly _viewsDay;

    private sealed record DaySalt(DateOnly Day, byte[] Key);

    public VisitOptions Options => options.Value;

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    public int Pending => Volatile.Read(ref _pendingCount);

    /// <summary>Counts one view; false when it was left out (behaviour of a script, or the buffer is full).</summary>
    public async ValueTask<bool> CountAsync(int siteId, string path, int? columnId, string address, string userAgent,
        string referrer, string device, CancellationToken ct)
    {
        var day = Today;
        var salt = _salt is { } s && s.Day == day ? s : await SaltAsync(day, ct);
        var visitor = Key(salt.Key, $"{address}\n{userAgent}\n{siteId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        if (_viewsDay != day)
        {
            _viewsPerVisitor = new();
            _viewsDay = day;
        }
        if (_viewsPerVisitor.AddOrUpdate(visitor, 1, (_, n) => n + 1) > options.Value.MaxViewsPerVisitorPerDay)
        {
            return false;
        }
        var page = Key(salt.Key, $"{visitor.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{path}");
        return Enqueue(new PageView(siteId, day, path, columnId, visitor, page, referrer, device));
    }

    private bool Enqueue(PageView view)
    {
        if (Interlocked.Increment(ref _pendingCount) > options.Value.MaxPending)
        {
            Interlocked.Decrement(ref _pendingCount);
            return false;
        }
        _pending.Enqueue(view);
        return true;
    }

    internal static long Key(byte[] salt, string text)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    /// <summary>
    /// The day's salt: made by the first node that needs it, read by the others. Yesterday's salt
    /// and marks are deleted on the way, so yesterday's hashes can no longer be recomputed.
    /// </summary>
    private async Task<DaySalt> SaltAsync(DateOnly day, CancellationToken ct)
    {
        await _saltLock.WaitAsync(ct);
        try
        {
            if (_salt is { } current && current.Day == day)
            {
                return current;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "VisitSalts" ("Day", "Salt") VALUES ({0}, {1}) ON CONFLICT ("Day") DO NOTHING""",
                [day, RandomNumberGenerator.GetBytes(32)], ct);
            var key = await db.VisitSalts.Where(x => x.Day == day).Select(x => x.Salt).SingleAsync(ct);
            await db.VisitSalts.Where(x => x.Day < day).ExecuteDeleteAsync(ct);
            await db.VisitorMarks.Where(x => x.Day < day).ExecuteDeleteAsync(ct);
            return _salt = new DaySalt(day, key);
        }
        finally
        {
            _saltLock.Release();
        }
    }

    /// <summary>Writes everything counted so far; returns the number of views written.</summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        await _flushLock.WaitAsync(ct);
        var views = new List<PageView>();
        try
        {
            while (_pending.TryDequeue(out var view))
            {
                Interlocked.Decrement(ref _pendingCount);
                views.Add(view);
            }
            if (views.Count == 0)
            {
                return 0;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            var tally = new VisitTally();
            var fresh = await VisitStore.NewMarksAsync(db, views.SelectMany(v => new[] { (v.Day, v.VisitorKey), (v.Day, v.PageKey) }), ct);
            foreach (var v in views)
            {
                var newVisitor = fresh.Remove((v.Day, v.VisitorKey));
                var newPageVisitor = fresh.Remove((v.Day, v.PageKey));
                tally.Add(v.SiteId, v.Day, v.Path, v.ColumnId, v.Referrer, v.Device, newVisitor, newPageVisitor);
            }
            await VisitStore.AddAsync(db, tally, ct);
            return views.Count;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // Kept for the next flush (up to the buffer's limit): a database that blinks loses nothing.
            logger.LogError(ex, "Writing {Count} counted views failed; they are kept for the next attempt", views.Count);
            foreach (var v in views)
            {
                Enqueue(v);
            }
            return 0;
        }
        finally
        {
            _flushLock.Release();
        }
    }
}

/// <summary>Writes what a node counted every few seconds, and once more when it stops.</summary>
public sealed class VisitFlusher(VisitCounter counter) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, counter.Options.FlushSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await counter.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await counter.FlushAsync(CancellationToken.None);
    }
}
