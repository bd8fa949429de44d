using System.Text;
using System.Text.RegularExpressions;

namespace GovSite.Search;

/// <summary>One way a query term can match: every token must be present.</summary>
/// <param name="Text">Folded text to highlight and to test for a whole-word match in ranking.</param>
public sealed record Alternative(string[] Tokens, string Text);

/// <summary>What a query means to the index: every term must match through one of its alternatives.</summary>
public sealed record QueryPlan(string Folded, List<List<Alternative>> Terms, List<string> Highlights, string? Hint)
{
    public bool IsEmpty => Terms.Count == 0;
}

/// <summary>
/// The Chinese text pipeline shared by every backend: documents and queries become the same
/// whitespace-separated tokens (character bigrams, single characters, Latin words, pinyin of the
/// title, 文号 and 索引号 keys), so no engine ever parses user input.
/// </summary>
public sealed partial class SearchText(SearchVocabulary vocabulary)
{
    // Swapped whole when the synonym table changes (SearchSynonyms); a query reads it once.
    private volatile SearchVocabulary _vocabulary = vocabulary;

    /// <summary>Longer queries are cut: a search box is not a document.</summary>
    public const int MaxQueryLength = 64;

    /// <summary>Body text beyond this is not indexed (the start of a document carries its subject).</summary>
    public const int MaxIndexedBody = 20_000;

    private const string PinyinPrefix = "zpy";
    private const string InitialsPrefix = "zpi";
    private const string DocNumberPrefix = "zwh";
    private const string IndexNumberPrefix = "zsy";

    private static readonly string[] Operators = ["and", "or", "not", "near"];

    // Question words around what a citizen is really after: 生孩子要办什么 → 生孩子.
    private static readonly string[] Fillers =
        ["需要办理什么", "要办什么", "怎么办理", "如何办理", "在哪里办", "在哪办", "怎么办", "怎么样", "怎么", "怎样", "如何", "什么",
         "哪里", "在哪", "哪儿", "需要", "办理", "手续", "流程", "我想", "我要", "想要", "请问", "咨询"];

    public SearchVocabulary Vocabulary => _vocabulary;

    /// <summary>Takes effect for the next query; documents need no re-indexing (synonyms only widen queries).</summary>
    public void Use(SearchVocabulary next) => _vocabulary = next;

    public static SearchText Default { get; } = new(SearchVocabulary.Default());

    public (string Title, string Body) DocumentTokens(string title, string? keywords, string? body,
        string? docNumber, string? indexNumber)
    {
        var titleTokens = new StringBuilder();
        var foldedTitle = ChineseText.Fold(title + " " + keywords);
        AppendTextTokens(titleTokens, foldedTitle, unigrams: true);
        AppendPinyinTokens(titleTokens, foldedTitle);
        if (DocNumberKey(docNumber ?? "") is { } key)
        {
            titleTokens.Append(key).Append(' ');
        }
        if (IndexNumberKey(indexNumber) is { } index)
        {
            titleTokens.Append(index).Append(' ');
        }
        var bodyTokens = new StringBuilder();
        var text = body ?? "";
        AppendTextTokens(bodyTokens, ChineseText.Fold(text.Length > MaxIndexedBody ? text[..MaxIndexedBody] : text), unigrams: true);
        return (titleTokens.ToString().TrimEnd(), bodyTokens.ToString().TrimEnd());
    }

    public QueryPlan Parse(string? query)
    {
        var raw = (query ?? "").Trim();
        if (raw.Length > MaxQueryLength)
        {
            raw = raw[..MaxQueryLength];
        }
        var folded = ChineseText.Fold(raw);
        var current = _vocabulary;
        var terms = new List<List<Alternative>>();
        var highlights = new List<string>();
        string? hint = null;

        if (DocNumberKey(folded) is { } docKey)
        {
            terms.Add([new Alternative([docKey], "")]);
            return new QueryPlan(folded, terms, highlights, null);
        }
        if (IndexNumberKey(folded) is { } indexKey && !folded.Any(ChineseText.IsHan))
        {
            terms.Add([new Alternative([indexKey], "")]);
            return new QueryPlan(folded, terms, highlights, null);
        }

        var words = Split(folded).Where(w => !Operators.Contains(w)).Take(8).ToList();
        foreach (var word in words)
        {
            var alternatives = new List<Alternative>();
            if (word.All(c => c is >= 'a' and <= 'z'))
            {
                alternatives.Add(TextAlternative(word));
                foreach (var hanzi in current.FromPinyin(word))
                {
                    hint ??= hanzi;
                    AddChinese(current, alternatives, hanzi);
                }
                if (Pinyin.Split(word) is { Count: >= 2 } syllables)
                {
                    alternatives.Add(new Alternative(
                        [.. syllables.Zip(syllables.Skip(1), (a, b) => PinyinPrefix + a + b).Distinct()], ""));
                }
                if (word.Length is >= 2 and <= 6)
                {
                    alternatives.Add(new Alternative(
                        [.. word.Zip(word.Skip(1), (a, b) => InitialsPrefix + a + b).Distinct()], ""));
                }
            }
            else
            {
                AddChinese(current, alternatives, word);
            }
            alternatives = [.. alternatives.Where(a => a.Tokens.Length > 0).DistinctBy(a => string.Join(' ', a.Tokens))];
            if (alternatives.Count > 0)
            {
                terms.Add(alternatives);
                highlights.AddRange(alternatives.Select(a => a.Text).Where(t => t.Length > 0));
            }
        }
        return new QueryPlan(folded, terms, [.. highlights.Distinct().OrderByDescending(h => h.Length)], hint);
    }

    /// <summary>The term itself, its synonyms, the term without question words, and the known words inside it.</summary>
    private static void AddChinese(SearchVocabulary vocabulary, List<Alternative> alternatives, string word)
    {
        var forms = new List<string> { word };
        var stripped = StripFillers(word);
        if (stripped.Length >= 1 && stripped != word)
        {
            forms.Add(stripped);
        }
        foreach (var form in forms.ToList())
        {
            forms.AddRange(vocabulary.Rewrite(form).Select(StripFillers));
        }
        // Long sentences rarely match bigram for bigram; the words we know inside them do.
        if (word.Length > 6)
        {
            var known = vocabulary.Words.Where(w => word.Contains(w, StringComparison.Ordinal)).ToList();
            known = [.. known.Where(w => !known.Any(o => o.Length > w.Length && o.Contains(w, StringComparison.Ordinal)))];
            if (known.Count > 0)
            {
                forms.Add(string.Join(' ', known));
            }
        }
        foreach (var form in forms.Distinct())
        {
            alternatives.Add(TextAlternative(form));
        }
    }

    private static string StripFillers(string word)
    {
        var result = word;
        foreach (var filler in Fillers)
        {
            var next = result.Replace(filler, "", StringComparison.Ordinal);
            if (next.Length >= 2 || (next.Length == 1 && result.Length > 1 && word.Length <= 3))
            {
                result = next;
            }
        }
        result = result.Trim('的', '了', '吗', '呢', '啊', '呀', '要', '办', '去');
        return result.Length > 0 ? result : word;
    }

    private static Alternative TextAlternative(string text)
    {
        var tokens = new StringBuilder();
        AppendTextTokens(tokens, text, unigrams: false);
        return new Alternative(tokens.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray(), text.Trim());
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

    /// <summary>Full pinyin and initials of each adjacent pair of title characters, every reading of a polyphone.</summary>
    private static void AppendPinyinTokens(StringBuilder sb, string folded)
    {
        var seen = new HashSet<string>();
        for (var k = 0; k + 1 < folded.Length; k++)
        {
            if (!ChineseText.IsHan(folded[k]) || !ChineseText.IsHan(folded[k + 1]))
            {
                continue;
            }
            var a = Pinyin.Of(folded[k]);
            var b = Pinyin.Of(folded[k + 1]);
            foreach (var x in a)
            {
                foreach (var y in b)
                {
                    if (seen.Add(PinyinPrefix + x + y))
                    {
                        sb.Append(PinyinPrefix).Append(x).Append(y).Append(' ');
                    }
                    if (seen.Add(InitialsPrefix + x[0] + y[0]))
                    {
                        sb.Append(InitialsPrefix).Append(x[0]).Append(y[0]).Append(' ');
                    }
                }
            }
        }
    }

    /// <summary>
    /// 国办发〔2014〕57号, 国办发[2014]57号 and 国办发2014年57号 all give the same key.
    /// </summary>
    public static string? DocNumberKey(string text)
    {
        var match = DocNumberPattern().Match(ChineseText.Fold(text));
        return match.Success
            ? DocNumberPrefix + match.Groups[1].Value + match.Groups[2].Value + "n" + match.Groups[3].Value.TrimStart('0')
            : null;
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

    [GeneratedRegex(@"([\u4e00-\u9fa5]{1,12}?)\s*[\[〔【(（]?\s*((?:19|20)\d{2})\s*[\]〕】)）]?\s*年?\s*第?\s*(\d{1,5})\s*号")]
    private static partial Regex DocNumberPattern();
}
