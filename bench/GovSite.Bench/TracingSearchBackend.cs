using System.Diagnostics;
using GovSite.Search;

namespace GovSite.Bench;

/// <summary>
/// The engine's calls of one search, each timed: <c>search --trace KIND</c> prints them for the
/// queries of one kind, to see which candidate windows the time goes to.
/// </summary>
public sealed class TracingSearchBackend(ISearchBackend inner, List<(string Call, double Ms, int Found)> calls) : ISearchBackend
{
    private async Task<T> TimeAsync<T>(string call, Func<Task<T>> run, Func<T, int> found)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        calls.Add((call, Stopwatch.GetElapsedTime(started).TotalMilliseconds, found(result)));
        return result;
    }

    private static string Describe(IReadOnlyList<List<Alternative>> terms) =>
        string.Join(" & ", terms.Select(t => t.Count == 1 ? string.Join('+', t[0].Tokens) : "(" + string.Join('|', t.Select(a => string.Join('+', a.Tokens))) + ")"));

    public Task<bool> EnsureSchemaAsync(CancellationToken ct) => inner.EnsureSchemaAsync(ct);
    public Task IndexAsync(int id, string titleTokens, string bodyTokens, CancellationToken ct) => inner.IndexAsync(id, titleTokens, bodyTokens, ct);
    public Task RemoveAsync(int id, CancellationToken ct) => inner.RemoveAsync(id, ct);
    public Task ClearAsync(CancellationToken ct) => inner.ClearAsync(ct);

    public Task<List<int>> NewestAsync(IReadOnlyList<List<Alternative>> terms, IReadOnlyList<List<Alternative>> titleTerms, SearchFilter filter,
        int? limit, CancellationToken ct, int skip = 0, IReadOnlyCollection<int>? except = null) =>
        TimeAsync($"newest {limit} [{Describe(terms)}]{(titleTerms.Count > 0 ? " title [" + Describe(titleTerms) + "]" : "")}",
            () => inner.NewestAsync(terms, titleTerms, filter, limit, ct, skip, except), r => r.Count);

    public Task<List<int>> ShortestTitlesAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int limit, CancellationToken ct) =>
        TimeAsync($"shortest {limit} [{Describe(terms)}]", () => inner.ShortestTitlesAsync(terms, filter, limit, ct), r => r.Count);

    public Task<List<int>> ByDateAsync(IReadOnlyList<List<Alternative>> terms, SearchFilter filter, int skip, int take, CancellationToken ct) =>
        TimeAsync($"bydate [{Describe(terms)}]", () => inner.ByDateAsync(terms, filter, skip, take, ct), r => r.Count);

    public Task<(int Lowest, int Highest)> IdRangeAsync(CancellationToken ct) => TimeAsync("idrange", () => inner.IdRangeAsync(ct), _ => 1);
    public Task<double> DocumentsAsync(CancellationToken ct) => TimeAsync("documents", () => inner.DocumentsAsync(ct), _ => 1);
    public Task<long?> SizeAsync(CancellationToken ct) => inner.SizeAsync(ct);
}
