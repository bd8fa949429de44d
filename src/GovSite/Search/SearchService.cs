using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Search;

public sealed record SearchRequest(
    string? Query,
    int? SiteId = null,
    ColumnType? ColumnType = null,
    string? SubjectCategory = null,
    int? Year = null,
    string? Issuer = null,
    PolicyValidity? Validity = null,
    bool NewestFirst = false,
    int Page = 1);

public sealed record SearchResult(int Id, string Title, string TitleHtml, string Url, string Snippet, string SiteCode,
    string SiteName, ColumnType ColumnType, DateTime PublishedAt, double Score, string? DocNumber);

public sealed record AnswerCard(string Title, string Answer, string? Url, string? UrlText);

/// <param name="TotalEstimated">Total is extrapolated beyond ISearchBackend.CountCap: pages say "约".</param>
public sealed record SearchResponse(string Query, int Total, int Page, int PageCount, List<SearchResult> Results,
    List<string> Suggestions, AnswerCard? Answer, bool Truncated, bool TotalEstimated = false)
{
    public static SearchResponse Empty(string query) => new(query, 0, 1, 1, [], [], null, false);
}

/// <summary>A search from query text to ranked, highlighted results, with the help around them.</summary>
public sealed class SearchService(GovSiteDb db, ISearchBackend backend, SearchText text, SiteDirectory sites, TimeProvider clock,
    IEnumerable<IAnswerSource> answerSources)
{
    public const int PageSize = 10;

    /// <summary>Relevance is refined in C# over this many engine hits (word matches in the title).</summary>
    private const int RerankDepth = 100;

    public async Task<SearchResponse> SearchAsync(SearchRequest request, bool log = true, CancellationToken ct = default)
    {
        var raw = ChineseText.Clean(request.Query);
        var plan = text.Parse(raw);
        if (plan.IsEmpty)
        {
            return SearchResponse.Empty(raw);
        }
        var filter = new SearchFilter(clock.GetUtcNow().UtcDateTime, request.SiteId, request.ColumnType,
            request.SubjectCategory, request.Year, request.Issuer, request.Validity)
        {
            // A closed or temporarily offline site's articles leave the results with it.
            HiddenSites = request.SiteId is null ? [.. sites.All.Where(s => s.Status is SiteStatus.Offline or SiteStatus.Closed).Select(s => s.Id)] : [],
        };
        var page = Math.Clamp(request.Page, 1, 1000);
        var count = await backend.CountAsync(plan, filter, ct);
        var total = count.Value;
        // Paging stops at page 1000, as the page number does.
        var pageCount = Math.Clamp((total + PageSize - 1) / PageSize, 1, 1000);
        var results = new List<SearchResult>();
        if (total > 0 && page <= pageCount)
        {
            var skip = (page - 1) * PageSize;
            var rerank = !request.NewestFirst && skip + PageSize <= RerankDepth;
            var hits = rerank
                ? await backend.SearchAsync(plan, filter, false, 0, RerankDepth, ct)
                : await backend.SearchAsync(plan, filter, request.NewestFirst, skip, PageSize, ct);
            var ids = hits.Select(h => h.Id).ToList();
            var documents = await db.SearchDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
            var scored = hits.Where(h => documents.ContainsKey(h.Id))
                .Select(h => (Document: documents[h.Id], Score: rerank ? h.Score + WordBonus(plan, documents[h.Id]) : h.Score))
                .ToList();
            if (rerank)
            {
                scored = [.. scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Document.PublishedAt).Skip(skip).Take(PageSize)];
            }
            results = [.. scored.Select(s => ToResult(s.Document, s.Score, plan))];
        }
        var suggestions = await SuggestionsAsync(plan, raw, results, total, ct);
        var answer = await AnswerAsync(plan, request.SiteId, ct);
        if (log)
        {
            await LogAsync(request.SiteId ?? 0, plan.Folded, total, ct);
        }
        return new SearchResponse(raw, total, page, pageCount, results, suggestions, answer,
            (request.Query ?? "").Trim().Length > SearchText.MaxQueryLength, count.Estimated);
    }

    /// <summary>
    /// Word-level ranking: a document whose title holds a whole query word (or its official
    /// synonym) beats one that only has its bigrams scattered about.
    /// </summary>
    private static double WordBonus(QueryPlan plan, SearchDocument document)
    {
        var title = ChineseText.Fold(document.Title);
        var bonus = 0.0;
        if (plan.Folded.Length >= 2 && title.Contains(plan.Folded, StringComparison.Ordinal))
        {
            bonus += 4;
        }
        foreach (var term in plan.Terms)
        {
            var words = term.Select(a => a.Text).Where(t => t.Length >= 2).ToList();
            if (words.Any(w => w.Split(' ').All(p => title.Contains(p, StringComparison.Ordinal))))
            {
                bonus += 3;
            }
            // Also for title matches: the engine may have scored the title alone (SQLite, many title matches).
            if (words.Any(w => w.Split(' ').All(p => document.Text.Contains(p, StringComparison.Ordinal))))
            {
                bonus += 0.5;
            }
        }
        return bonus;
    }

    private SearchResult ToResult(SearchDocument d, double score, QueryPlan plan)
    {
        var highlights = Highlights(plan);
        var site = sites.FindById(d.SiteId);
        return new SearchResult(d.Id, d.Title, Snippets.Highlight(d.Title, highlights), $"/sites/{d.SiteCode}/articles/{d.Id}",
            Snippets.Around(d.Text, highlights), d.SiteCode, site?.Name ?? d.SiteCode, d.ColumnType, d.PublishedAt,
            Math.Round(score, 3), d.DocNumber);
    }

    private static List<string> Highlights(QueryPlan plan) =>
        [.. plan.Highlights.SelectMany(h => h.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(h => h.Length >= 1).Distinct().OrderByDescending(h => h.Length)];

    /// <summary>您是不是要找: Chinese for pinyin input, and known words for misspelt input that found nothing.</summary>
    private async Task<List<string>> SuggestionsAsync(QueryPlan plan, string raw, List<SearchResult> results, int total, CancellationToken ct)
    {
        var suggestions = new List<string>();
        var letters = plan.Folded.Replace(" ", "", StringComparison.Ordinal);
        var isLatin = letters.Length > 0 && letters.All(c => c is >= 'a' and <= 'z');
        if (plan.Hint is { } hint)
        {
            suggestions.Add(hint);
        }
        else if (isLatin && results.Count > 0 && SpanSpelled(results[0].Title, letters) is { } span)
        {
            suggestions.Add(span);
        }
        if (total == 0 && !isLatin && plan.Folded.Length >= 2)
        {
            var candidates = text.Vocabulary.Words.Concat(await db.SearchLog.Where(l => l.Results > 0)
                .OrderByDescending(l => l.Searches).Select(l => l.Query).Take(200).ToListAsync(ct));
            var spellings = Pinyin.Spellings(plan.Folded).ToHashSet();
            foreach (var candidate in candidates.Distinct())
            {
                if (candidate != plan.Folded && candidate.Length == plan.Folded.Length &&
                    (Differences(candidate, plan.Folded) == 1 || Pinyin.Spellings(candidate).Any(spellings.Contains)))
                {
                    suggestions.Add(candidate);
                }
            }
        }
        return [.. suggestions.Where(s => s != raw).Distinct().Take(5)];
    }

    /// <summary>The part of a title whose pinyin is the typed letters ("shebao" in 社保卡办理 → 社保).</summary>
    private static string? SpanSpelled(string title, string letters)
    {
        var syllables = Pinyin.Split(letters)?.Count ?? 0;
        for (var length = Math.Max(syllables, 2); length <= Math.Min(title.Length, 8); length++)
        {
            for (var start = 0; start + length <= title.Length; start++)
            {
                var span = title.Substring(start, length);
                if (span.All(ChineseText.IsHan) && (Pinyin.Spellings(ChineseText.Fold(span)).Contains(letters) ||
                    Pinyin.Initials(ChineseText.Fold(span)).Contains(letters)))
                {
                    return span;
                }
            }
        }
        return null;
    }

    private static int Differences(string a, string b) => a.Zip(b).Count(p => p.First != p.Second);

    /// <summary>搜索即服务: the card whose trigger word the query holds (the longest trigger wins).</summary>
    private async Task<AnswerCard?> AnswerAsync(QueryPlan plan, int? siteId, CancellationToken ct)
    {
        var cards = await db.SearchAnswers.AsNoTracking()
            .Where(a => siteId == null || a.SiteId == 0 || a.SiteId == siteId).ToListAsync(ct);
        var forms = plan.Terms.SelectMany(t => t.Select(a => a.Text)).Append(plan.Folded).Where(f => f.Length >= 2).ToList();
        var best = cards
            .Select(card => (card, trigger: card.Triggers.Split([' ', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries)
                .Select(ChineseText.Fold).Where(t => t.Length >= 2 && forms.Any(f => f.Contains(t, StringComparison.Ordinal)))
                .OrderByDescending(t => t.Length).FirstOrDefault()))
            .Where(x => x.trigger is not null)
            .OrderByDescending(x => x.trigger!.Length).ThenByDescending(x => x.card.SiteId)
            .Select(x => (x.card, length: x.trigger!.Length)).FirstOrDefault();
        var answer = best.card is null ? null : new AnswerCard(best.card.Title, best.card.Answer, best.card.Url, best.card.UrlText);
        foreach (var source in answerSources)
        {
            if (await source.FindAsync(forms, siteId, ct) is { } offered && (answer is null || offered.Strength > best.length))
            {
                (answer, best.length) = (offered.Card, (int)Math.Ceiling(offered.Strength));
            }
        }
        return answer;
    }

    private async Task LogAsync(int siteId, string query, int results, CancellationToken ct)
    {
        query = query.Trim();
        if (query.Length == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.SearchLog.Where(l => l.SiteId == siteId && l.Query == query)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Searches, l => l.Searches + 1)
                .SetProperty(l => l.Results, results).SetProperty(l => l.LastSearchedAt, now), ct);
        if (updated == 0)
        {
            db.SearchLog.Add(new SearchLogEntry { SiteId = siteId, Query = query, Searches = 1, Results = results, LastSearchedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request logged the same query first; its count is close enough.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Popular queries that found something, for the "热门搜索" list.</summary>
    public Task<List<string>> HotTermsAsync(int? siteId, int count = 8, CancellationToken ct = default) =>
        db.SearchLog.Where(l => l.SiteId == (siteId ?? 0) && l.Results > 0)
            .OrderByDescending(l => l.Searches).ThenByDescending(l => l.LastSearchedAt)
            .Select(l => l.Query).Take(count).ToListAsync(ct);

    /// <summary>Suggestions while typing: popular queries, known words (also from pinyin) and titles.</summary>
    public async Task<List<string>> SuggestAsync(string? prefix, int? siteId, CancellationToken ct = default)
    {
        var folded = ChineseText.Fold(ChineseText.Clean(prefix));
        if (folded.Length == 0 || folded.Length > SearchText.MaxQueryLength)
        {
            return [];
        }
        var site = siteId ?? 0;
        var popular = await db.SearchLog.Where(l => l.SiteId == site && l.Results > 0 && l.Query.StartsWith(folded))
            .OrderByDescending(l => l.Searches).Select(l => l.Query).Take(4).ToListAsync(ct);
        var words = folded.All(c => c is >= 'a' and <= 'z')
            ? text.Vocabulary.FromPinyin(folded).Take(3).ToList()
            : [.. text.Vocabulary.Words.Where(w => w.StartsWith(folded, StringComparison.Ordinal) && w != folded).Take(3)];
        var now = clock.GetUtcNow().UtcDateTime;
        var titleQuery = db.SearchDocuments.Where(d => d.PublishedAt <= now && d.Title.Contains(folded));
        if (siteId is int id)
        {
            titleQuery = titleQuery.Where(d => d.SiteId == id);
        }
        var titles = folded.Any(ChineseText.IsHan)
            ? await titleQuery.OrderByDescending(d => d.PublishedAt).Select(d => d.Title).Take(5).ToListAsync(ct)
            : [];
        return [.. popular.Concat(words).Concat(titles).Distinct().Take(8)];
    }
}
