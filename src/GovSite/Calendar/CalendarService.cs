using GovSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Calendar;

/// <summary>
/// The platform's one working-day calendar: the shipped 2019–2026 dates overlaid with the dates
/// stored in the database (imported years, local holidays). Every deadline in GovSite asks it.
/// The snapshot is rebuilt after a change here and every few minutes (changes made on another node).
/// </summary>
public sealed class CalendarService(IServiceScopeFactory scopes, IOptions<CalendarOptions> options, TimeProvider clock)
{
    private static readonly IReadOnlyList<ListedDay> Shipped = ShippedHolidays.Load();
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    private sealed record Snapshot(WorkingCalendar Calendar, DateTimeOffset LoadedAt);

    /// <summary>The current calendar; loads it synchronously on first use.</summary>
    public WorkingCalendar Current
    {
        get
        {
            var s = _snapshot;
            if (s is null || clock.GetUtcNow() - s.LoadedAt > MaxAge)
            {
                s = ReloadAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            return s.Calendar;
        }
    }

    /// <summary>The shipped calendar alone, without anything stored in the database.</summary>
    public static WorkingCalendar ShippedOnly(CalendarOptions? options = null) => new(Shipped, options);

    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> ReloadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } fresh && clock.GetUtcNow() - fresh.LoadedAt <= MaxAge)
            {
                return fresh;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GovSiteDb>();
            var stored = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
            var days = Shipped.Concat(stored.Select(d => new ListedDay(d.Date, d.IsOffDay, d.Name)));
            var snapshot = new Snapshot(new WorkingCalendar(days, options.Value), clock.GetUtcNow());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Stores the days (replacing stored ones on the same dates) and rebuilds the calendar.</summary>
    public async Task<int> StoreAsync(GovSiteDb db, IEnumerable<ListedDay> days, string source, CancellationToken ct)
    {
        var list = days.GroupBy(d => d.Date).Select(g => g.Last()).ToList();
        var dates = list.Select(d => d.Date).ToList();
        var existing = await db.CalendarDays.Where(d => dates.Contains(d.Date)).ToDictionaryAsync(d => d.Date, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var day in list)
        {
            if (!existing.TryGetValue(day.Date, out var row))
            {
                row = new CalendarDay { Date = day.Date };
                db.CalendarDays.Add(row);
            }
            row.IsOffDay = day.IsOffDay;
            row.Name = day.Name.Length > 50 ? day.Name[..50] : day.Name;
            row.Source = source;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        Invalidate();
        return list.Count;
    }

    public async Task<bool> RemoveAsync(GovSiteDb db, int id, CancellationToken ct)
    {
        var removed = await db.CalendarDays.Where(d => d.Id == id).ExecuteDeleteAsync(ct) > 0;
        Invalidate();
        return removed;
    }
}
