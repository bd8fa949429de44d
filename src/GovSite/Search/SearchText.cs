using System.Text;
using System.Text.RegularExpressions;
using GovSite.Common;

namespace GovSite.Search;

/// <summary>How the ranking reads an alternative in a document (see <see cref="SearchRanking"/>).</summary>
public enum AlternativeKind
{
    /// <summary>Folded text: counted where it stands whole.</summary>
    Text,

    /// <summary>Letters typed as full pinyin: counted where Han text reads as them.</summary>
    Pinyin,

    /// <summary>Letters typed as initials (社保 → sb): counted in titles and keywords only, as indexed.</summary>
    Initials,

    /// <summary>A 文号 key: the document's own 文号 field first, then mentions.</summary>
    DocNumber,

    /// <summary>An 索引号 key: the document's own field first, then mentions.</summary>
    IndexNumber,
}

/// <summary>One way a query term can match: every token must be present.</summary>
/// <param name="Text">
/// Folded text to highlight and count in documents; for pinyin and initials the letters (syllables
/// may be separated by '); for a 文号 or 索引号 the key the document's field and mentions give.
/// </param>
public sealed record Alternative(string[] Tokens, string Text, AlternativeKind Kind = AlternativeKind.Text);

/// <summary>Which reading of the query a plan is: the query as a whole, by its words, or by its sound.</summary>
public enum PlanStage
{
    Whole,
    Parts,
    SoundAlike,
}

/// <summary>A word of the query as the ranking scores it.</summary>
/// <param name="Word">The word as typed (folded), for suggestions and notices.</param>
/// <param name="Weight">
/// 2 for a part of the query the platform's vocabulary knows (an everyday word of the synonym
/// table, a word of the word list): when a query is read by its parts, those name what is asked
/// for (孩子上学 → 上学 → 入学); 1 otherwise.
/// </param>
public sealed record ScoredTerm(string Word, List<Alternative> Alternatives, double Weight = 1);

/// <summary>What a query means to the index: every term must match through one of its alternatives.</summary>
/// <param name="Folded">The query after folding and cutting to <see cref="SearchText.MaxQueryLength"/>.</param>
/// <param name="Terms">What the engine matches: all terms, each through any of its alternatives.</param>
/// <param name="Highlights">Texts marked in titles and snippets.</param>
/// <param name="Hint">A Chinese word the letters spell (您是不是要找).</param>
public sealed record QueryPlan(string Folded, List<List<Alternative>> Terms, List<string> Highlights, string? Hint)
{
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>What the ranking scores: the whole query's terms, or the words when the query is read by its parts.</summary>
    public List<ScoredTerm> Scored { get; init; } = [];

    public PlanStage Stage { get; init; } = PlanStage.Whole;

    /// <summary>The reading tried when this one finds nothing: the words of the query, then its sound.</summary>
    public QueryPlan? Next { get; init; }

    /// <summary>The query was longer than <see cref="SearchText.MaxQueryLength"/> and was cut.</summary>
    public bool Truncated { get; init; }

    /// <summary>Terms as the ranking sees them: <see cref="Scored"/>, or the matched terms when none were given.</summary>
    public IReadOnlyList<ScoredTerm> Ranked => Scored.Count > 0 ? Scored : [.. Terms.Select(t => new ScoredTerm(t[0].Text, t))];

    /// <summary>The same plan for the engine alone: only these terms (a candidate window on part of the query).</summary>
    public QueryPlan WithTerms(List<List<Alternative>> terms) => new(Folded, terms, Highlights, Hint);
}

/// <summary>
/// The Chinese text pipeline shared by every backend: documents and queries become the same
/// whitespace-separated tokens (character bigrams, single characters, Latin words, pinyin, 文号
/// and 索引号 keys, focus marks), so no engine ever parses user input. docs/search.md describes
/// the tokens and the query's three readings.
/// </summary>
public sealed partial class SearchText(SearchVocabulary vocabulary)
{
    // Swapped whole when the synonym table changes (SearchSynonyms); a query reads it once.
    private volatile SearchVocabulary _vocabulary = vocabulary;

    /// <summary>Longer queries are cut (with a notice on the page): a search box is not a document.</summary>
    public const int MaxQueryLength = 64;

    /// <summary>
    /// What the search box lets a visitor type or paste (its maxlength): more than is searched, so
    /// that a pasted paragraph is cut with a notice instead of silently by the browser.
    /// </summary>
    public const int MaxQueryInput = 1_000;

    /// <summary>Body text beyond this is not indexed (the start of a document carries its subject).</summary>
    public const int MaxIndexedBody = 20_000;

    /// <summary>
    /// How often a body repeats a bigram for each focus level (see <see cref="FocusPrefix"/>),
    /// counted as the ranking counts it: occurrences over the body's length normalisation
    /// (<see cref="SearchRanking.BodyPivot"/>). Level 1 from twice in a short body, level 5 from
    /// sixty (a long document about the word).
    /// </summary>
    public static readonly double[] FocusLevels = [2, 4, 10, 25, 60];

    public const string PinyinPrefix = "zpy";
    public const string InitialsPrefix = "zpi";
    public const string DocNumberPrefix = "zwh";
    public const string IndexNumberPrefix = "zsy";

    /// <summary>
    /// "zf" + level + a body bigram the document repeats, and its pinyin (zf1集约 and zf1jiyue from
    /// twice, up to zf5… from sixty times, each level also marked below it): the documents about a
    /// word, most repeated first, which the engine finds without scoring every match
    /// (docs/search.md, "Candidates").
    /// </summary>
    public const string FocusPrefix = "zf";

    private const int MaxTerms = 8;
    private const int MaxAlternatives = 8;

    private static readonly string[] Operators = ["and", "or", "not", "near"];

    // Question words around what a citizen is really after (生孩子要办什么 → 生孩子), as the segmenter cuts them.
    private static readonly HashSet<string> Fillers =
        ["什么时候", "可不可以", "能不能", "有没有", "是不是", "为什么", "怎么办", "怎么样", "哪个部门", "多少钱", "怎么",
         "怎样", "如何", "什么", "哪里", "哪些", "在哪", "哪儿", "多少", "多久", "是否", "需要", "办理", "手续", "流程",
         "我想", "我要", "想要", "请问", "咨询", "可以", "应该", "去哪里", "去哪儿", "哪个"];

    // A word holding one of these asks rather than names (哪办, 怎么弄, 啥时候).
    private static readonly System.Buffers.SearchValues<char> Asking = System.Buffers.SearchValues.Create("哪怎啥吗呢么");

    // Single characters trimmed from either end of a run: 社保在哪办 → 社保.
    private static readonly char[] Particles = ['的', '了', '吗', '呢', '啊', '呀', '吧', '要', '办', '去', '在', '哪', '谁', '么', '我', '想', '能', '该'];

    public SearchVocabulary Vocabulary => _vocabulary;

    /// <summary>Takes effect for the next query; documents need no re-indexing (synonyms only widen queries).</summary>
    public void Use(SearchVocabulary next) => _vocabulary = next;

    public static SearchText Default { get; } = new(SearchVocabulary.Default());

    /// <summary>
    /// Title tokens (title and keywords: bigrams, single characters, words, pinyin and initials of
    /// every reading, the 文号 and 索引号 fields and any 文号 written in the title) and body tokens
    /// (bigrams, single characters, words, full pinyin, the 文号 and 索引号 written in it, focus marks).
    /// </summary>
    public (string Title, string Body) DocumentTokens(string title, string? keywords, string? body,
        string? docNumber, string? indexNumber)
    {
        var titleTokens = new StringBuilder();
        var foldedTitle = ChineseText.Fold(title + " " + keywords);
        AppendTextTokens(titleTokens, foldedTitle, unigrams: true);
        AppendPinyinTokens(titleTokens, foldedTitle, initials: true, readings: 3);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in DocNumberKeys(docNumber ?? "").Concat(DocNumberMentions(foldedTitle).Select(m => m.Key)))
        {
            if (seen.Add(key))
            {
                titleTokens.Append(key).Append(' ');
            }
        }
        if (IndexNumberKey(indexNumber) is { } index)
        {
            titleTokens.Append(index).Append(' ');
        }
        var bodyTokens = new StringBuilder();
        var text = body ?? "";
        // The indexer cuts the body at MaxIndexedBody and adds the summary and attachment names.
        var foldedBody = ChineseText.Fold(text.Length > 2 * MaxIndexedBody ? text[..(2 * MaxIndexedBody)] : text);
        AppendTextTokens(bodyTokens, foldedBody, unigrams: true);
        // Bodies take the commonest reading of a polyphone only (titles keep three): 的 reads di in
        // 的确, and 的保障 must not answer dibao. Full pinyin of every pair costs index space
        // (docs/performance.md); initials are left to titles.
        AppendPinyinTokens(bodyTokens, foldedBody, initials: false, readings: 1);
        seen.Clear();
        foreach (var key in DocNumberMentions(foldedBody).Concat(IndexNumberSpans(foldedBody)).Select(m => m.Key))
        {
            if (seen.Add(key))
            {
                bodyTokens.Append(key).Append(' ');
            }
        }
        AppendFocusTokens(bodyTokens, foldedBody);
        return (titleTokens.ToString().TrimEnd(), bodyTokens.ToString().TrimEnd());
    }

    /// <summary>
    /// The query in up to three readings, each tried when the one before finds nothing:
    /// <list type="number">
    /// <item>as a whole: each run of text typed without spaces is one term, matched as a phrase
    /// (all its bigrams), widened by the synonyms of its words and with question words dropped;</item>
    /// <item>by its parts: the words of each run (cut by the segmenter), any of which may match,
    /// ranked by how many and how rare;</item>
    /// <item>by its sound: the pinyin of each run, for a homophone typed by mistake (韩永闻 → 韩永文).</item>
    /// </list>
    /// </summary>
    public QueryPlan Parse(string? query)
    {
        var raw = (query ?? "").Trim();
        var truncated = raw.Length > MaxQueryLength;
        if (truncated)
        {
            raw = raw[..MaxQueryLength];
        }
        var folded = ChineseText.Fold(raw);
        var current = _vocabulary;
        var whole = new List<List<Alternative>>();
        var parts = new List<List<ScoredTerm>>();
        var highlights = new List<string>();
        string? hint = null;
        var numbered = new List<List<Alternative>>();

        // A 文号 anywhere in the query is one term; what is left is read as words.
        var rest = folded;
        foreach (Match m in DocNumberPattern().Matches(folded))
        {
            if (numbered.Count >= 2)
            {
                break;
            }
            var keys = QueryDocNumberKeys(m);
            numbered.Add([.. keys.Select(k => new Alternative([k], k, AlternativeKind.DocNumber))]);
            highlights.Add(m.Value);
            rest = rest.Replace(m.Value, " ", StringComparison.Ordinal);
        }
        // 〔2014〕57号 or 2014年57号 typed without its issuer: the key every 文号 of that year and number carries.
        foreach (Match m in BareDocNumberPattern().Matches(rest))
        {
            if (numbered.Count >= 2)
            {
                break;
            }
            var key = BareKey(m);
            numbered.Add([new Alternative([key], key, AlternativeKind.DocNumber)]);
            highlights.Add(m.Value);
            rest = rest.Replace(m.Value, " ", StringComparison.Ordinal);
        }
        if (numbered.Count == 0 && IndexNumberKey(folded) is { } indexKey && !folded.Any(ChineseText.IsHan))
        {
            var words = Split(folded).ToList();
            var loose = TextAlternative(string.Join(' ', words));
            return new QueryPlan(folded, [[new Alternative([indexKey], indexKey, AlternativeKind.IndexNumber)]], [folded], null)
            {
                Truncated = truncated,
                Next = words.Count == 0 ? null : new QueryPlan(folded, [[loose]], [.. words], null)
                {
                    Stage = PlanStage.Parts, Truncated = truncated, Scored = [.. words.Select(w => new ScoredTerm(w, [TextAlternative(w)]))],
                },
            };
        }

        var runs = Split(rest).Where(w => !Operators.Contains(w)).Take(MaxTerms).ToList();
        var spoken = new List<string>();
        var split = false;
        foreach (var run in runs)
        {
            if (run.All(c => c is >= 'a' and <= 'z'))
            {
                var alternatives = LetterAlternatives(current, run, ref hint);
                whole.Add(alternatives);
                parts.Add([new ScoredTerm(run, alternatives)]);
                spoken.Add(run);
                highlights.AddRange(alternatives.Where(a => a.Kind == AlternativeKind.Text).Select(a => a.Text));
                continue;
            }
            var words = Words(current, run);
            var stripped = string.Concat(words.Select(w => w.Word));
            spoken.Add(stripped);
            var phrase = new List<Alternative> { TextAlternative(stripped) };
            foreach (var form in Rewrites(words))
            {
                phrase.Add(TextAlternative(form));
            }
            phrase = Distinct(phrase);
            whole.Add(phrase);
            highlights.AddRange(phrase.Select(a => a.Text));
            // Single characters (交, 办, 查) carry little on their own beside a longer word.
            var kept = words.Any(w => w.Word.Length >= 2) ? words.Where(w => w.Word.Length >= 2).ToList() : words;
            // Read by parts only beside a word of two characters or more: single characters one by one (老/树) mean nothing.
            split |= words.Count > 1 && kept.Any(w => w.Word.Length >= 2);
            var runParts = kept.Select(w => new ScoredTerm(w.Word, Distinct([TextAlternative(w.Word), .. w.Official.Select(TextAlternative)]),
                w.Official.Length > 0 || current.IsWord(w.Word) ? 2 : 1)).ToList();
            parts.Add(runParts);
            highlights.AddRange(runParts.SelectMany(p => p.Alternatives).Select(a => a.Text));
        }
        highlights = [.. highlights.Where(h => h.Length > 0).Distinct().OrderByDescending(h => h.Length)];

        var terms = numbered.Concat(whole).Where(t => t.Count > 0).ToList();
        var wholePlan = new QueryPlan(folded, terms, highlights, hint)
        {
            Truncated = truncated,
            Scored = [.. numbered.Select(t => new ScoredTerm(t[0].Text, t)), .. whole.Select((t, i) => new ScoredTerm(spoken[i], t))],
        };
        var byParts = split || numbered.Count > 0 ? PartsPlan(wholePlan, numbered, parts) : null;
        var bySound = SoundPlan(wholePlan, whole, spoken);
        return wholePlan with { Next = bySound is null ? byParts : bySound with { Next = byParts } };
    }

    /// <summary>
    /// The query by its parts: each run through any of its words (runs typed apart stay required),
    /// a 文号 also through its characters and numbers.
    /// </summary>
    private static QueryPlan? PartsPlan(QueryPlan whole, List<List<Alternative>> numbered, List<List<ScoredTerm>> parts)
    {
        if (parts.Any(p => p.Count == 0))
        {
            return null;
        }
        var terms = new List<List<Alternative>>();
        var scored = new List<ScoredTerm>();
        foreach (var term in numbered)
        {
            // zwh国办发2014n57 → 国办发2014 57: the characters and numbers, wherever they stand.
            var key = term[0].Text[DocNumberPrefix.Length..];
            var split = key.LastIndexOf('n');
            terms.Add(Distinct([.. term, TextAlternative(key[..split] + " " + key[(split + 1)..])]));
            scored.Add(new ScoredTerm(term[0].Text, terms[^1]));
        }
        foreach (var run in parts)
        {
            terms.Add(Distinct([.. run.SelectMany(p => p.Alternatives)]));
            scored.AddRange(run);
        }
        return new QueryPlan(whole.Folded, terms, whole.Highlights, whole.Hint)
        {
            Stage = PlanStage.Parts, Truncated = whole.Truncated, Scored = scored,
        };
    }

    /// <summary>
    /// Han runs by their pinyin, the other runs as they were: a homophone typed by mistake
    /// (韩永闻, 社会保线) still finds the word, since titles and bodies carry pinyin.
    /// </summary>
    private static QueryPlan? SoundPlan(QueryPlan whole, List<List<Alternative>> terms, List<string> runs)
    {
        var sounding = new List<List<Alternative>>();
        var changed = false;
        for (var i = 0; i < terms.Count; i++)
        {
            var han = new string([.. runs[i].Where(ChineseText.IsHan)]);
            if (han.Length < 2 || han.Length != runs[i].Length)
            {
                sounding.Add(terms[i]);
                continue;
            }
            var alternatives = new List<Alternative>();
            foreach (var spelling in Pinyin.SyllableSpellings(han, cap: 4))
            {
                alternatives.Add(new Alternative([.. spelling.Zip(spelling.Skip(1), (a, b) => PinyinPrefix + a + b).Distinct()],
                    string.Join('\'', spelling), AlternativeKind.Pinyin));
            }
            changed |= alternatives.Count > 0;
            sounding.Add(alternatives.Count > 0 ? Distinct(alternatives) : terms[i]);
        }
        if (!changed || whole.Terms.Count != terms.Count)
        {
            return null;
        }
        return new QueryPlan(whole.Folded, sounding, whole.Highlights, whole.Hint)
        {
            Stage = PlanStage.SoundAlike, Truncated = whole.Truncated,
            Scored = [.. sounding.Select((t, i) => new ScoredTerm(runs[i], t))],
        };
    }

    /// <summary>
    /// Letters: the word itself and the known words it spells (shebao → 社保, 社会保险), or, when it
    /// spells none, its full pinyin, read in titles and bodies (hanyongwen → 韩永文); and up to four
    /// letters as initials of titles (sb, zfwz).
    /// </summary>
    private static List<Alternative> LetterAlternatives(SearchVocabulary vocabulary, string letters, ref string? hint)
    {
        var alternatives = new List<Alternative> { TextAlternative(letters) };
        var known = vocabulary.FromPinyin(letters);
        foreach (var hanzi in known)
        {
            hint ??= hanzi;
            alternatives.Add(TextAlternative(hanzi));
            alternatives.AddRange(vocabulary.Officials(hanzi).Select(TextAlternative));
        }
        if (known.Count == 0 && Pinyin.Split(letters) is { Count: >= 2 } syllables)
        {
            alternatives.Add(new Alternative([.. syllables.Zip(syllables.Skip(1), (a, b) => PinyinPrefix + a + b).Distinct()],
                letters, AlternativeKind.Pinyin));
        }
        // Initials of two to four characters (sb, zfwz); longer letters that split into syllables are pinyin.
        if (letters.Length is >= 2 and <= 6 && (letters.Length <= 4 || Pinyin.Split(letters) is null))
        {
            alternatives.Add(new Alternative([.. letters.Zip(letters.Skip(1), (a, b) => InitialsPrefix + a + b).Distinct()],
                letters, AlternativeKind.Initials));
        }
        return Distinct(alternatives);
    }

    private static List<Alternative> Distinct(List<Alternative> alternatives) =>
        [.. alternatives.Where(a => a.Tokens.Length > 0).DistinctBy(a => string.Join(' ', a.Tokens) + "|" + a.Kind).Take(MaxAlternatives)];

    /// <summary>A word of a run and the official terms the synonym table gives it.</summary>
    private sealed record QueryWord(string Word, string[] Official);

    /// <summary>
    /// The words of a run: everyday expressions of the synonym table where they stand as whole
    /// words (身份证丢了), the rest without its question words and as the segmenter cuts it (交/社保,
    /// 孩子/上学), without particles at either end. A run of question words only stays as typed.
    /// </summary>
    private static List<QueryWord> Words(SearchVocabulary vocabulary, string run)
    {
        var words = new List<QueryWord>();
        var start = 0;
        while (start < run.Length)
        {
            var (at, everyday) = vocabulary.FindEveryday(run, start, (s, l) => ChineseWords.IsWholeWords(run, s, l));
            var end = at < 0 ? run.Length : at;
            if (end > start)
            {
                foreach (var word in ChineseWords.Cut(run[start..end]))
                {
                    var trimmed = word.Trim();
                    if (trimmed.Length > 0 && !Fillers.Contains(trimmed) && !trimmed.AsSpan().ContainsAny(Asking))
                    {
                        words.Add(new QueryWord(trimmed, [.. vocabulary.Officials(trimmed)]));
                    }
                }
            }
            if (at < 0)
            {
                break;
            }
            words.Add(new QueryWord(everyday!, [.. vocabulary.Officials(everyday!)]));
            start = at + everyday!.Length;
        }
        while (words.Count > 1 && words[^1].Word.Length == 1 && Particles.Contains(words[^1].Word[0]))
        {
            words.RemoveAt(words.Count - 1);
        }
        while (words.Count > 1 && words[0].Word.Length == 1 && Particles.Contains(words[0].Word[0]))
        {
            words.RemoveAt(0);
        }
        return words.Count > 0 ? words : [new QueryWord(run, [.. vocabulary.Officials(run)])];
    }

    /// <summary>The run with its everyday words replaced by their official terms, every combination up to a few.</summary>
    private static List<string> Rewrites(List<QueryWord> words)
    {
        var forms = new List<string> { "" };
        foreach (var word in words)
        {
            var options = word.Official.Length == 0 ? [word.Word] : word.Official;
            // Two everyday words with one official term (二手房过户 → 不动产转移登记) give it once.
            forms = [.. forms.SelectMany(f => options.Select(o => f.EndsWith(o, StringComparison.Ordinal) ? f : f + o)).Take(MaxAlternatives)];
        }
        return [.. forms.Where(f => f.Length > 0)];
    }

    private static Alternative TextAlternative(string text)
    {
        var tokens = new StringBuilder();
        AppendTextTokens(tokens, text, unigrams: false);
        return new Alternative([.. tokens.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct()], text.Trim());
    }

    /// <summary>Words of a folded query: runs of letters/digits or of Han characters, split at anything else.</summary>
    private static IEnumerable<string> Split(string folded)
    {
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            if (ChineseText.IsHan(c) || ChineseText.IsWordChar(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>
    /// Han runs become overlapping bigrams (plus single characters in documents, so a
    /// one-character query matches); Latin letters and digits become words.
    /// </summary>
    private static void AppendTextTokens(StringBuilder sb, string folded, bool unigrams)
    {
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (ChineseText.IsHan(c))
            {
                var start = i;
                while (i < folded.Length && ChineseText.IsHan(folded[i]))
                {
                    i++;
                }
                var length = i - start;
                for (var k = start; k < i; k++)
                {
                    if (unigrams || length == 1)
                    {
                        sb.Append(folded[k]).Append(' ');
                    }
                    if (k + 1 < i)
                    {
                        sb.Append(folded, k, 2).Append(' ');
                    }
                }
            }
            else if (ChineseText.IsWordChar(c))
            {
                var start = i;
                while (i < folded.Length && ChineseText.IsWordChar(folded[i]) && i - start < 40)
                {
                    i++;
                }
                sb.Append(folded, start, i - start).Append(' ');
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Full pinyin (and in titles initials) of each adjacent pair of Han characters, for the commonest readings.</summary>
    private static void AppendPinyinTokens(StringBuilder sb, string folded, bool initials, int readings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k + 1 < folded.Length; k++)
        {
            if (!ChineseText.IsHan(folded[k]) || !ChineseText.IsHan(folded[k + 1]))
            {
                continue;
            }
            var a = Pinyin.Of(folded[k]);
            var b = Pinyin.Of(folded[k + 1]);
            for (var i = 0; i < Math.Min(readings, a.Count); i++)
            {
                for (var j = 0; j < Math.Min(readings, b.Count); j++)
                {
                    var (x, y) = (a[i], b[j]);
                    if (seen.Add(string.Concat(PinyinPrefix, x, y)))
                    {
                        sb.Append(PinyinPrefix).Append(x).Append(y).Append(' ');
                    }
                    if (initials && seen.Add(string.Concat(InitialsPrefix, x.AsSpan(0, 1), y.AsSpan(0, 1))))
                    {
                        sb.Append(InitialsPrefix).Append(x[0]).Append(y[0]).Append(' ');
                    }
                }
            }
        }
    }

    /// <summary>Bigrams the body repeats, marked once per focus level they reach.</summary>
    private static void AppendFocusTokens(StringBuilder sb, string folded)
    {
        var counts = new Dictionary<int, int>();
        for (var k = 0; k + 1 < folded.Length; k++)
        {
            if (ChineseText.IsHan(folded[k]) && ChineseText.IsHan(folded[k + 1]))
            {
                var key = (folded[k] << 16) | folded[k + 1];
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var norm = 1 - SearchRanking.BodySlope + SearchRanking.BodySlope * folded.Length / SearchRanking.BodyPivot;
        foreach (var (key, count) in counts)
        {
            var (a, b) = ((char)(key >> 16), (char)(key & 0xFFFF));
            var (x, y) = (Pinyin.Of(a), Pinyin.Of(b));
            for (var level = 0; level < FocusLevels.Length && count >= 2 && count / norm >= FocusLevels[level]; level++)
            {
                sb.Append(FocusPrefix).Append((char)('1' + level)).Append(a).Append(b).Append(' ');
                if (x.Count > 0 && y.Count > 0)
                {
                    // The commonest reading only: enough to find candidates for typed pinyin.
                    sb.Append(FocusPrefix).Append((char)('1' + level)).Append(x[0]).Append(y[0]).Append(' ');
                }
            }
        }
    }

    /// <summary>
    /// A term's focus marks at a level (1 to <see cref="FocusLevels"/>.Length), as a term: the
    /// documents that repeat one of its Han alternatives (each of its bigrams at least that
    /// often) or, for letters, what they spell. Null for a term without either (a single character).
    /// </summary>
    public static List<Alternative>? Focus(List<Alternative> term, int level)
    {
        var mark = FocusPrefix + (char)('0' + level);
        var focus = term.Where(a => a.Kind == AlternativeKind.Text && a.Text.Length >= 2 && a.Text.All(ChineseText.IsHan))
            .Select(a => new Alternative([.. a.Tokens.Select(t => mark + t)], a.Text))
            .Concat(term.Where(a => a.Kind == AlternativeKind.Pinyin)
                .Select(a => new Alternative([.. a.Tokens.Select(t => mark + t[PinyinPrefix.Length..])], a.Text)))
            .ToList();
        return focus.Count > 0 ? focus : null;
    }

    /// <summary>
    /// 国办发〔2014〕57号, 国办发[2014]57号 and 国办发2014年57号 all give the same key.
    /// </summary>
    public static string? DocNumberKey(string text)
    {
        var match = DocNumberPattern().Match(ChineseText.Fold(text));
        return match.Success ? Key(match.Groups[1].Value, match) : null;
    }

    private static string Key(string prefix, Match m) =>
        DocNumberPrefix + prefix + m.Groups[2].Value + "n" + m.Groups[3].Value.TrimStart('0');

    /// <summary>
    /// The key of a 文号 without its issuer (zwh2014n57): year and number only. Every 文号 carries
    /// it beside its issuer's keys, so 〔2014〕57号 typed alone finds 国办发〔2014〕57号; an issuer's
    /// key never starts with a digit, so the two never meet.
    /// </summary>
    private static string BareKey(Match m)
    {
        var year = m.Groups["year"].Success ? m.Groups["year"].Value : m.Groups["year2"].Value;
        return DocNumberPrefix + year + "n" + m.Groups["number"].Value.TrimStart('0');
    }

    /// <summary>The 文号 field's key and its shorter issuer prefixes (办发〔2014〕57号 still finds it).</summary>
    public static IEnumerable<string> DocNumberKeys(string docNumber)
    {
        var match = DocNumberPattern().Match(ChineseText.Fold(docNumber));
        if (!match.Success)
        {
            yield break;
        }
        var prefix = match.Groups[1].Value;
        for (var start = 0; start <= prefix.Length - 2; start++)
        {
            yield return Key(prefix[start..], match);
        }
        if (BareDocNumberPattern().Match(match.Value) is { Success: true } bare)
        {
            yield return BareKey(bare);
        }
    }

    /// <summary>
    /// Every 文号 written in a text and where, keyed for each ending of the characters before it:
    /// the text does not say where the issuer's abbreviation starts (根据国办发〔2014〕57号 gives
    /// 国办发…, 办发…, 据国办发…), and every year and number written as a 文号 is (〔2014〕57号,
    /// 2014年第57号, with or without an issuer before it) also keyed without its issuer.
    /// </summary>
    public static IEnumerable<(string Key, int Start, int Length)> DocNumberMentions(string folded)
    {
        foreach (Match m in DocNumberPattern().Matches(folded))
        {
            var prefix = m.Groups[1].Value;
            for (var start = 0; start <= prefix.Length - 2; start++)
            {
                yield return (Key(prefix[start..], m), m.Index + start, m.Length - start);
            }
        }
        foreach (Match m in BareDocNumberPattern().Matches(folded))
        {
            yield return (BareKey(m), m.Index, m.Length);
        }
    }

    /// <summary>The query's 文号 as typed, and its endings from three characters when more came before it.</summary>
    private static List<string> QueryDocNumberKeys(Match m)
    {
        var prefix = m.Groups[1].Value;
        var keys = new List<string> { Key(prefix, m) };
        for (var length = Math.Min(6, prefix.Length - 1); length >= 3; length--)
        {
            keys.Add(Key(prefix[^length..], m));
        }
        return keys;
    }

    /// <summary>索引号 such as 11330000002482870P/2024-00012: letters and digits only, so spacing and separators do not matter.</summary>
    public static string? IndexNumberKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var folded = ChineseText.Fold(text);
        if (!folded.Any(c => c is '-' or '/') || folded.Count(char.IsAsciiDigit) < 6)
        {
            return null;
        }
        var key = new string([.. folded.Where(ChineseText.IsWordChar)]);
        return key.Length is >= 8 and <= 40 ? IndexNumberPrefix + key : null;
    }

    /// <summary>索引号 written in a text and where.</summary>
    public static IEnumerable<(string Key, int Start, int Length)> IndexNumberSpans(string folded)
    {
        foreach (Match m in IndexNumberPattern().Matches(folded))
        {
            if (IndexNumberKey(m.Value) is { } key)
            {
                yield return (key, m.Index, m.Length);
            }
        }
    }

    [GeneratedRegex(@"([\u4e00-\u9fa5]{1,12}?)\s*[\[〔【(（]?\s*((?:19|20)\d{2})\s*[\]〕】)）]?\s*年?\s*第?\s*(\d{1,5})\s*号")]
    private static partial Regex DocNumberPattern();

    /// <summary>
    /// A year and number written as a 文号 is, issuer or not: in brackets (〔2014〕57号, [2014]第57号)
    /// or with 年 (2014年57号). A bare 201457号 is not one: without either mark it is just a number.
    /// </summary>
    [GeneratedRegex(@"(?<!\d)(?:[\[〔【(（]\s*(?<year>(?:19|20)\d{2})\s*[\]〕】)）]\s*年?|(?<year2>(?:19|20)\d{2})\s*年)\s*第?\s*(?<number>\d{1,5})\s*号")]
    private static partial Regex BareDocNumberPattern();

    [GeneratedRegex(@"[0-9a-z]{4,24}(?:\s?[-/]\s?[0-9a-z]{2,24}){1,3}")]
    private static partial Regex IndexNumberPattern();
}
