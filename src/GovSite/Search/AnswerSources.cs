namespace GovSite.Search;

/// <summary>A card another feature offers for a query, and how strongly it matched (the length of what matched).</summary>
public sealed record AnswerCandidate(AnswerCard Card, double Strength);

/// <summary>
/// 搜索即服务 beyond the cards kept at /admin/search/answers: a feature whose records answer
/// queries directly (the services catalogue's guides) offers its best card for a query. The
/// search takes the strongest of these and the kept cards; a kept card wins a tie.
/// </summary>
public interface IAnswerSource
{
    /// <param name="forms">The query's folded forms (its words, their synonyms and the whole query), each at least two characters.</param>
    /// <param name="siteId">The site searched, or null for the platform-wide search.</param>
    Task<AnswerCandidate?> FindAsync(IReadOnlyList<string> forms, int? siteId, CancellationToken ct);
}
