using GovSite.Publishing;

namespace GovSite.Search;

/// <summary>Which published documents a search may return.</summary>
public sealed record SearchFilter(
    DateTime NowUtc,
    int? SiteId = null,
    ColumnType? ColumnType = null,
    string? SubjectCategory = null,
    int? Year = null,
    string? Issuer = null,
    PolicyValidity? Validity = null);

/// <summary>The count of a query's matches and the ids the ranking should score.</summary>
/// <param name="Complete">Ids holds every match (nothing was left to windows).</param>
public sealed record SearchCandidates(SearchCount Count, IReadOnlyList<int> Ids, bool Complete)
{
    public static SearchCandidates None { get; } = new(new SearchCount(0, false), [], true);
}

/// <summary>How many documents match; <paramref name="Estimated"/> when counting stopped at the cap and the rest was extrapolated.</summary>
public sealed record SearchCount(int Value, bool Estimated);

/// <summary>
/// The seam between GovSite's text pipeline and an engine. The pipeline has already turned text
/// into tokens, so an engine only stores token lists, answers "all tokens of one alternative per
/// term" and offers candidates; <see cref="SearchRanking"/> ranks them, the same for every
/// engine. SQLite FTS5 and PostgreSQL GIN implement it inside the main database; docs/search.md
/// says how a dedicated engine would.
/// </summary>
public interface ISearchBackend
{
    /// <summary>
    /// Creates the engine's own tables if missing; idempotent. True when it has just created them
    /// empty (first start, or an older layout replaced), so everything must be indexed again.
    /// </summary>
    Task<bool> EnsureSchemaAsync(CancellationToken ct);

    /// <summary>Adds or replaces one document's tokens, in the caller's transaction if there is one.</summary>
    Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct);

    Task RemoveAsync(int id, CancellationToken ct);

    Task ClearAsync(CancellationToken ct);

    /// <summary>
    /// Matches, counted exactly up to <see cref="CountCap"/>; beyond it counting every match of a
    /// common bigram costs more than the search, so the total is estimated from how far through
    /// the ids (newest first) the cap was reached, and shown as "约".
    /// </summary>
    Task<SearchCount> CountAsync(QueryPlan plan, SearchFilter filter, CancellationToken ct);

    public const int CountCap = 1_000;

    /// <summary>
    /// The cap-th match (newest first) has id <paramref name="lowestCounted"/>; ids grow with time,
    /// so if matches are spread evenly over the ids <paramref name="lowestId"/>..<paramref name="highestId"/>,
    /// the counted ones are the share of them all that their id range is of the whole.
    /// </summary>
    public static SearchCount Estimate(int counted, int lowestCounted, int lowestId, int highestId)
    {
        if (counted < CountCap || highestId <= lowestId)
        {
            return new SearchCount(counted, false);
        }
        var share = (double)(highestId - lowestCounted + 1) / (highestId - lowestId + 1);
        return new SearchCount((int)Math.Min(int.MaxValue / 2, Math.Max(counted, Math.Round(counted / share, 0))), share < 1);
    }

    /// <summary>
    /// The matches worth ranking, with the count. Every match when <paramref name="everyMatch"/>
    /// (the reference the fast path is checked against) or when there are at most three times
    /// <paramref name="depth"/>; otherwise windows of <paramref name="depth"/> each that hold the
    /// documents the ranking can put first: the shortest titles holding the query, the newest
    /// matches, the newest that repeat the query's rarest term (its focus marks), and for several
    /// terms the newest with the rarest in the title (docs/search.md, "Candidates").
    /// </summary>
    Task<SearchCandidates> CandidatesAsync(QueryPlan plan, SearchFilter filter, int depth, bool everyMatch, CancellationToken ct);

    /// <summary>Matches by id, newest first, leaving out <paramref name="except"/>: the pages after the ranked ones.</summary>
    Task<List<int>> NewestAsync(QueryPlan plan, SearchFilter filter, IReadOnlyCollection<int> except, int skip, int take, CancellationToken ct);

    /// <summary>Matches by publication time, newest first (sort=date): no score.</summary>
    Task<List<int>> ByDateAsync(QueryPlan plan, SearchFilter filter, int skip, int take, CancellationToken ct);

    /// <summary>How many documents hold a term, counted exactly to a hundred and estimated beyond, as counts are.</summary>
    Task<double> FrequencyAsync(List<Alternative> term, CancellationToken ct);

    /// <summary>Documents in the index.</summary>
    Task<double> DocumentsAsync(CancellationToken ct);

    /// <summary>Bytes the index takes on disk, for the benchmark; null when the engine cannot tell.</summary>
    Task<long?> SizeAsync(CancellationToken ct);
}
