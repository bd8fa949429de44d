using System.Collections.Concurrent;
using GovSite.Common;
using GovSite.Data;
using GovSite.Publishing;
using GovSite.Search;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovSite.Disclosure;

/// <summary>One line of 政府信息公开目录.</summary>
public sealed record CatalogueEntry(
    int ArticleId, int SiteId, string? IndexNumber, string Title, string Organ, string? DocNumber, DateOnly? WrittenOn,
    DateTime? PublishedAt, string? Subject, string? Genre, PolicyValidity? Validity);

/// <summary>What the catalogue is asked for: filters, a search and a page.</summary>
public sealed record CatalogueQuery(string? Subject = null, string? Genre = null, string? Organ = null, string? Search = null, int Page = 1)
{
    public bool Filtered => Subject is not null || Genre is not null || Organ is not null || Search is not null;
}

public sealed record CataloguePage(int Total, bool TotalIsExact, int Page, int PageSize, int PageCount, List<CatalogueEntry> Items);

/// <summary>How many entries each 主题分类, 体裁分类 and organ holds: the catalogue's browsing lists.</summary>
public sealed record CatalogueFacets(int Total, List<(string Name, int Count)> Subjects, List<(string Name, int Count)> Genres,
    List<(string Name, int Count)> Organs)
{
    /// <summary>Entries per (主题分类, 体裁分类, organ): any combination of the lists is counted from it.</summary>
    public List<(string? Subject, string? Genre, string Organ, int Count)> Cells { get; init; } = [];
}

/// <summary>
/// 政府信息公开目录: every published placement marked 主动公开 on a department site, and on a
/// portal also those of the department sites under it (the portal's catalogue is its
/// government's). Entries are the placements themselves (<see cref="Article"/> holds the item's
/// 索引号, 发文机关, 文号, 成文日期, 主题分类, 体裁分类, validity and 公开方式), read through one index
/// in publication order. Counts of the browsing lists are kept per site for a few minutes and
/// dropped when an article of the site changes (<see cref="CatalogueObserver"/>). A search goes
/// through the search index (<see cref="SearchAsync"/>).
/// </summary>
public sealed class Catalogue(GovSiteDb db, SiteDirectory directory, CatalogueCounts counts, IOptions<DisclosureOptions> options, TimeProvider clock,
    ISearchBackend index, SearchText text)
{
    public const int PageSize = 20;

    /// <summary>A search's total is exact up to this many entries; beyond it the page says 超过 N 条 and offers the next page.</summary>
    public const int SearchCountCap = ISearchBackend.CountCap;

    /// <summary>
    /// Index matches a search reads at most for one page: the catalogue's own conditions
    /// (公开方式, 体裁, organ) are checked on the matches, and a search whose matches are mostly
    /// outside the catalogue stops here rather than read them all.
    /// </summary>
    public const int SearchMaxRead = 20_000;

    /// <summary>The sites whose entries a site's catalogue lists: itself, and for a portal its department sites.</summary>
    public int[] ScopeOf(SiteInfo site) => site.Type == SiteType.Portal
        ? [site.Id, .. directory.All.Where(s => s.ParentId == site.Id && s.Type == SiteType.Department).Select(s => s.Id)]
        : [site.Id];

    /// <summary>Who made an entry when it names no 发文机关: the site's host unit.</summary>
    public string OrganOf(int siteId, string? issuer) =>
        issuer ?? (directory.FindById(siteId) is { } s ? s.HostUnitName ?? s.Name : "");

    private IQueryable<Article> Entries(int[] scope)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The catalogue is public: only what is published, whoever asks.
        return db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => scope.Contains(a.SiteId) && a.Disclosure == DisclosureMode.Proactive && a.Status == ArticleStatus.Published
                && a.PublishedAt <= now);
    }

    /// <summary>The sites of the catalogue whose host unit is the organ (their entries naming no 发文机关 are the organ's).</summary>
    private int[] HostsOf(SiteInfo site, string organ) =>
        [.. ScopeOf(site).Where(id => directory.FindById(id) is { } s && (s.HostUnitName ?? s.Name) == organ)];

    private IQueryable<Article> Filter(IQueryable<Article> entries, SiteInfo site, CatalogueQuery query)
    {
        if (query.Subject is { } subject)
        {
            entries = entries.Where(a => a.SubjectCategory == subject);
        }
        if (query.Genre is { } genre)
        {
            entries = entries.Where(a => a.GenreClass == genre);
        }
        if (query.Organ is { } organ)
        {
            // An organ is the 发文机关 written on the item, or the host unit of a site whose items name none.
            var hosts = HostsOf(site, organ);
            entries = entries.Where(a => a.Issuer == organ || (a.Issuer == null && hosts.Contains(a.SiteId)));
        }
        if (query.Search is { } q)
        {
            entries = entries.Where(a => a.Title.Contains(q) || (a.DocNumber != null && a.DocNumber.Contains(q))
                || (a.IndexNumber != null && a.IndexNumber.Contains(q)));
        }
        return entries;
    }

    /// <summary>
    /// A search that is the name of one of the catalogue's organs or 主题分类 (测试公开县统计局,
    /// 劳动、人事、监察) is that list: a citizen who types a name from the lists wants its entries,
    /// which the index cannot find by a 发文机关 or 主题分类 written only in a field.
    /// </summary>
    private async Task<CatalogueQuery> UnderstoodAsync(SiteInfo site, CatalogueQuery query, CancellationToken ct)
    {
        if (query.Search is not { } search || Comparable(search) is not { Length: >= 2 } typed)
        {
            return query;
        }
        var facets = await FacetsAsync(site, ct);
        if (query.Organ is null && facets.Organs.FirstOrDefault(o => Comparable(o.Name) == typed).Name is { } organ)
        {
            return query with { Organ = organ, Search = null };
        }
        if (query.Subject is null && facets.Subjects.FirstOrDefault(o => Comparable(o.Name) == typed).Name is { } subject)
        {
            return query with { Subject = subject, Search = null };
        }
        return query;
    }

    /// <summary>Letters and digits only, folded (traditional script, full width): 劳动、人事、监察 and 劳动人事监察 are one name.</summary>
    private static string Comparable(string name) => new([.. ChineseText.Fold(name).Where(char.IsLetterOrDigit)]);

    public async Task<CataloguePage> PageAsync(SiteInfo site, CatalogueQuery query, CancellationToken ct)
    {
        query = await UnderstoodAsync(site, query, ct);
        var scope = ScopeOf(site);
        var maxPages = options.Value.CatalogueMaxPages;
        var page = Math.Clamp(query.Page, 1, maxPages);
        if (query.Search is not null && await SearchAsync(site, query, page, ct) is { } found)
        {
            return found;
        }
        var entries = Filter(Entries(scope), site, query);
        var (total, exact) = await TotalAsync(site, query, entries, ct);
        var skip = (page - 1) * PageSize;
        List<CatalogueRow> rows;
        if (query.Organ is { } organ)
        {
            // "Written by this organ, or by the host unit of a site whose entries name none" is two
            // index ranges in date order; read the newest of each and merge, rather than letting the
            // database sort every entry of the organ for one page.
            var others = Filter(Entries(scope), site, query with { Organ = null });
            var hosts = HostsOf(site, organ);
            rows = await Project(Newest(others.Where(a => a.Issuer == organ)).Take(skip + PageSize)).ToListAsync(ct);
            if (hosts.Length > 0)
            {
                rows.AddRange(await Project(Newest(others.Where(a => a.Issuer == null && hosts.Contains(a.SiteId))).Take(skip + PageSize)).ToListAsync(ct));
            }
            rows = [.. rows.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Skip(skip).Take(PageSize)];
        }
        else
        {
            rows = await Project(Newest(entries).Skip(skip).Take(PageSize)).ToListAsync(ct);
        }
        var items = rows.Select(Entry).ToList();
        var pageCount = Math.Clamp((total + PageSize - 1) / PageSize, 1, maxPages);
        return new CataloguePage(total, exact, page, PageSize, pageCount, items);
    }

    /// <summary>
    /// A search through the search index, which folds 文号 spellings (〔〕, [], 年…号, traditional),
    /// keys 索引号 by their letters and digits and matches title and body text by bigrams: the
    /// query's whole reading (a phrase, a 文号, an 索引号; never the looser readings by sound or by
    /// parts, which suit a ranked search and not a list by date) restricted to the catalogue's sites
    /// and 主题分类, newest first as the catalogue orders (<see cref="ISearchBackend.ByDateAsync"/>).
    /// The catalogue's other conditions (主动公开, published, 体裁, organ) are checked on the matches
    /// in the articles themselves, so the index never decides what is disclosed. The index is
    /// written in the publisher's transaction (<see cref="SearchIndexer"/>), so a published item is
    /// found as soon as it is listed. A 文号 typed without its issuer (〔2026〕3号, 2026年3号) is keyed
    /// like a whole one and finds every 文号 of that year and number, in the field or the text. Null
    /// when the index finds nothing and the query holds letters or digits but no 文号: a fragment of
    /// an 索引号 (2026-00012) that the index does not key is then looked for in the fields as
    /// written (<see cref="Filter"/>).
    /// </summary>
    private async Task<CataloguePage?> SearchAsync(SiteInfo site, CatalogueQuery query, int page, CancellationToken ct)
    {
        var skip = (page - 1) * PageSize;
        if (await MatchesAsync(site, query, Math.Max(skip + PageSize, SearchCountCap) + 1, ct) is not { } matches)
        {
            return null;
        }
        var (found, complete) = matches;
        var items = await EntriesAsync(site, [.. found.Skip(skip).Take(PageSize)], ct);
        // Past the count the page offers one page more than it has found: the next page reads further.
        var pageCount = Math.Clamp((found.Count + PageSize - 1) / PageSize, 1, options.Value.CatalogueMaxPages);
        return new CataloguePage(found.Count, complete, page, PageSize, pageCount, items);
    }

    /// <summary>
    /// The catalogue's entries the search finds, newest first, until <paramref name="need"/> are
    /// found; Complete when they are all. Null when the search falls back to the fields as written.
    /// </summary>
    private async Task<(List<int> Found, bool Complete)?> MatchesAsync(SiteInfo site, CatalogueQuery query, int need, CancellationToken ct)
    {
        var plan = text.Parse(ChineseText.Clean(query.Search));
        var scope = ScopeOf(site);
        var filter = new SearchFilter(clock.GetUtcNow().UtcDateTime, SiteId: scope.Length == 1 ? scope[0] : null, SubjectCategory: query.Subject)
        {
            Sites = scope.Length > 1 ? scope : [],
        };
        var found = new List<int>();
        var exhausted = plan.IsEmpty;
        var read = 0;
        var maxRead = Math.Max(SearchMaxRead, need);
        var conditions = Filter(Entries(scope), site, query with { Search = null });
        for (var batch = need; !exhausted && found.Count < need && read < maxRead; batch = Math.Min(batch * 2, maxRead - read))
        {
            var ids = await index.ByDateAsync(plan.Terms, filter, read, batch, ct);
            read += ids.Count;
            exhausted = ids.Count < batch;
            foreach (var chunk in ids.Chunk(5_000))
            {
                var listed = (await conditions.Where(a => chunk.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
                found.AddRange(chunk.Where(listed.Contains));
            }
        }
        // Every 文号 the fields or texts hold is keyed, with its issuer's endings and without its
        // issuer; a query holding one has been answered. Other letters and digits (a piece of an
        // 索引号) may stand unkeyed in the fields.
        var numbered = plan.Terms.Any(t => t.Any(a => a.Kind == AlternativeKind.DocNumber));
        if (found.Count == 0 && exhausted && !numbered && plan.Folded.Any(char.IsAsciiLetterOrDigit))
        {
            return null;
        }
        return (numbered ? await OwnNumberFirstAsync(plan, conditions, found, ct) : found, exhausted);
    }

    /// <summary>
    /// For a 文号, the entries whose own 文号 it is come first (newest first among them), then those
    /// that only mention it: the document itself is what a person typing its number is after.
    /// </summary>
    private static async Task<List<int>> OwnNumberFirstAsync(QueryPlan plan, IQueryable<Article> conditions, List<int> found, CancellationToken ct)
    {
        var keys = plan.Terms.SelectMany(t => t).Where(a => a.Kind == AlternativeKind.DocNumber).SelectMany(a => a.Tokens).ToHashSet(StringComparer.Ordinal);
        var own = new HashSet<int>();
        foreach (var chunk in found.Chunk(5_000))
        {
            var numbers = await conditions.Where(a => chunk.Contains(a.Id) && a.DocNumber != null)
                .Select(a => new { a.Id, a.DocNumber }).ToListAsync(ct);
            own.UnionWith(numbers.Where(n => SearchText.DocNumberKeys(n.DocNumber!).Any(keys.Contains)).Select(n => n.Id));
        }
        return own.Count == 0 ? found : [.. found.Where(own.Contains), .. found.Where(id => !own.Contains(id))];
    }

    /// <summary>The entries of these articles, in the order given.</summary>
    private async Task<List<CatalogueEntry>> EntriesAsync(SiteInfo site, List<int> ids, CancellationToken ct)
    {
        var rows = new Dictionary<int, CatalogueRow>();
        foreach (var chunk in ids.Chunk(5_000))
        {
            foreach (var row in await Project(Entries(ScopeOf(site)).Where(a => chunk.Contains(a.Id))).ToListAsync(ct))
            {
                rows[row.Id] = row;
            }
        }
        return [.. ids.Where(rows.ContainsKey).Select(id => Entry(rows[id]))];
    }

    private sealed record CatalogueRow(int Id, int SiteId, string? IndexNumber, string Title, string? Issuer, string? DocNumber, DateOnly? WrittenDate,
        DateTime? PublishedAt, string? SubjectCategory, string? GenreClass, PolicyValidity? Validity);

    private static IQueryable<Article> Newest(IQueryable<Article> entries) => entries.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    private static IQueryable<CatalogueRow> Project(IQueryable<Article> entries) => entries.Select(a =>
        new CatalogueRow(a.Id, a.SiteId, a.IndexNumber, a.Title, a.Issuer, a.DocNumber, a.WrittenDate, a.PublishedAt, a.SubjectCategory, a.GenreClass, a.Validity));

    private CatalogueEntry Entry(CatalogueRow a) => new(a.Id, a.SiteId, a.IndexNumber, a.Title, OrganOf(a.SiteId, a.Issuer), a.DocNumber,
        a.WrittenDate, a.PublishedAt, a.SubjectCategory, a.GenreClass, a.Validity);

    /// <summary>
    /// The number of entries: exact from the kept counts for any choice of lists, else (a search)
    /// counted up to what the pages can show (a search over a million entries is not counted to the end).
    /// </summary>
    private async Task<(int Total, bool Exact)> TotalAsync(SiteInfo site, CatalogueQuery query, IQueryable<Article> entries, CancellationToken ct)
    {
        if (query.Search is null)
        {
            var facets = await FacetsAsync(site, ct);
            var total = facets.Cells.Where(c => (query.Subject is null || c.Subject == query.Subject) && (query.Genre is null || c.Genre == query.Genre)
                && (query.Organ is null || c.Organ == query.Organ)).Sum(c => c.Count);
            return (total, true);
        }
        var cap = options.Value.CatalogueMaxPages * PageSize;
        var counted = await entries.Select(a => a.Id).Take(cap + 1).CountAsync(ct);
        return (Math.Min(counted, cap), counted <= cap);
    }

    /// <summary>The browsing lists with their counts, kept per site (see <see cref="CatalogueCounts"/>).</summary>
    public Task<CatalogueFacets> FacetsAsync(SiteInfo site, CancellationToken ct) =>
        counts.GetAsync(site.Id, () => ComputeFacetsAsync(site, ct));

    private async Task<CatalogueFacets> ComputeFacetsAsync(SiteInfo site, CancellationToken ct)
    {
        // One pass over the catalogue's entries, grouped by every list at once; the lists and every
        // combination of them are sums of these groups.
        var groups = await Entries(ScopeOf(site))
            .GroupBy(a => new { a.SubjectCategory, a.GenreClass, a.Issuer, a.SiteId })
            .Select(g => new { g.Key.SubjectCategory, g.Key.GenreClass, g.Key.Issuer, g.Key.SiteId, Count = g.Count() })
            .ToListAsync(ct);
        var cells = groups.GroupBy(x => (x.SubjectCategory, x.GenreClass, Organ: OrganOf(x.SiteId, x.Issuer)))
            .Select(g => (g.Key.SubjectCategory, g.Key.GenreClass, g.Key.Organ, g.Sum(x => x.Count))).ToList();
        static List<(string Name, int Count)> List(IEnumerable<(string? Name, int Count)> of) =>
            [.. of.Where(x => x.Name is not null).GroupBy(x => x.Name!).Select(g => (g.Key, g.Sum(x => x.Count)))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)];
        return new CatalogueFacets(
            cells.Sum(c => c.Item4),
            List(cells.Select(c => (c.SubjectCategory, c.Item4))),
            List(cells.Select(c => (c.GenreClass, c.Item4))),
            List(cells.Select(c => ((string?)c.Organ, c.Item4))))
        {
            Cells = cells,
        };
    }

    /// <summary>Every entry the filters select, newest first, up to the export limit.</summary>
    public async Task<List<CatalogueEntry>> ExportAsync(SiteInfo site, CatalogueQuery query, CancellationToken ct)
    {
        var limit = options.Value.CatalogueExportRows;
        query = await UnderstoodAsync(site, query, ct);
        if (query.Search is not null && await MatchesAsync(site, query, limit, ct) is { } matches)
        {
            return await EntriesAsync(site, [.. matches.Found.Take(limit)], ct);
        }
        var rows = await Project(Newest(Filter(Entries(ScopeOf(site)), site, query)).Take(options.Value.CatalogueExportRows)).ToListAsync(ct);
        return [.. rows.Select(Entry)];
    }

    public static readonly string[] Header = ["索引号", "名称", "发文机关", "文号", "成文日期", "发布日期", "主题分类", "体裁分类", "有效性", "网址"];

    public static string?[] Row(CatalogueEntry e, string url) =>
    [
        e.IndexNumber, e.Title, e.Organ, e.DocNumber, e.WrittenOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ChinaTime.FormatDate(e.PublishedAt), e.Subject, e.Genre, e.Validity is { } v ? GovSite.Common.Labels.Of(v) : null, url,
    ];
}

/// <summary>
/// The catalogue's counts per site, in memory on each node: computed once (a GROUP BY over the
/// site's entries), served for up to five minutes, dropped when the site's articles change on this
/// node; after five minutes the old counts are served while new ones are computed.
/// </summary>
public sealed class CatalogueCounts(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<int, Entry> _entries = new();

    private sealed class Entry
    {
        public Task<CatalogueFacets>? Current;
        public DateTimeOffset At;
        public int Refreshing;
    }

    public async Task<CatalogueFacets> GetAsync(int siteId, Func<Task<CatalogueFacets>> compute)
    {
        var entry = _entries.GetOrAdd(siteId, _ => new Entry());
        var current = entry.Current;
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            var task = compute();
            entry.Current = task;
            entry.At = clock.GetUtcNow();
            return await task;
        }
        if (clock.GetUtcNow() - entry.At > MaxAge && Interlocked.CompareExchange(ref entry.Refreshing, 1, 0) == 0 && current.IsCompletedSuccessfully)
        {
            try
            {
                var fresh = await compute();
                entry.Current = Task.FromResult(fresh);
                entry.At = clock.GetUtcNow();
                return fresh;
            }
            finally
            {
                entry.Refreshing = 0;
            }
        }
        return await current;
    }

    public void Drop(int siteId) => _entries.TryRemove(siteId, out _);
}

/// <summary>An article change drops the counts and cached catalogue pages of its site and of the portal above it.</summary>
public sealed class CatalogueObserver(CatalogueCounts counts, SiteDirectory directory, SiteChanges changes) : IArticleObserver
{
    public static string PageTag(int siteId) => $"site:{siteId}:catalogue";

    public async Task ArticleChangedAsync(Article article, CancellationToken ct)
    {
        counts.Drop(article.SiteId);
        await changes.PagesChangedAsync(article.SiteId, [PageTag(article.SiteId)], ct);
        if (directory.FindById(article.SiteId) is { ParentId: int parent })
        {
            counts.Drop(parent);
            await changes.PagesChangedAsync(parent, [PageTag(parent)], ct);
        }
    }
}
