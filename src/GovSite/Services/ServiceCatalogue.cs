using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Services;

/// <summary>How a catalogue list is narrowed: by audience, theme, event, department or words in the name.</summary>
public sealed record CatalogueFilter(
    string? Audience = null,
    string? Theme = null,
    string? LifeEvent = null,
    string? BusinessEvent = null,
    string? Department = null,
    string? Query = null)
{
    public const string Persons = "person";
    public const string Enterprises = "enterprise";
}

/// <summary>One row of a catalogue list.</summary>
public sealed record CatalogueEntry(int Id, int SiteId, string Code, string Name, ServiceItemType Type, bool ForPersons, bool ForEnterprises,
    string Themes, string Department, OnlineDepth OnlineDepth, string? HallUrl, bool HallBroken, int? PromisedDays);

/// <summary>A word the catalogue is browsed by, and how many published items carry it.</summary>
public sealed record CatalogueFacet(string Name, int Count);

/// <summary>What the catalogue's front page lists: the facets for persons and for enterprises.</summary>
public sealed record CatalogueFacets(
    int Total,
    int ForPersons,
    int ForEnterprises,
    int FullyOnline,
    List<CatalogueFacet> PersonThemes,
    List<CatalogueFacet> EnterpriseThemes,
    List<CatalogueFacet> LifeEvents,
    List<CatalogueFacet> BusinessEvents,
    List<CatalogueFacet> Departments,
    List<CatalogueFacet> Themes);

/// <summary>好差评 figures of one item: counts per level and the share satisfied (满意度).</summary>
public sealed record RatingSummary(int Total, IReadOnlyDictionary<RatingLevel, int> Counts)
{
    /// <summary>Very satisfied, satisfied and basically satisfied over all ratings; null with no ratings.</summary>
    public double? SatisfiedShare => Total == 0 ? null
        : (double)(Counts.GetValueOrDefault(RatingLevel.VerySatisfied) + Counts.GetValueOrDefault(RatingLevel.Satisfied)
            + Counts.GetValueOrDefault(RatingLevel.Basic)) / Total;

    /// <summary>The average score from 1 (非常不满意) to 5 (非常满意).</summary>
    public double? Average => Total == 0 ? null : Counts.Sum(kv => (int)kv.Key * kv.Value) / (double)Total;

    public static readonly RatingSummary Empty = new(0, new Dictionary<RatingLevel, int>());
}

/// <summary>
/// The public catalogue's queries: everything here is published. A department site shows its
/// own items; a portal shows its own and those of every site below it (its departments, the
/// county portals and theirs), so the region's catalogue is whole on the portal.
/// </summary>
public sealed class ServiceCatalogue(GovSiteDb db, SiteDirectory directory, TimeProvider clock)
{
    public const int PageSize = 30;

    /// <summary>The sites whose items a site shows.</summary>
    public IReadOnlyList<int> SitesShownOn(SiteInfo site) => ShownOn(directory, site);

    /// <summary>A department site's own; a portal's own and those of every site below it.</summary>
    public static IReadOnlyList<int> ShownOn(SiteDirectory directory, SiteInfo site)
    {
        if (site.Type != SiteType.Portal)
        {
            return [site.Id];
        }
        var children = directory.All.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!.Value);
        var all = new List<int>();
        var seen = new HashSet<int>();
        var stack = new Stack<int>([site.Id]);
        while (stack.TryPop(out var id))
        {
            if (seen.Add(id))
            {
                all.Add(id);
                foreach (var child in children[id])
                {
                    stack.Push(child.Id);
                }
            }
        }
        return all;
    }

    public IQueryable<ServiceItem> Published(IReadOnlyList<int> siteIds) =>
        db.ServiceItems.AsNoTracking().IgnoreQueryFilters()
            .Where(i => i.Status == ServiceItemStatus.Published && siteIds.Contains(i.SiteId));

    public IQueryable<ServiceItem> Filtered(IReadOnlyList<int> siteIds, CatalogueFilter filter)
    {
        var query = Published(siteIds);
        query = filter.Audience switch
        {
            CatalogueFilter.Persons => query.Where(i => i.ForPersons),
            CatalogueFilter.Enterprises => query.Where(i => i.ForEnterprises),
            _ => query,
        };
        if (filter.Theme is { Length: > 0 } theme)
        {
            var pattern = ServiceTaxonomy.Pattern(theme);
            query = query.Where(i => EF.Functions.Like(i.Themes, pattern));
        }
        if (filter.LifeEvent is { Length: > 0 } life)
        {
            var pattern = ServiceTaxonomy.Pattern(life);
            query = query.Where(i => EF.Functions.Like(i.LifeEvents, pattern));
        }
        if (filter.BusinessEvent is { Length: > 0 } business)
        {
            var pattern = ServiceTaxonomy.Pattern(business);
            query = query.Where(i => EF.Functions.Like(i.BusinessEvents, pattern));
        }
        if (filter.Department is { Length: > 0 } department)
        {
            query = query.Where(i => i.Department == department);
        }
        if (filter.Query?.Trim() is { Length: > 0 } words)
        {
            // Plain containment, case as typed: item names are Chinese; the site search does the rest.
            foreach (var word in words.Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries).Take(5))
            {
                query = query.Where(i => i.Name.Contains(word) || (i.Keywords != null && i.Keywords.Contains(word)));
            }
        }
        return query;
    }

    public async Task<(int Total, List<CatalogueEntry> Items)> ListAsync(IReadOnlyList<int> siteIds, CatalogueFilter filter, int page,
        int pageSize = PageSize, CancellationToken ct = default)
    {
        var query = Filtered(siteIds, filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(i => i.Department).ThenBy(i => i.Name).ThenBy(i => i.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(i => new CatalogueEntry(i.Id, i.SiteId, i.Code, i.Name, i.Type, i.ForPersons, i.ForEnterprises, i.Themes, i.Department,
                i.OnlineDepth, i.HallUrl, i.HallBroken, i.PromisedDays))
            .ToListAsync(ct);
        return (total, items);
    }

    /// <summary>
    /// Counts per theme, event and department over the published items shown. Read as a few short
    /// columns per item and counted here: one query, whatever the number of facets.
    /// </summary>
    public async Task<CatalogueFacets> FacetsAsync(IReadOnlyList<int> siteIds, CancellationToken ct = default)
    {
        var rows = await Published(siteIds)
            .Select(i => new { i.ForPersons, i.ForEnterprises, i.Themes, i.LifeEvents, i.BusinessEvents, i.Department, i.OnlineDepth })
            .ToListAsync(ct);
        List<CatalogueFacet> Count(IReadOnlyList<string> vocabulary, Func<string, int> count) =>
            [.. vocabulary.Select(v => new CatalogueFacet(v, count(v))).Where(f => f.Count > 0)];
        return new CatalogueFacets(
            rows.Count,
            rows.Count(r => r.ForPersons),
            rows.Count(r => r.ForEnterprises),
            rows.Count(r => r.OnlineDepth == OnlineDepth.FullyOnline),
            Count(ServiceTaxonomy.PersonThemes, t => rows.Count(r => r.ForPersons && r.Themes.Contains($"|{t}|", StringComparison.Ordinal))),
            Count(ServiceTaxonomy.EnterpriseThemes, t => rows.Count(r => r.ForEnterprises && r.Themes.Contains($"|{t}|", StringComparison.Ordinal))),
            Count(ServiceTaxonomy.LifeEvents, t => rows.Count(r => r.LifeEvents.Contains($"|{t}|", StringComparison.Ordinal))),
            Count(ServiceTaxonomy.BusinessEvents, t => rows.Count(r => r.BusinessEvents.Contains($"|{t}|", StringComparison.Ordinal))),
            [.. rows.GroupBy(r => r.Department).Where(g => g.Key.Length > 0).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CatalogueFacet(g.Key, g.Count()))],
            Count(ServiceTaxonomy.AllThemes, t => rows.Count(r => r.Themes.Contains($"|{t}|", StringComparison.Ordinal))));
    }

    /// <summary>热门服务: the items most used in the last 30 days (guide views, and going on to the hall counted thrice).</summary>
    public async Task<List<CatalogueEntry>> HotAsync(IReadOnlyList<int> siteIds, int count, CancellationToken ct = default)
    {
        var since = DateOnly.FromDateTime(GovSite.Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime)).AddDays(-30);
        var published = Published(siteIds);
        var top = await db.ServiceUses.AsNoTracking()
            .Where(u => u.Day >= since && published.Any(i => i.Id == u.ItemId))
            .GroupBy(u => u.ItemId)
            .Select(g => new { ItemId = g.Key, Score = g.Sum(u => u.Views + 3 * u.HallVisits) })
            .OrderByDescending(x => x.Score).ThenBy(x => x.ItemId).Take(count).ToListAsync(ct);
        var ids = top.Select(t => t.ItemId).ToList();
        var items = await published.Where(i => ids.Contains(i.Id))
            .Select(i => new CatalogueEntry(i.Id, i.SiteId, i.Code, i.Name, i.Type, i.ForPersons, i.ForEnterprises, i.Themes, i.Department,
                i.OnlineDepth, i.HallUrl, i.HallBroken, i.PromisedDays))
            .ToListAsync(ct);
        return [.. ids.Select(id => items.FirstOrDefault(i => i.Id == id)).OfType<CatalogueEntry>()];
    }

    /// <summary>A published item shown on the site, with its lists; null when there is none by that code.</summary>
    public Task<ServiceItem?> GuideAsync(IReadOnlyList<int> siteIds, string code, CancellationToken ct = default) =>
        ServiceEditor.WithLists(Published(siteIds)).AsSplitQuery().FirstOrDefaultAsync(i => i.Code == code, ct);

    public async Task<RatingSummary> RatingsAsync(int itemId, CancellationToken ct = default)
    {
        var counts = await db.ServiceRatings.AsNoTracking().IgnoreQueryFilters().Where(r => r.ItemId == itemId)
            .GroupBy(r => r.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new RatingSummary(counts.Sum(c => c.Count), counts.ToDictionary(c => c.Level, c => c.Count));
    }
}
