using GovSite.Common;

namespace GovSite.Search;

/// <summary>What the ranking knows about the collection: how many documents, and how many hold each scored term.</summary>
/// <param name="Frequencies">Per <see cref="QueryPlan.Ranked"/> term; empty for a one-term query (its idf is then 1).</param>
public sealed record RankingStatistics(double Documents, IReadOnlyList<double> Frequencies)
{
    public static RankingStatistics OneTerm { get; } = new(1, []);
}

/// <summary>A document with its score and the texts in it that matched (for highlights and 您是不是要找).</summary>
/// <param name="Relevance">The score before the freshness tie-break.</param>
/// <param name="Scattered">A term matched only by its characters standing apart (no whole occurrence, no field).</param>
public sealed record RankedDocument(SearchDocument Document, double Score, double Relevance, IReadOnlyList<string> Matched, bool Scattered = false);

/// <summary>
/// The ranking: one function of the query and the document, the same whichever engine found the
/// document and however many candidates the engine offered (docs/search.md, "Ranking"). The
/// engine's job is only to find candidates; <see cref="SearchService"/> scores each with
/// <see cref="Score"/> from the document's own text.
///
/// For each scored term t (a word of the query and its alternatives: synonyms, pinyin, 文号 key;
/// weight w(t) 2 for a part of the query the platform's vocabulary knows, else 1):
/// <code>
///   x(a)  = w(a) · (Wt·tf_title(a)/n(title) + Wk·tf_keywords(a)/n(keywords) + Wb·tf_body(a)/n(body))   for each alternative a
///   n(f)  = 1 − b_f + b_f · length(f) / pivot_f                                                   length normalisation
///   x     = max over a of x(a)   (or a small "scattered" credit when the engine matched the term's characters apart)
///   s(t)  = w(t) · (idf(t) · x·(k1+1)/(x+k1)  [+ idf(t)·(k1+1) when the document's own 文号/索引号 field is the query's])
/// </code>
/// plus a proximity lift when several terms stand close together in the title or the body, and
/// the sum times (1 + 5% · ½^(age/365 days)): freshness breaks near-ties and never outweighs a
/// better match.
/// </summary>
public static class SearchRanking
{
    public const double K1 = 1.2;
    public const double TitleWeight = 4;
    public const double KeywordWeight = 2;
    public const double BodyWeight = 1;

    /// <summary>Title length normalisation: a 20-character title is the norm, half of the length effect applies.</summary>
    public const double TitlePivot = 20;
    public const double TitleSlope = 0.5;

    /// <summary>
    /// Body length normalisation is gentle (slope 0.3 against BM25's usual 0.75): a long policy
    /// document that repeats a word twenty-five times is about it, not diluted by its length.
    /// </summary>
    public const double BodyPivot = 1_000;
    public const double BodySlope = 0.3;

    /// <summary>Credit for a term the engine matched by its characters standing apart (no whole occurrence).</summary>
    public const double Scattered = 0.3;

    public const double TitleProximity = 0.5;
    public const double BodyProximity = 0.3;

    /// <summary>Proximity counts when the terms fit in a window this much longer than themselves.</summary>
    public const int ProximitySlack = 20;

    public const double Freshness = 0.05;
    public const double FreshnessHalfLifeDays = 365;

    /// <summary>Occurrences of one alternative beyond this are not looked for (saturation makes them worth little).</summary>
    private const int MaxOccurrences = 200;

    public static RankedDocument Score(QueryPlan plan, SearchDocument document, RankingStatistics statistics, DateTime nowUtc) =>
        Score(plan, new RankedText(document), statistics, nowUtc);

    public static RankedDocument Score(QueryPlan plan, RankedText document, RankingStatistics statistics, DateTime nowUtc)
    {
        var terms = plan.Ranked;
        var required = plan.Stage != PlanStage.Parts;
        var titleNorm = Norm(document.Title.Length, TitlePivot, TitleSlope);
        var keywordNorm = Norm(document.Keywords.Length, TitlePivot, TitleSlope);
        var bodyNorm = Norm(document.Body.Length, BodyPivot, BodySlope);
        var matched = new List<string>();
        var relevance = 0.0;
        var titleSpans = new List<List<(int Start, int Length)>>();
        var bodySpans = new List<List<(int Start, int Length)>>();
        var idfs = new List<double>();
        var scattered = false;
        for (var i = 0; i < terms.Count; i++)
        {
            var idf = Idf(statistics, i);
            var best = 0.0;
            var field = false;
            Occurrences? bestOccurrences = null;
            foreach (var alternative in terms[i].Alternatives)
            {
                var found = Find(alternative, document);
                field |= found.Field;
                var x = Weight(alternative.Kind) * (TitleWeight * found.Title.Count / titleNorm + KeywordWeight * found.Keywords / keywordNorm
                    + BodyWeight * found.Body.Count / bodyNorm);
                if (x > best)
                {
                    best = x;
                    bestOccurrences = found;
                }
            }
            if (best == 0 && required && !field)
            {
                best = BodyWeight * Scattered / bodyNorm;
                scattered = true;
            }
            relevance += terms[i].Weight * (idf * best * (K1 + 1) / (best + K1) + (field ? idf * (K1 + 1) : 0));
            if (bestOccurrences is { } o)
            {
                matched.AddRange(o.Title.Select(s => document.OriginalTitle.Substring(s.Start, s.Length)).Take(3));
                matched.AddRange(o.Body.Select(s => document.OriginalBody.Substring(s.Start, s.Length)).Take(3));
                titleSpans.Add(o.Title);
                bodySpans.Add(o.Body);
                idfs.Add(idf);
            }
        }
        if (titleSpans.Count(s => s.Count > 0) >= 2)
        {
            relevance += TitleProximity * Closeness(titleSpans, idfs);
        }
        if (bodySpans.Count(s => s.Count > 0) >= 2)
        {
            relevance += BodyProximity * Closeness(bodySpans, idfs);
        }
        var ageDays = Math.Max(0, (nowUtc - document.PublishedAt).TotalDays);
        var score = relevance * (1 + Freshness * Math.Pow(0.5, ageDays / FreshnessHalfLifeDays));
        return new RankedDocument(document.Document, score, relevance, [.. matched.Distinct()], scattered);
    }

    /// <summary>Letters read as pinyin may be another word that sounds alike; initials even more so.</summary>
    public static double Weight(AlternativeKind kind) => kind switch
    {
        AlternativeKind.Pinyin => 0.9,
        AlternativeKind.Initials => 0.5,
        _ => 1,
    };

    /// <summary>Best first; among equal scores the newer, then the higher id.</summary>
    public static List<RankedDocument> Order(IEnumerable<RankedDocument> ranked) =>
        [.. ranked.OrderByDescending(r => r.Score).ThenByDescending(r => r.Document.PublishedAt).ThenByDescending(r => r.Document.Id)];

    /// <summary>BM25's idf, never negative; 1 for a query of one term (it would scale every score alike).</summary>
    private static double Idf(RankingStatistics statistics, int term)
    {
        if (term >= statistics.Frequencies.Count)
        {
            return 1;
        }
        var df = Math.Min(statistics.Frequencies[term], statistics.Documents);
        return Math.Log(1 + (statistics.Documents - df + 0.5) / (df + 0.5));
    }

    private static double Norm(int length, double pivot, double slope) => 1 - slope + slope * length / pivot;

    /// <summary>
    /// Σidf of the terms present, times their length over the shortest window holding one
    /// occurrence of each (1 when they stand side by side), when that window is short.
    /// </summary>
    private static double Closeness(List<List<(int Start, int Length)>> spans, List<double> idfs)
    {
        var present = Enumerable.Range(0, spans.Count).Where(i => spans[i].Count > 0).ToList();
        var events = present.SelectMany(i => spans[i].Select(s => (s.Start, End: s.Start + s.Length, Term: i))).OrderBy(e => e.Start).ToList();
        var need = present.Count;
        var counts = new Dictionary<int, int>();
        var best = int.MaxValue;
        var left = 0;
        for (var right = 0; right < events.Count; right++)
        {
            counts[events[right].Term] = counts.GetValueOrDefault(events[right].Term) + 1;
            while (counts.Count == need)
            {
                // The window ends with the right event's end (spans of one query differ little in length).
                best = Math.Min(best, events[right].End - events[left].Start);
                var term = events[left].Term;
                if (--counts[term] == 0)
                {
                    counts.Remove(term);
                }
                left++;
            }
        }
        var length = present.Sum(i => spans[i].Min(s => s.Length));
        if (best == int.MaxValue || best > length + ProximitySlack)
        {
            return 0;
        }
        return present.Sum(i => idfs[i]) * Math.Min(1.0, (double)length / best);
    }

    private sealed record Occurrences(List<(int Start, int Length)> Title, int Keywords, List<(int Start, int Length)> Body, bool Field);

    private static readonly Occurrences None = new([], 0, [], false);

    private static Occurrences Find(Alternative alternative, RankedText document)
    {
        switch (alternative.Kind)
        {
            case AlternativeKind.Text:
                if (alternative.Text.Length == 0)
                {
                    return None;
                }
                return new Occurrences(TextIn(document.Title, alternative.Text), TextIn(document.Keywords, alternative.Text).Count,
                    TextIn(document.Body, alternative.Text), false);
            case AlternativeKind.Pinyin:
                var syllables = alternative.Text.Contains('\'', StringComparison.Ordinal)
                    ? [.. alternative.Text.Split('\'')]
                    : Pinyin.Split(alternative.Text);
                if (syllables is null || syllables.Count < 2)
                {
                    return None;
                }
                // Bodies are indexed with each character's commonest reading, titles with all.
                return new Occurrences(Sounding(document.Title, syllables, false, 3), Sounding(document.Keywords, syllables, false, 3).Count,
                    Sounding(document.Body, syllables, false, 1), false);
            case AlternativeKind.Initials:
                var letters = alternative.Text.Select(c => c.ToString()).ToList();
                return new Occurrences(Sounding(document.Title, letters, true, 3), Sounding(document.Keywords, letters, true, 3).Count, [], false);
            case AlternativeKind.DocNumber:
                return new Occurrences(KeyIn(document.TitleNumbers, alternative.Text), 0, KeyIn(document.BodyNumbers, alternative.Text),
                    document.FieldNumbers.Contains(alternative.Text));
            case AlternativeKind.IndexNumber:
                return new Occurrences([], 0, KeyIn(document.BodyIndexNumbers, alternative.Text), document.FieldIndexNumber == alternative.Text);
            default:
                return None;
        }
    }

    /// <summary>Where the text stands whole (every part of it, for a text of several words: the first part's places, as often as the rarest part).</summary>
    private static List<(int Start, int Length)> TextIn(string haystack, string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || haystack.Length == 0)
        {
            return [];
        }
        var places = parts.Select(p => Places(haystack, p)).ToList();
        var count = places.Min(p => p.Count);
        return [.. places[0].Take(count)];
    }

    private static List<(int Start, int Length)> Places(string haystack, string needle)
    {
        var places = new List<(int, int)>();
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0 && places.Count < MaxOccurrences;
             i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            places.Add((i, needle.Length));
        }
        return places;
    }

    /// <summary>Han text that reads as the syllables (or their initials), in one of each character's first <paramref name="readings"/> readings.</summary>
    private static List<(int Start, int Length)> Sounding(string haystack, IReadOnlyList<string> syllables, bool initials, int readings)
    {
        var places = new List<(int, int)>();
        var n = syllables.Count;
        for (var i = 0; i + n <= haystack.Length && places.Count < MaxOccurrences; i++)
        {
            var all = true;
            for (var k = 0; k < n && all; k++)
            {
                var c = haystack[i + k];
                all = ChineseText.IsHan(c) && Reads(c, syllables[k], initials, readings);
            }
            if (all)
            {
                places.Add((i, n));
                i += n - 1;
            }
        }
        return places;
    }

    private static bool Reads(char c, string syllable, bool initial, int readings)
    {
        var of = Pinyin.Of(c);
        for (var i = 0; i < Math.Min(readings, of.Count); i++)
        {
            if (initial ? of[i][0] == syllable[0] : of[i] == syllable)
            {
                return true;
            }
        }
        return false;
    }

    private static List<(int Start, int Length)> KeyIn(List<(string Key, int Start, int Length)> keys, string key) =>
        [.. keys.Where(k => k.Key == key).Select(k => (k.Start, k.Length))];
}

/// <summary>A document folded once for <see cref="SearchRanking"/>: fields, 文号 and 索引号 written in it.</summary>
public sealed class RankedText
{
    public RankedText(SearchDocument document)
    {
        Document = document;
        OriginalTitle = document.Title;
        OriginalBody = document.Text;
        Title = ChineseText.Fold(document.Title);
        Keywords = ChineseText.Fold(document.Keywords ?? "");
        Body = ChineseText.Fold(document.Text);
        PublishedAt = document.PublishedAt;
    }

    public SearchDocument Document { get; }
    public string OriginalTitle { get; }
    public string OriginalBody { get; }
    public string Title { get; }
    public string Keywords { get; }
    public string Body { get; }
    public DateTime PublishedAt { get; }
    // Read only for a query with a 文号 or 索引号: the patterns cost more than the rest of the ranking.
    public HashSet<string> FieldNumbers => field ??= [.. SearchText.DocNumberMentions(ChineseText.Fold(Document.DocNumber ?? "")).Select(k => k.Key)];
    public string? FieldIndexNumber => SearchText.IndexNumberKey(Document.IndexNumber);
    public List<(string Key, int Start, int Length)> TitleNumbers => field ??= [.. SearchText.DocNumberMentions(Title)];
    public List<(string Key, int Start, int Length)> BodyNumbers => field ??= [.. SearchText.DocNumberMentions(Body)];
    public List<(string Key, int Start, int Length)> BodyIndexNumbers => field ??= [.. SearchText.IndexNumberSpans(Body)];
}
