namespace GovSite.Search;

/// <summary>
/// Which documents <see cref="SearchRanking"/> scores. A query with few matches has every match
/// scored; one with many (a common bigram at a million documents matches 150,000) has windows of
/// <c>depth</c> documents each that hold the ones the ranking can put first, each a read the
/// engine stops at its limit (docs/search.md, "Candidates"):
/// <list type="bullet">
/// <item>the newest matches (the same walk counts them);</item>
/// <item>the shortest titles holding the whole query;</item>
/// <item>for each of the two rarest terms, the documents that repeat it, most repeated first
/// (its focus marks, level by level from the top); for the rarest, also those of them with it in
/// the title;</item>
/// <item>for several terms, the newest with the rarest in the title;</item>
/// <item>for a query read by its parts, the same for all its words together, for all but one,
/// and for each of its three rarest words alone.</item>
/// </list>
/// The same windows for every engine: an engine only answers <see cref="ISearchBackend.NewestAsync"/>
/// and <see cref="ISearchBackend.ShortestTitlesAsync"/>. RankingCheckTests compares the top ten
/// with the ranking of every match.
/// </summary>
public static class CandidateWindows
{
    /// <summary>Up to this many matches, every one is ranked (three windows' worth).</summary>
    public static int AllUpTo(int depth) => 3 * depth;

    private const int FocusedTerms = 2;

    /// <summary>A second term this many times commoner than the rarest gets no focus windows of its own.</summary>
    private const double CommonerBy = 10;
    private const int PartWindows = 5;
    private const int SingleWordWindows = 3;

    public static async Task<SearchCount> CountAsync(ISearchBackend backend, IReadOnlyList<List<Alternative>> terms, SearchFilter filter,
        CancellationToken ct)
    {
        var newest = await backend.NewestAsync(terms, [], filter, ISearchBackend.CountCap, ct);
        return await CountOfAsync(backend, newest, ct);
    }

    private static async Task<SearchCount> CountOfAsync(ISearchBackend backend, List<int> newest, CancellationToken ct)
    {
        if (newest.Count < ISearchBackend.CountCap)
        {
            return new SearchCount(newest.Count, false);
        }
        var (lowest, highest) = await backend.IdRangeAsync(ct);
        return ISearchBackend.Estimate(newest.Count, newest[^1], lowest, highest);
    }

    /// <param name="everyMatch">Every match, whatever the count: the reference the windows are checked against.</param>
    public static async Task<SearchCandidates> FindAsync(ISearchBackend backend, TermFrequencies frequencies, QueryPlan plan, SearchFilter filter,
        int depth, bool everyMatch, CancellationToken ct)
    {
        if (plan.IsEmpty)
        {
            return SearchCandidates.None;
        }
        var newest = await backend.NewestAsync(plan.Terms, [], filter, everyMatch ? null : ISearchBackend.CountCap, ct);
        if (everyMatch)
        {
            return new SearchCandidates(new SearchCount(newest.Count, false), newest, true);
        }
        var count = await CountOfAsync(backend, newest, ct);
        if (!count.Estimated && count.Value <= AllUpTo(depth))
        {
            return new SearchCandidates(count, newest, true);
        }
        var ids = new HashSet<int>(newest.Take(depth));
        await AddWindowsAsync(backend, frequencies, plan.Terms, filter, depth, ids, ct);
        if (plan.Stage == PlanStage.Parts && plan.Scored.Count >= 2)
        {
            // Any word may match: the documents holding all of them, or all but one, rank first,
            // then those that repeat one of the rarer words.
            var words = plan.Scored.Take(PartWindows).Select(w => w.Alternatives).ToList();
            await AddWindowsAsync(backend, frequencies, words, filter, depth, ids, ct);
            for (var i = 0; words.Count >= 3 && i < words.Count; i++)
            {
                await AddWindowsAsync(backend, frequencies, [.. words.Where((_, k) => k != i)], filter, depth, ids, ct);
            }
            foreach (var word in (await RarestFirstAsync(frequencies, words, ct)).Take(SingleWordWindows))
            {
                await AddWindowsAsync(backend, frequencies, [word], filter, depth, ids, ct);
            }
        }
        return new SearchCandidates(count, [.. ids], false);
    }

    private static async Task AddWindowsAsync(ISearchBackend backend, TermFrequencies frequencies, List<List<Alternative>> terms,
        SearchFilter filter, int depth, HashSet<int> ids, CancellationToken ct)
    {
        ids.UnionWith(await backend.NewestAsync(terms, [], filter, depth, ct));
        ids.UnionWith(await backend.ShortestTitlesAsync(terms, filter, depth, ct));
        var rarestFirst = await RarestFirstAsync(frequencies, terms, ct);
        var withFocus = FocusedTerms;
        if (rarestFirst.Count >= 2 && await frequencies.GetAsync(rarestFirst[1], ct) > CommonerBy * await frequencies.GetAsync(rarestFirst[0], ct))
        {
            // The second term is far commoner: repeating it lifts a document by little next to
            // the rarest term's weight, and its focus marks are long posting lists to walk.
            withFocus = 1;
        }
        foreach (var (term, rank) in rarestFirst.Take(withFocus).Select((t, i) => (t, i)))
        {
            // Level by level from the most repeated: the documents at that level, then (unless
            // they were all taken) those of them with the term in the title, so that a title
            // holder is not crowded out by newer documents that only repeat the word. Only for
            // the rarest term: the second is the commoner, its idf weighs less, and its title
            // condition over a long posting list was the slowest read at a million documents.
            if (SearchText.Focus(term, 1) is null)
            {
                // No focus marks (a single character): the newest documents with it in the title.
                ids.UnionWith(await backend.NewestAsync(terms, [term], filter, depth, ct));
                continue;
            }
            var (focused, titled) = (0, 0);
            for (var level = SearchText.FocusLevels.Length; level >= 1 && (focused < depth || titled < depth); level--)
            {
                var focus = SearchText.Focus(term, level)!;
                var asked = depth - focused;
                var found = asked > 0 ? await backend.NewestAsync([.. terms, focus], [], filter, asked, ct) : [];
                ids.UnionWith(found);
                focused += found.Count;
                if (rank == 0 && titled < depth && !(asked > 0 && found.Count < asked))
                {
                    var inTitle = await backend.NewestAsync([.. terms, focus], [term], filter, depth - titled, ct);
                    ids.UnionWith(inTitle);
                    titled += inTitle.Count;
                }
            }
        }
        if (terms.Count > 1)
        {
            // A title holding the rarest word outweighs body matches of it.
            ids.UnionWith(await backend.NewestAsync(terms, [rarestFirst[0]], filter, depth, ct));
        }
    }

    private static async Task<List<List<Alternative>>> RarestFirstAsync(TermFrequencies frequencies, List<List<Alternative>> terms,
        CancellationToken ct)
    {
        if (terms.Count < 2)
        {
            return terms;
        }
        var counted = new List<(List<Alternative> Term, double Frequency)>();
        foreach (var term in terms)
        {
            counted.Add((term, await frequencies.GetAsync(term, ct)));
        }
        return [.. counted.OrderBy(c => c.Frequency).Select(c => c.Term)];
    }
}

/// <summary>
/// How many documents hold a term, over the whole index (a filter would make idf depend on the
/// page one is on): counted to a hundred, estimated beyond as counts are. Kept for one search,
/// which asks for the same terms when choosing windows and when ranking.
/// </summary>
public sealed class TermFrequencies(ISearchBackend backend)
{
    private static readonly SearchFilter Everything = new(new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private readonly Dictionary<string, double> _known = [];

    public async Task<double> GetAsync(List<Alternative> term, CancellationToken ct)
    {
        var key = string.Join('|', term.Select(a => string.Join(' ', a.Tokens)));
        if (_known.TryGetValue(key, out var known))
        {
            return known;
        }
        var newest = await backend.NewestAsync([term], [], Everything, 100, ct);
        double frequency = newest.Count;
        if (newest.Count == 100)
        {
            var (lowest, highest) = await backend.IdRangeAsync(ct);
            frequency = highest <= lowest ? newest.Count : newest.Count * (double)(highest - lowest + 1) / (highest - newest[^1] + 1);
        }
        return _known[key] = frequency;
    }
}

/// <summary>
/// The engine's reads within one search, each made once. The windows of a query's terms and of
/// its parts overlap (the newest hundred are the first of the thousand counted; a query read by
/// its parts asks for all its words together, which is often the whole query again), and every
/// estimate asks for the id range: a repeated read, or one whose answer is the start of a longer
/// one already read, is answered from memory. Kept for one search only, so nothing goes stale.
/// </summary>
public sealed class SearchReads(ISearchBackend engine) : ISearchBackend
{
    private readonly Dictionary<string, (int? Limit, List<int> Ids)> _newest = [];
    private readonly Dictionary<string, (int Limit, List<int> Ids)> _shortest = [];
    private readonly List<SearchFilter> _filters = [];
    private (int Lowest, int Highest)? _range;
    private double? _documents;

    public Task<bool> EnsureSchemaAsync(CancellationToken ct) => engine.EnsureSchemaAsync(ct);
    public Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct) => engine.IndexAsync(id, titleTokens, bodyTokens, ct);
    public Task RemoveAsync(int id, CancellationToken ct) => engine.RemoveAsync(id, ct);
    public Task ClearAsync(CancellationToken ct) => engine.ClearAsync(ct);
    public Task<long?> SizeAsync(CancellationToken ct) => engine.SizeAsync(ct);

    public Task<List<int>> ByDateAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int skip, int take, CancellationToken ct) =>
        engine.ByDateAsync(terms, filter, skip, take, ct);

    public async Task<List<int>> NewestAsync(IReadOnlyList<List<Alternative>> terms, IReadOnlyList<List<Alternative>> titleTerms,
        SearchFilter filter, int? limit, CancellationToken ct, int skip = 0, IReadOnlyCollection<int>? except = null)
    {
        if (skip > 0 || except is { Count: > 0 })
        {
            return await engine.NewestAsync(terms, titleTerms, filter, limit, ct, skip, except);
        }
        var key = Key(filter, terms) + " @ " + Key(filter, titleTerms);
        if (_newest.TryGetValue(key, out var known) && Covers(known.Limit, known.Ids.Count, limit))
        {
            return limit is int l ? [.. known.Ids.Take(l)] : [.. known.Ids];
        }
        // Read only when memory does not cover it, so this read covers at least as much as the one it replaces.
        var ids = await engine.NewestAsync(terms, titleTerms, filter, limit, ct);
        _newest[key] = (limit, ids);
        return [.. ids];
    }

    public async Task<List<int>> ShortestTitlesAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int limit, CancellationToken ct)
    {
        var key = Key(filter, terms);
        if (_shortest.TryGetValue(key, out var known) && Covers(known.Limit, known.Ids.Count, limit))
        {
            return [.. known.Ids.Take(limit)];
        }
        var ids = await engine.ShortestTitlesAsync(terms, filter, limit, ct);
        _shortest[key] = (limit, ids);
        return [.. ids];
    }

    public async Task<(int Lowest, int Highest)> IdRangeAsync(CancellationToken ct) => _range ??= await engine.IdRangeAsync(ct);

    public async Task<double> DocumentsAsync(CancellationToken ct) => _documents ??= await engine.DocumentsAsync(ct);

    /// <summary>A read of <paramref name="limit"/> ids (null: all) is the start of an earlier one that asked as many or ran out before its limit.</summary>
    private static bool Covers(int? readLimit, int read, int? limit) =>
        readLimit is null || read < readLimit || (limit is int l && l <= readLimit);

    /// <summary>The terms as the engine reads them, and which filter (one search has the visitor's and the whole index's, for idf).</summary>
    private string Key(SearchFilter filter, IReadOnlyList<List<Alternative>> terms)
    {
        var index = _filters.FindIndex(f => ReferenceEquals(f, filter));
        if (index < 0)
        {
            _filters.Add(filter);
            index = _filters.Count - 1;
        }
        return index + ":" + string.Join(" & ", terms.Select(t => string.Join(" | ", t.Select(a => string.Join(' ', a.Tokens)))));
    }
}
