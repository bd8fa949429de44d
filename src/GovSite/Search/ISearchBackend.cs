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
    PolicyValidity? Validity = null)
{
    /// <summary>Sites whose articles never appear: temporarily offline and closed sites.</summary>
    public IReadOnlyCollection<int> HiddenSites { get; init; } = [];

    /// <summary>
    /// When not empty, only these sites' articles: a scope of several sites, such as a portal's
    /// 政府信息公开目录 (the portal and its department sites). <see cref="SiteId"/> still narrows it.
    /// </summary>
    public IReadOnlyCollection<int> Sites { get; init; } = [];

    /// <summary>
    /// Only the publication time and hidden sites: the documents these leave out are few and found
    /// by SearchDocuments' indexes, so an engine leaves them out by id instead of reading every
    /// match's row (docs/search.md, "The seam"). Not record equality: HiddenSites is a collection,
    /// compared by reference, and the search page's filter always carries a list of its own.
    /// </summary>
    public bool OnlyExcludes => SiteId is null && Sites.Count == 0 && ColumnType is null && string.IsNullOrEmpty(SubjectCategory) && Year is null
        && string.IsNullOrEmpty(Issuer) && Validity is null;
}

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
/// into tokens, so an engine only stores token lists and answers "every term through one of its
/// alternatives" in two orders (newest first; shortest title first), stopping at a limit.
/// <see cref="CandidateWindows"/> asks it for the documents worth ranking and
/// <see cref="SearchRanking"/> ranks them, the same for every engine. SQLite FTS5 and PostgreSQL
/// GIN implement it inside the main database; docs/search.md says how a dedicated engine would.
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

    /// <summary>Counts stop here; beyond it the total is estimated (<see cref="Estimate"/>) and shown as "约".</summary>
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
    /// Matching ids, newest (highest id) first: every one of <paramref name="terms"/> anywhere in
    /// the document and every one of <paramref name="titleTerms"/> in its title, each through any
    /// of its alternatives. At most <paramref name="limit"/> (null: every match) after
    /// <paramref name="skip"/>, leaving out <paramref name="except"/>. Reading in id order lets the
    /// engine stop at the limit, however many documents match.
    /// </summary>
    Task<List<int>> NewestAsync(IReadOnlyList<List<Alternative>> terms, IReadOnlyList<List<Alternative>> titleTerms, SearchFilter filter,
        int? limit, CancellationToken ct, int skip = 0, IReadOnlyCollection<int>? except = null);

    /// <summary>The shortest titles holding every term, newest first among titles of one length.</summary>
    Task<List<int>> ShortestTitlesAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int limit, CancellationToken ct);

    /// <summary>Matches by publication time, newest first (sort=date).</summary>
    Task<List<int>> ByDateAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int skip, int take, CancellationToken ct);

    /// <summary>The lowest and highest document id, for estimates.</summary>
    Task<(int Lowest, int Highest)> IdRangeAsync(CancellationToken ct);

    /// <summary>Documents in the index.</summary>
    Task<double> DocumentsAsync(CancellationToken ct);

    /// <summary>Bytes the index takes on disk, for the benchmark; null when the engine cannot tell.</summary>
    Task<long?> SizeAsync(CancellationToken ct);
}
