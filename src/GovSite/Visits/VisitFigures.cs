using GovSite.Data;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Visits;

public sealed record VisitTotals(long Views, long Visitors);

public sealed record DayVisits(DateOnly Day, long Views, long Visitors);

public sealed record PageVisits(int SiteId, string Path, int? ColumnId, long Views, long Visitors);

public sealed record ColumnVisits(int SiteId, int ColumnId, string ColumnName, long Views, long Visitors);

public sealed record FacetVisits(string Value, long Views);

public sealed record QueryCount(string Query, int Searches, int Results);

/// <summary>
/// Reads the daily aggregates for one or more sites and a span of days. Visitors over a span are
/// the sum of each day's unique visitors: the salt changes every day, so nobody (GovSite included)
/// can tell that Monday's visitor came back on Tuesday. That is the 独立用户访问总量 the annual
/// report asks for, counted the way Plausible and GoatCounter count it.
/// </summary>
public sealed class VisitFigures(GovSiteDb db)
{
    public async Task<VisitTotals> TotalsAsync(IReadOnlyCollection<int> siteIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = db.SiteVisitDays.AsNoTracking().Where(x => siteIds.Contains(x.SiteId) && x.Day >= from && x.Day <= to);
        return new VisitTotals(await rows.SumAsync(x => (long?)x.Views, ct) ?? 0, await rows.SumAsync(x => (long?)x.Visitors, ct) ?? 0);
    }

    public async Task<List<DayVisits>> ByDayAsync(IReadOnlyCollection<int> siteIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.SiteVisitDays.AsNoTracking().Where(x => siteIds.Contains(x.SiteId) && x.Day >= from && x.Day <= to)
            .GroupBy(x => x.Day).Select(g => new { Day = g.Key, Views = g.Sum(x => x.Views), Visitors = g.Sum(x => x.Visitors) })
            .ToListAsync(ct);
        var byDay = rows.ToDictionary(r => r.Day);
        var days = new List<DayVisits>();
        // Every day of the span, with zeros where nothing was counted: a chart must not join across a gap.
        for (var d = from; d <= to && days.Count < 3700; d = d.AddDays(1))
        {
            days.Add(byDay.TryGetValue(d, out var r) ? new DayVisits(d, r.Views, r.Visitors) : new DayVisits(d, 0, 0));
        }
        return days;
    }

    public async Task<List<PageVisits>> TopPagesAsync(IReadOnlyCollection<int> siteIds, DateOnly from, DateOnly to, int top, CancellationToken ct)
    {
        var rows = await db.PageVisitDays.AsNoTracking().Where(x => siteIds.Contains(x.SiteId) && x.Day >= from && x.Day <= to)
            .GroupBy(x => new { x.SiteId, x.Path })
            .Select(g => new { g.Key.SiteId, g.Key.Path, ColumnId = g.Max(x => x.ColumnId), Views = g.Sum(x => x.Views), Visitors = g.Sum(x => x.Visitors) })
            .OrderByDescending(x => x.Views).ThenBy(x => x.Path).Take(top).ToListAsync(ct);
        return [.. rows.Select(r => new PageVisits(r.SiteId, r.Path, r.ColumnId, r.Views, r.Visitors))];
    }

    public async Task<List<ColumnVisits>> TopColumnsAsync(IReadOnlyCollection<int> siteIds, DateOnly from, DateOnly to, int top, CancellationToken ct)
    {
        var rows = await db.PageVisitDays.AsNoTracking()
            .Where(x => siteIds.Contains(x.SiteId) && x.Day >= from && x.Day <= to && x.ColumnId != null)
            .GroupBy(x => new { x.SiteId, ColumnId = x.ColumnId!.Value })
            .Select(g => new { g.Key.SiteId, g.Key.ColumnId, Views = g.Sum(x => x.Views), Visitors = g.Sum(x => x.Visitors) })
            .OrderByDescending(x => x.Views).Take(top).ToListAsync(ct);
        var ids = rows.Select(r => r.ColumnId).ToList();
        // Only the site's own columns are named: the column number came from the page, which anyone can send.
        var names = await db.Columns.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.SiteId, c.Name }).ToListAsync(ct);
        return [.. rows.Select(r => names.FirstOrDefault(n => n.Id == r.ColumnId && n.SiteId == r.SiteId) is { } n
                ? new ColumnVisits(r.SiteId, r.ColumnId, n.Name, r.Views, r.Visitors) : null)
            .OfType<ColumnVisits>()];
    }

    public async Task<List<FacetVisits>> FacetAsync(IReadOnlyCollection<int> siteIds, DateOnly from, DateOnly to, VisitFacet facet, int top, CancellationToken ct)
    {
        var rows = await db.VisitFacetDays.AsNoTracking()
            .Where(x => siteIds.Contains(x.SiteId) && x.Day >= from && x.Day <= to && x.Facet == facet)
            .GroupBy(x => x.Value).Select(g => new { Value = g.Key, Views = g.Sum(x => x.Views) })
            .OrderByDescending(x => x.Views).ThenBy(x => x.Value).Take(top).ToListAsync(ct);
        return [.. rows.Select(r => new FacetVisits(r.Value, r.Views))];
    }

    /// <summary>From Search's log: queries last searched in the span, most searched first; zeroResults: those that found nothing.</summary>
    public async Task<List<QueryCount>> QueriesAsync(IReadOnlyCollection<int> siteIds, DateOnly from, DateOnly to, bool zeroResults, int top, CancellationToken ct)
    {
        var start = GovSite.Common.ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = GovSite.Common.ChinaTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = db.SearchLog.AsNoTracking().Where(x => siteIds.Contains(x.SiteId) && x.LastSearchedAt >= start && x.LastSearchedAt < end);
        if (zeroResults)
        {
            rows = rows.Where(x => x.Results == 0);
        }
        var list = await rows.OrderByDescending(x => x.Searches).ThenBy(x => x.Query).Take(top)
            .Select(x => new QueryCount(x.Query, x.Searches, x.Results)).ToListAsync(ct);
        return list;
    }
}
