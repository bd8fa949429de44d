using GovSite.Common;
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
    int Page = 1,
    System.Net.IPAddress? Visitor = null);

public sealed record SearchResult(int Id, string Title, string TitleHtml, string Url, string Snippet, string SiteCode,
    string SiteName, ColumnType ColumnType, DateTime PublishedAt, double Score, string? DocNumber);

public sealed record AnswerCard(string Title, string Answer, string? Url, string? UrlText);

/// <param name="TotalEstimated">Total is extrapolated beyond ISearchBackend.CountCap: pages say "约".</param>
/// <param name="Notice">What the page says about how the query was read (by its parts, by its sound, cut short).</param>
public sealed record SearchResponse(string Query, int Total, int Page, int PageCount, List<SearchResult> Results,
    List<string> Suggestions, AnswerCard? Answer, bool Truncated, bool TotalEstimated = false, string? Notice = null)
{
    public static SearchResponse Empty(string query) => new(query, 0, 1, 1, [], [], null, false);
}

/// <summary>The reading of the query that found something, its count and its candidates ranked.</summary>
/// <param name="Complete">Ranked holds every match; otherwise the pages after it list the other matches newest first.</param>
public sealed record SearchRanked(QueryPlan Plan, SearchCount Count, List<RankedDocument> Ranked, bool Complete);

/// <summary>A search from query text to ranked, highlighted results, with the help around them.</summary>
public sealed class SearchService(GovSiteDb db, ISearchBackend backend, SearchText text, SiteDirectory sites, TimeProvider clock,
    IEnumerable<IAnswerSource> answerSources, HotSearches hot)
{
    public const int PageSize = 10;

    /// <summary>
    /// Candidates per window the engine offers for ranking (docs/search.md, "Candidates"); a
    /// query with at most three times this many matches has every match ranked.
    /// </summary>
    public const int RankingDepth = 100;

    public async Task<SearchResponse> SearchAsync(SearchRequest request, bool log = true, CancellationToken ct = default)
    {
        var raw = ChineseText.Clean(request.Query);
        var plan = text.Parse(raw);
        if (plan.IsEmpty)
        {
            return SearchResponse.Empty(raw.Length > SearchText.MaxQueryLength ? raw[..SearchText.MaxQueryLength] : raw)
                with { Truncated = plan.Truncated };
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var filter = new SearchFilter(now, request.SiteId, request.ColumnType,
            request.SubjectCategory, request.Year, request.Issuer, request.Validity)
        {
            // A closed or temporarily offline site's articles leave the results with it.
            HiddenSites = request.SiteId is null ? [.. sites.All.Where(s => s.Status is SiteStatus.Offline or SiteStatus.Closed).Select(s => s.Id)] : [],
        };
        var page = Math.Clamp(request.Page, 1, 1000);
        var skip = (page - 1) * PageSize;
        QueryPlan used;
        SearchCount count;
        List<RankedDocument> shown;
        List<RankedDocument> top;
        if (request.NewestFirst)
        {
            (used, count) = await FirstFindingAsync(plan, filter, ct);
            var ids = count.Value == 0 ? [] : await backend.ByDateAsync(used.Terms, filter, skip, PageSize, ct);
            shown = await ScoreAsync(used, ids, RankingStatistics.OneTerm, now, ct);
            shown = [.. ids.Select(id => shown.FirstOrDefault(r => r.Document.Id == id)).OfType<RankedDocument>()];
            top = shown;
        }
        else
        {
            var ranked = await RankAsync(plan, filter, ct: ct);
            (used, count, top) = (ranked.Plan, ranked.Count, ranked.Ranked);
            if (ranked.Complete)
            {
                count = new SearchCount(ranked.Ranked.Count, false);
            }
            shown = [.. ranked.Ranked.Skip(skip).Take(PageSize)];
            if (shown.Count < PageSize && !ranked.Complete && count.Value > skip + shown.Count)
            {
                // Past the ranked candidates: the other matches, newest first.
                var rest = await backend.NewestAsync(used.Terms, [], filter, PageSize - shown.Count, ct,
                    Math.Max(0, skip - ranked.Ranked.Count), [.. ranked.Ranked.Select(r => r.Document.Id)]);
                shown.AddRange(await ScoreAsync(used, rest, RankingStatistics.OneTerm, now, ct));
            }
        }
        var total = count.Value;
        // Paging stops at page 1000, as the page number does.
        var pageCount = Math.Clamp((total + PageSize - 1) / PageSize, 1, 1000);
        var results = page <= pageCount ? shown.Select(r => ToResult(r, used)).ToList() : [];
        var suggestions = await SuggestionsAsync(plan, used, raw, top, total, request.SiteId ?? 0, ct);
        var answer = await AnswerAsync(plan, request.SiteId, ct);
        if (log)
        {
            await LogAsync(request.SiteId ?? 0, plan.Folded, total, ct);
            await hot.RecordAsync(request.SiteId ?? 0, plan.Folded, total, request.Visitor, ct);
        }
        return new SearchResponse(plan.Folded.Length == raw.Length ? raw : raw[..Math.Min(raw.Length, SearchText.MaxQueryLength)],
            total, page, pageCount, results, suggestions, answer, plan.Truncated, count.Estimated, Notice(plan, used, raw, suggestions, total));
    }

    /// <summary>
    /// The first reading of the query that finds something (the whole query, then by its sound,
    /// then by its parts), its candidates scored by <see cref="SearchRanking"/> and ordered.
    /// <paramref name="everyMatch"/> scores every match: the reference the candidate windows are
    /// checked against (tests) and never used for a visitor's search.
    /// </summary>
    public async Task<SearchRanked> RankAsync(QueryPlan plan, SearchFilter filter, bool everyMatch = false, int depth = RankingDepth,
        CancellationToken ct = default)
    {
        // The readings and their windows ask the engine the same questions again: each is read once.
        var reads = new SearchReads(backend);
        var frequencies = new TermFrequencies(reads);
        SearchRanked? scatteredOnly = null;
        for (var stage = plan; stage is not null; stage = stage.Next)
        {
            var candidates = await CandidateWindows.FindAsync(reads, frequencies, stage, filter, depth, everyMatch, ct);
            if (candidates.Count.Value == 0)
            {
                continue;
            }
            var statistics = await StatisticsAsync(stage, frequencies, ct);
            var scored = await ScoreAsync(stage, candidates.Ids, statistics, filter.NowUtc, ct);
            var ranked = new SearchRanked(stage, candidates.Count, SearchRanking.Order(scored), candidates.Complete);
            // The whole phrase (or its sound) found only with its characters scattered about (站建,
            // 设管 across a long text): its words, read as parts, are likely the better answer; the
            // first such reading stays the answer if no later one finds anything.
            if (stage.Stage != PlanStage.Parts && stage.Next is not null && ranked.Ranked[0].Scattered)
            {
                scatteredOnly ??= ranked;
                continue;
            }
            return ranked;
        }
        return scatteredOnly ?? new SearchRanked(plan, new SearchCount(0, false), [], true);
    }

    /// <summary>For the date order: the first reading that matches anything, and its count.</summary>
    private async Task<(QueryPlan Plan, SearchCount Count)> FirstFindingAsync(QueryPlan plan, SearchFilter filter, CancellationToken ct)
    {
        for (var stage = plan; stage is not null; stage = stage.Next)
        {
            var count = await CandidateWindows.CountAsync(backend, stage.Terms, filter, ct);
            if (count.Value > 0)
            {
                return (stage, count);
            }
        }
        return (plan, new SearchCount(0, false));
    }

    /// <summary>Documents and each scored term's document frequency, for idf; none for a one-term query.</summary>
    private async Task<RankingStatistics> StatisticsAsync(QueryPlan stage, TermFrequencies frequencies, CancellationToken ct)
    {
        var terms = stage.Ranked;
        if (terms.Count < 2)
        {
            return RankingStatistics.OneTerm;
        }
        var counts = new List<double>();
        foreach (var term in terms)
        {
            counts.Add(await frequencies.GetAsync(term.Alternatives, ct));
        }
        return new RankingStatistics(Math.Max(1, await backend.DocumentsAsync(ct)), counts);
    }

    private async Task<List<RankedDocument>> ScoreAsync(QueryPlan plan, IReadOnlyList<int> ids, RankingStatistics statistics, DateTime now,
        CancellationToken ct)
    {
        var scored = new List<RankedDocument>(ids.Count);
        foreach (var chunk in ids.Chunk(1000))
        {
            var documents = await db.SearchDocuments.AsNoTracking().Where(d => chunk.Contains(d.Id)).ToListAsync(ct);
            scored.AddRange(documents.Select(d => SearchRanking.Score(plan, d, statistics, now)));
        }
        return scored;
    }

    /// <summary>What the page says when the query was read otherwise than as typed.</summary>
    private static string? Notice(QueryPlan plan, QueryPlan used, string raw, List<string> suggestions, int total)
    {
        if (total == 0 || used.Stage == PlanStage.Whole)
        {
            return null;
        }
        var shown = raw.Length > SearchText.MaxQueryLength ? raw[..SearchText.MaxQueryLength] : raw;
        if (used.Stage == PlanStage.SoundAlike)
        {
            return suggestions.Count > 0
                ? $"没有找到与“{shown}”完全相符的内容，以下是读音相同的“{suggestions[0]}”的结果。"
                : $"没有找到与“{shown}”完全相符的内容，以下是读音相同的结果。";
        }
        var parts = used.Scored.Select(s => s.Word).Where(w => !w.StartsWith(SearchText.DocNumberPrefix, StringComparison.Ordinal)).Distinct().ToList();
        if (plan.Terms.Any(t => t.Any(a => a.Kind == AlternativeKind.DocNumber)))
        {
            return $"没有找到文号为“{shown}”的文件，以下是含有其中文字和数字的结果。";
        }
        return $"没有找到与“{shown}”完全相符的内容，以下是含有“{string.Join("”“", parts)}”的结果。";
    }

    private SearchResult ToResult(RankedDocument ranked, QueryPlan plan)
    {
        var d = ranked.Document;
        var highlights = Highlights(plan, ranked.Matched);
        var site = sites.FindById(d.SiteId);
        return new SearchResult(d.Id, d.Title, Snippets.Highlight(d.Title, highlights), $"/sites/{d.SiteCode}/articles/{d.Id}",
            Snippets.Around(d.Text, highlights), d.SiteCode, site?.Name ?? d.SiteCode, d.ColumnType, d.PublishedAt,
            Math.Round(ranked.Score, 3), d.DocNumber);
    }

    /// <summary>The query's texts and what matched in this document (pinyin and 文号 match other spellings), longest first.</summary>
    private static List<string> Highlights(QueryPlan plan, IReadOnlyList<string> matched) =>
        [.. plan.Highlights.SelectMany(h => h.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(matched.Select(ChineseText.Fold))
            .Where(h => h.Length >= 1).Distinct().OrderByDescending(h => h.Length)];

    /// <summary>
    /// 您是不是要找: the Chinese a pinyin query spells (from the vocabulary, or what it matched in
    /// the best results), what a homophone or the query's parts found, and known words and 热门搜索
    /// entries one character away from a query that was not found whole.
    /// </summary>
    private async Task<List<string>> SuggestionsAsync(QueryPlan plan, QueryPlan used, string raw, List<RankedDocument> top, int total,
        int siteId, CancellationToken ct)
    {
        var suggestions = new List<string>();
        var letters = plan.Folded.Replace(" ", "", StringComparison.Ordinal);
        var isLatin = letters.Length > 0 && letters.All(c => c is >= 'a' and <= 'z');
        if (plan.Hint is { } hint)
        {
            suggestions.Add(hint);
        }
        else if ((isLatin || used.Stage == PlanStage.SoundAlike) && top.Count > 0)
        {
            // The Han text the letters or the homophone matched most often in the best results.
            var spoken = top.Take(5).SelectMany(r => r.Matched).Select(ChineseText.Fold).Where(m => m.All(ChineseText.IsHan) && m.Length >= 2)
                .GroupBy(m => m).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            if (spoken is not null)
            {
                suggestions.Add(spoken);
            }
        }
        if (used.Stage == PlanStage.Parts && total > 0)
        {
            foreach (var part in used.Scored.Where(s => !s.Word.StartsWith(SearchText.DocNumberPrefix, StringComparison.Ordinal)))
            {
                suggestions.Add(part.Word);
                suggestions.AddRange(part.Alternatives.Skip(1).Where(a => a.Kind == AlternativeKind.Text).Select(a => a.Text).Take(1));
            }
        }
        if ((total == 0 || used.Stage != PlanStage.Whole) && !isLatin && plan.Folded.Length >= 2)
        {
            // Known words and the curated 热门搜索, never raw visitors' text.
            var candidates = text.Vocabulary.Words.Concat(await hot.ListAsync(siteId, ct));
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
        return [.. suggestions.Where(s => s != raw && s != plan.Folded && s.Length > 0).Distinct().Take(5)];
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

    /// <summary>The curated 热门搜索 list (<see cref="HotSearches"/>).</summary>
    public Task<List<string>> HotTermsAsync(int? siteId, CancellationToken ct = default) => hot.ListAsync(siteId ?? 0, ct);

    /// <summary>Suggestions while typing: 热门搜索 entries (curated, never raw visitors' text), known words (also from pinyin) and titles.</summary>
    public async Task<List<string>> SuggestAsync(string? prefix, int? siteId, CancellationToken ct = default)
    {
        var folded = ChineseText.Fold(ChineseText.Clean(prefix));
        if (folded.Length == 0 || folded.Length > SearchText.MaxQueryLength)
        {
            return [];
        }
        var popular = (await hot.ListAsync(siteId ?? 0, ct)).Where(q => q.StartsWith(folded, StringComparison.Ordinal)).Take(4).ToList();
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
