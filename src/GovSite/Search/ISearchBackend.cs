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

public sealed record SearchHit(int Id, double Score);

/// <summary>
/// The seam between GovSite's text pipeline and an engine. The pipeline has already turned text
/// into tokens, so an engine only stores token lists and answers "all tokens of one alternative
/// per term", ranked. SQLite FTS5 and PostgreSQL GIN implement it inside the main database;
/// docs/search.md says how a dedicated engine would.
/// </summary>
public interface ISearchBackend
{
    /// <summary>Creates the engine's own tables if missing; idempotent.</summary>
    Task EnsureSchemaAsync(CancellationToken ct);

    /// <summary>Adds or replaces one document's tokens, in the caller's transaction if there is one.</summary>
    Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct);

    Task RemoveAsync(int id, CancellationToken ct);

    Task ClearAsync(CancellationToken ct);

    /// <summary>Matches, counted up to <see cref="CountCap"/>: beyond that nobody pages, and counting costs.</summary>
    Task<int> CountAsync(QueryPlan plan, SearchFilter filter, CancellationToken ct);

    public const int CountCap = 1_000;

    /// <summary>Matching ids with the engine's relevance (larger is better), by relevance or newest first.</summary>
    Task<List<SearchHit>> SearchAsync(QueryPlan plan, SearchFilter filter, bool newestFirst, int skip, int take, CancellationToken ct);

    /// <summary>Bytes the index takes on disk, for the benchmark; null when the engine cannot tell.</summary>
    Task<long?> SizeAsync(CancellationToken ct);
}
